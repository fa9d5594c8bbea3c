import { Field, Input, InputGroup, Spinner } from "@chakra-ui/react";
import { useEffect, useEffectEvent, useState } from "react";
import { LuSearch } from "react-icons/lu";
import { useDebouncedValue } from "@/lib/use-debounced-value";

const SEARCH_DEBOUNCE_MS = 300;

type SearchInputProps = {
  /** The visible label, e.g. "Search users". */
  label: string;
  placeholder?: string;
  /** The search as it is in the URL. */
  value: string;
  /** Called with the trimmed text once the user pauses typing. */
  onSearch: (q: string) => void;
  /** Shows a spinner while the search result loads. */
  busy?: boolean;
};

/** A labelled search box for a list whose search lives in the URL. */
export function SearchInput({ label, placeholder, value, onSearch, busy }: SearchInputProps) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);

  // Effect events read the latest props without making them reasons to re-run.
  const searchSettledText = useEffectEvent((q: string) => {
    if (q !== value) onSearch(q);
  });
  const showUrlSearch = useEffectEvent((q: string) => {
    // The URL changed from elsewhere (back button, "Clear search"): show it in the box.
    if (q !== debounced) setText(q);
  });

  useEffect(() => searchSettledText(debounced), [debounced]);
  useEffect(() => showUrlSearch(value), [value]);

  return (
    <Field.Root maxW={{ base: "full", md: "sm" }}>
      <Field.Label>{label}</Field.Label>
      <InputGroup
        startElement={<LuSearch aria-hidden />}
        endElement={busy ? <Spinner size="xs" color="fg.muted" aria-label="Searching" /> : null}
      >
        <Input
          type="search"
          placeholder={placeholder}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </InputGroup>
    </Field.Root>
  );
}
