import { HStack, SegmentGroup } from "@chakra-ui/react";
import { LuLayoutGrid, LuList } from "react-icons/lu";
import type { LibraryView } from "../search";

const VIEWS = [
  {
    value: "grid",
    label: (
      <HStack gap="1.5">
        <LuLayoutGrid aria-hidden />
        Grid
      </HStack>
    ),
  },
  {
    value: "list",
    label: (
      <HStack gap="1.5">
        <LuList aria-hidden />
        List
      </HStack>
    ),
  },
];

type ViewToggleProps = { value: LibraryView; onChange: (view: LibraryView) => void };

/** Cards or rows: a pair of radio buttons, so the choice is announced as one of two. */
export function ViewToggle({ value, onChange }: ViewToggleProps) {
  return (
    <SegmentGroup.Root
      size="sm"
      value={value}
      onValueChange={(details) => details.value && onChange(details.value as LibraryView)}
      aria-label="Layout"
    >
      <SegmentGroup.Indicator />
      <SegmentGroup.Items items={VIEWS} />
    </SegmentGroup.Root>
  );
}
