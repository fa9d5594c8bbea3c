import { Alert, List } from "@chakra-ui/react";
import type { FileProfile, RenamedColumn } from "@/client";

function describeRename({ position, original, name }: RenamedColumn) {
  const where = `Column ${position + 1}`;
  return original.trim() === ""
    ? `${where} had no name; it is called “${name}”.`
    : `${where} repeats the name “${original}”; it is called “${name}”.`;
}

/** What Red Panda changed or skipped while reading the file, so nothing is silently lost. */
export function FileWarnings({ profile }: { profile: FileProfile }) {
  const notes = [
    ...(profile.warnings ?? []),
    ...(profile.renamed_columns ?? []).map(describeRename),
  ];
  if (notes.length === 0) return null;
  return (
    <Alert.Root status="info" rounded="lg" role="status">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>Red Panda adjusted this file while reading it</Alert.Title>
        <Alert.Description>
          <List.Root ps="4" mt="1" gap="0.5">
            {notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List.Root>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
