import { Button, Field, HStack, Input, Popover, Portal, Stack, Text } from "@chakra-ui/react";
import { LuCalendarRange, LuChevronDown } from "react-icons/lu";

type DateRangeFilterProps = {
  /** Calendar days, YYYY-MM-DD; null leaves that end open. */
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
};

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00`));
}

export function rangeLabel(from: string | null, to: string | null): string | null {
  if (from && to) return `${formatDay(from)} – ${formatDay(to)}`;
  if (from) return `Since ${formatDay(from)}`;
  if (to) return `Until ${formatDay(to)}`;
  return null;
}

/** When the blocks were made: two day fields in a popover, each end optional. */
export function DateRangeFilter({ from, to, onChange }: DateRangeFilterProps) {
  const label = rangeLabel(from, to);

  return (
    <Popover.Root positioning={{ placement: "bottom-start" }}>
      <Popover.Trigger asChild>
        <Button
          size="sm"
          variant={label ? "subtle" : "outline"}
          colorPalette={label ? "brand" : "gray"}
        >
          <LuCalendarRange aria-hidden />
          <Text as="span" truncate maxW="52">
            {label ?? "Created"}
          </Text>
          <LuChevronDown aria-hidden />
        </Button>
      </Popover.Trigger>
      <Portal>
        <Popover.Positioner>
          <Popover.Content w="xs">
            <Popover.Body>
              <Stack gap="3">
                <Popover.Title fontWeight="medium">Created between</Popover.Title>
                <HStack gap="3" align="flex-start">
                  <Field.Root>
                    <Field.Label>From</Field.Label>
                    <Input
                      type="date"
                      size="sm"
                      value={from ?? ""}
                      max={to ?? undefined}
                      onChange={(event) => onChange({ from: event.target.value || null, to })}
                    />
                  </Field.Root>
                  <Field.Root>
                    <Field.Label>To</Field.Label>
                    <Input
                      type="date"
                      size="sm"
                      value={to ?? ""}
                      min={from ?? undefined}
                      onChange={(event) => onChange({ from, to: event.target.value || null })}
                    />
                  </Field.Root>
                </HStack>
                {label && (
                  <Button
                    size="xs"
                    variant="ghost"
                    alignSelf="flex-start"
                    onClick={() => onChange({ from: null, to: null })}
                  >
                    Any date
                  </Button>
                )}
              </Stack>
            </Popover.Body>
          </Popover.Content>
        </Popover.Positioner>
      </Portal>
    </Popover.Root>
  );
}
