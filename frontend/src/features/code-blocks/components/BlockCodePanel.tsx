import { Badge, Box, Button, HStack, Stack, Text } from "@chakra-ui/react";
import { useState } from "react";
import { LuPencil } from "react-icons/lu";
import type { CodeBlockDetail } from "@/client";
import { CodeView } from "@/components/code/CodeView";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage } from "@/lib/api-error";
import { languageName } from "@/lib/code-languages";
import { formatCount } from "@/lib/format";
import { codeSchema } from "../schemas";
import { CodeTextarea } from "./CodeTextarea";

type BlockCodePanelProps = {
  block: CodeBlockDetail;
  /** Saves the edited code as the entry's next version. */
  onSaveCode: (code: string) => Promise<unknown>;
};

/** The code, highlighted with line numbers; "Edit code" turns it into a field saved as a new version. */
export function BlockCodePanel({ block, onSaveCode }: BlockCodePanelProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nextVersion = block.versions_count + 1;

  const cancel = () => {
    setDraft(null);
    setError(null);
  };

  const save = async () => {
    if (draft === null) return;
    const parsed = codeSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Not valid");
    if (draft === block.code) return cancel();
    setSaving(true);
    try {
      await onSaveCode(draft);
      cancel();
    } catch (caught) {
      setError(getErrorMessage(caught, "The new version was not saved. Try again."));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box
      as="section"
      aria-label="Code"
      borderWidth="1px"
      rounded="lg"
      overflow="hidden"
      bg="bg.subtle"
    >
      <HStack
        justify="space-between"
        ps="3"
        pe="2"
        py="1.5"
        borderBottomWidth="1px"
        bg="bg.muted"
        gap="3"
      >
        <HStack gap="2" color="fg.muted" textStyle="xs" minW="0">
          <Text fontWeight="medium" fontFamily="mono">
            {languageName(block.language)}
          </Text>
          <Text aria-hidden>·</Text>
          <Text>Version {block.version}</Text>
          {block.is_latest && block.versions_count > 1 && (
            <Badge size="xs" colorPalette="green" variant="subtle">
              Latest
            </Badge>
          )}
          <Text aria-hidden>·</Text>
          <Text>{formatCount(block.code.split("\n").length, "line", "lines")}</Text>
        </HStack>
        {draft === null && (
          <Button size="xs" variant="ghost" onClick={() => setDraft(block.code)}>
            <LuPencil aria-hidden />
            Edit code
          </Button>
        )}
      </HStack>
      {draft === null ? (
        <CodeView code={block.code} language={block.language} lineNumbers maxH="70vh" />
      ) : (
        <Stack gap="3" p="3" bg="bg">
          <CodeTextarea
            aria-label="Code"
            value={draft}
            autoFocus
            disabled={saving}
            minH="60"
            rows={Math.min(30, Math.max(8, draft.split("\n").length + 1))}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(null);
            }}
            onSubmitShortcut={() => void save()}
          />
          <FormAlert message={error} />
          <HStack gap="2" wrap="wrap">
            <Button size="sm" colorPalette="brand" onClick={() => void save()} loading={saving}>
              Save as version {nextVersion}
            </Button>
            <Button size="sm" variant="ghost" onClick={cancel} disabled={saving}>
              Cancel
            </Button>
            <Text textStyle="xs" color="fg.muted">
              Earlier versions stay in the history. Ctrl+Enter saves.
            </Text>
          </HStack>
        </Stack>
      )}
    </Box>
  );
}
