import { Box, Button, HStack, IconButton, Input, Stack, Text, Textarea } from "@chakra-ui/react";
import { type KeyboardEvent, type ReactNode, useState } from "react";
import { LuPencil } from "react-icons/lu";
import type { z } from "zod";
import { getErrorMessage } from "@/lib/api-error";

type EditableFieldProps = {
  value: string;
  /** What is edited, for the buttons and the field: "name", "description". */
  label: string;
  schema: z.ZodType<string, string>;
  onSave: (value: string) => Promise<unknown>;
  multiline?: boolean;
  /** How the value reads when not editing. */
  children: ReactNode;
};

/** Text shown as it is, with a pencil that turns it into a field; Enter saves, Escape cancels. */
export function EditableField({
  value,
  label,
  schema,
  onSave,
  multiline = false,
  children,
}: EditableFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const cancel = () => {
    setDraft(null);
    setError(null);
  };

  const save = async () => {
    if (draft === null) return;
    const parsed = schema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not valid");
    if (parsed.data === value) return cancel();
    setSaving(true);
    try {
      await onSave(parsed.data);
      cancel();
    } catch (caught) {
      setError(getErrorMessage(caught, "Not saved. Try again."));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      cancel();
    } else if (event.key === "Enter" && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  if (draft === null) {
    return (
      <HStack gap="1" align="flex-start" minW="0">
        <Box minW="0">{children}</Box>
        <IconButton
          size="xs"
          variant="ghost"
          color="fg.muted"
          aria-label={`Edit ${label}`}
          title={`Edit ${label}`}
          onClick={() => setDraft(value)}
        >
          <LuPencil />
        </IconButton>
      </HStack>
    );
  }

  const fieldProps = {
    "aria-label": label[0].toUpperCase() + label.slice(1),
    "aria-invalid": error ? true : undefined,
    value: draft,
    autoFocus: true,
    disabled: saving,
    onKeyDown,
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      setError(null);
    },
  };

  return (
    <Stack gap="2" w="full">
      {multiline ? <Textarea {...fieldProps} rows={3} autoresize /> : <Input {...fieldProps} />}
      {error && (
        <Text role="alert" textStyle="sm" color="fg.error">
          {error}
        </Text>
      )}
      <HStack gap="2">
        <Button size="xs" colorPalette="brand" onClick={() => void save()} loading={saving}>
          Save
        </Button>
        <Button size="xs" variant="ghost" onClick={cancel} disabled={saving}>
          Cancel
        </Button>
      </HStack>
    </Stack>
  );
}
