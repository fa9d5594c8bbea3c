import { Button, Menu, Portal, Text } from "@chakra-ui/react";
import { LuChevronDown } from "react-icons/lu";
import { formatInteger } from "@/lib/format";

export type FacetValue = { value: string; count: number };

type FacetMenuProps = {
  /** What is filtered: "Tag", "Language". */
  label: string;
  values: FacetValue[];
  selected: string[];
  /** Several values at once (all must match) or one. */
  multiple?: boolean;
  onChange: (selected: string[]) => void;
  /** How a value is written: "python" -> "Python". */
  format?: (value: string) => string;
  /** Said when there is nothing to choose from yet. */
  emptyText: string;
};

const ANY = "";

/** A filter button opening the values found in the library, most used first, with their counts. */
export function FacetMenu({
  label,
  values,
  selected,
  multiple = false,
  onChange,
  format = (value) => value,
  emptyText,
}: FacetMenuProps) {
  const active = selected.length > 0;
  const summary = !active
    ? label
    : selected.length === 1
      ? `${label}: ${format(selected[0])}`
      : `${label}: ${selected.length}`;
  // A filter in the address that the facets no longer list (a renamed tag) stays choosable.
  const shown = [
    ...values,
    ...selected
      .filter((value) => !values.some((v) => v.value === value))
      .map((value) => ({ value, count: 0 })),
  ];
  const item = (facet: FacetValue) => (
    <>
      <Menu.ItemText flex="1" truncate>
        {format(facet.value)}
      </Menu.ItemText>
      {facet.count > 0 && (
        <Text as="span" textStyle="xs" color="fg.muted" ms="3">
          {formatInteger(facet.count)}
        </Text>
      )}
      <Menu.ItemIndicator />
    </>
  );

  return (
    <Menu.Root closeOnSelect={!multiple} positioning={{ placement: "bottom-start" }}>
      <Menu.Trigger asChild>
        <Button
          size="sm"
          variant={active ? "subtle" : "outline"}
          colorPalette={active ? "brand" : "gray"}
          maxW="60"
        >
          <Text as="span" truncate>
            {summary}
          </Text>
          <LuChevronDown aria-hidden />
        </Button>
      </Menu.Trigger>
      <Portal>
        <Menu.Positioner>
          <Menu.Content minW="56" maxW="xs" maxH="80" overflowY="auto">
            {shown.length === 0 ? (
              <Text px="2" py="1.5" textStyle="sm" color="fg.muted">
                {emptyText}
              </Text>
            ) : multiple ? (
              shown.map((facet) => (
                <Menu.CheckboxItem
                  key={facet.value}
                  value={facet.value}
                  checked={selected.includes(facet.value)}
                  onCheckedChange={(checked) =>
                    onChange(
                      checked
                        ? [...selected, facet.value]
                        : selected.filter((value) => value !== facet.value),
                    )
                  }
                >
                  {item(facet)}
                </Menu.CheckboxItem>
              ))
            ) : (
              <Menu.RadioItemGroup
                value={selected[0] ?? ANY}
                onValueChange={(details) => onChange(details.value === ANY ? [] : [details.value])}
              >
                <Menu.RadioItem value={ANY}>
                  <Menu.ItemText flex="1">Any</Menu.ItemText>
                  <Menu.ItemIndicator />
                </Menu.RadioItem>
                {shown.map((facet) => (
                  <Menu.RadioItem key={facet.value} value={facet.value}>
                    {item(facet)}
                  </Menu.RadioItem>
                ))}
              </Menu.RadioItemGroup>
            )}
          </Menu.Content>
        </Menu.Positioner>
      </Portal>
    </Menu.Root>
  );
}
