import { Button, HStack, Input, Tag, Text } from "@chakra-ui/react";
import { type KeyboardEvent, useId, useState } from "react";
import { LuPlus } from "react-icons/lu";
import { MAX_TAGS, tagSchema, withTag } from "../schemas";

type InlineTagsProps = {
  tags: string[];
  /** What the tags belong to, for the buttons' names: "Remove tag sales from <name>". */
  name: string;
  /** Called with the whole new list; the parent saves it. */
  onChange: (tags: string[]) => void;
  /** Tags used elsewhere in the library, offered while typing. */
  suggestions?: string[];
  /** A tag shown as a link-like button filters the library by it. */
  onTagClick?: (tag: string) => void;
  disabled?: boolean;
  size?: "sm" | "md";
};

/** Tags as chips with a remove button each, and "Add tag" opening a small field in place. */
export function InlineTags({
  tags,
  name,
  onChange,
  suggestions = [],
  onTagClick,
  disabled = false,
  size = "sm",
}: InlineTagsProps) {
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  const close = () => {
    setAdding(false);
    setText("");
    setError(null);
  };

  /** Adds the typed tag; Enter keeps the field open (tags come in twos and threes), a blur not. */
  const add = (keepOpen: boolean) => {
    if (!text.trim()) return close();
    const parsed = tagSchema.safeParse(text);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not a tag");
    if (!tags.includes(parsed.data) && tags.length >= MAX_TAGS) {
      return setError(`At most ${MAX_TAGS} tags`);
    }
    onChange(withTag(tags, parsed.data));
    if (!keepOpen) return close();
    setText("");
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(true);
    } else if (event.key === "Escape") {
      event.stopPropagation();
      close();
    }
  };

  return (
    <HStack as="ul" aria-label={`Tags of ${name}`} gap="1.5" wrap="wrap" listStyleType="none">
      {tags.map((tag) => (
        <Tag.Root as="li" key={tag} size={size} variant="subtle" colorPalette="brand">
          {onTagClick ? (
            <Tag.Label asChild>
              <button
                type="button"
                onClick={() => onTagClick(tag)}
                title={`Show code tagged ${tag}`}
              >
                {tag}
              </button>
            </Tag.Label>
          ) : (
            <Tag.Label>{tag}</Tag.Label>
          )}
          <Tag.EndElement>
            <Tag.CloseTrigger
              aria-label={`Remove tag ${tag} from ${name}`}
              disabled={disabled}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            />
          </Tag.EndElement>
        </Tag.Root>
      ))}
      <li>
        {adding ? (
          <HStack gap="1">
            <Input
              size="xs"
              w="32"
              autoFocus
              aria-label={`New tag for ${name}`}
              aria-invalid={error ? true : undefined}
              placeholder="tag name"
              list={listId}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setError(null);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => add(false)}
              disabled={disabled}
            />
            <datalist id={listId}>
              {suggestions
                .filter((tag) => !tags.includes(tag))
                .map((tag) => (
                  <option key={tag} value={tag} />
                ))}
            </datalist>
            {error && (
              <Text role="alert" textStyle="xs" color="fg.error">
                {error}
              </Text>
            )}
          </HStack>
        ) : (
          <Button
            size="2xs"
            variant="ghost"
            color="fg.muted"
            onClick={() => setAdding(true)}
            disabled={disabled}
            aria-label={`Add a tag to ${name}`}
          >
            <LuPlus aria-hidden />
            {tags.length === 0 ? "Add tag" : "Tag"}
          </Button>
        )}
      </li>
    </HStack>
  );
}
