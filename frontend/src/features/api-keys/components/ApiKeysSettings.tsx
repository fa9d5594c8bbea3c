import { Button, EmptyState, Flex, Skeleton, Stack, Text, VStack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuKeyRound, LuPlus } from "react-icons/lu";
import type { ApiKeyPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { SettingsSection } from "@/components/SettingsSection";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { apiKeysQueryOptions, useUpdateApiKey, useValidateApiKey } from "../api";
import { AddKeyDialog } from "./AddKeyDialog";
import { ApiKeyCard } from "./ApiKeyCard";
import { DeleteKeyDialog } from "./DeleteKeyDialog";
import { EditKeyDialog } from "./EditKeyDialog";
import { ReplaceKeyDialog } from "./ReplaceKeyDialog";

type DialogState =
  | { kind: "closed" }
  | { kind: "replace" | "edit" | "delete"; apiKey: ApiKeyPublic };

/** Settings → API keys: bring your own OpenAI, Anthropic or OpenAI-compatible keys. */
export function ApiKeysSettings() {
  const keys = useQuery(apiKeysQueryOptions());
  const validate = useValidateApiKey();
  const update = useUpdateApiKey();
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<DialogState>({ kind: "closed" });
  const closeDialog = () => setDialog({ kind: "closed" });
  const dialogKey = (kind: "replace" | "edit" | "delete") =>
    dialog.kind === kind ? dialog.apiKey : null;

  const check = (apiKey: ApiKeyPublic) =>
    validate.mutate(apiKey.id, {
      onSuccess: (checked) => {
        const notify = checked.status === "valid" ? toaster.success : toaster.warning;
        notify({
          title: `${checked.label}: ${checked.status === "valid" ? "valid" : checked.status}`,
          description: checked.status_message ?? undefined,
        });
      },
      onError: (error) =>
        toaster.error({ title: "Could not check the key", description: getErrorMessage(error) }),
    });

  const makeDefault = (apiKey: ApiKeyPublic) =>
    update.mutate(
      { apiKeyId: apiKey.id, body: { is_default: true } },
      {
        onSuccess: (saved) =>
          toaster.success({ title: "Default key changed", description: saved.label }),
        onError: (error) =>
          toaster.error({
            title: "Could not change the default",
            description: getErrorMessage(error),
          }),
      },
    );

  const list = keys.data?.data;

  return (
    <SettingsSection
      title="API keys"
      description="Bring your own key for OpenAI, Anthropic or an OpenAI-compatible server (Ollama, vLLM, LM Studio). Keys are checked on entry, stored encrypted and never shown again."
    >
      <Stack gap="4">
        <Flex justify="space-between" align="center" gap="3" wrap="wrap">
          <Text textStyle="sm" color="fg.muted" maxW="xl">
            Without a key, chats use the built-in assistant: it works offline and covers the common
            analyses.
          </Text>
          <Button colorPalette="brand" onClick={() => setAdding(true)}>
            <LuPlus aria-hidden />
            Add key
          </Button>
        </Flex>
        {keys.isError && <FormAlert message={getErrorMessage(keys.error)} />}
        {keys.isPending && <Skeleton h="32" rounded="lg" />}
        {list && list.length === 0 && (
          <EmptyState.Root borderWidth="1px" borderStyle="dashed" rounded="lg">
            <EmptyState.Content>
              <EmptyState.Indicator>
                <LuKeyRound />
              </EmptyState.Indicator>
              <VStack textAlign="center">
                <EmptyState.Title>No keys yet</EmptyState.Title>
                <EmptyState.Description maxW="md">
                  Add a key to chat with GPT, Claude or a model on your own server. Your first key
                  becomes the default.
                </EmptyState.Description>
              </VStack>
            </EmptyState.Content>
          </EmptyState.Root>
        )}
        {list && list.length > 0 && (
          <Stack as="ul" gap="3" aria-label="Your API keys">
            {list.map((apiKey) => (
              <ApiKeyCard
                key={apiKey.id}
                apiKey={apiKey}
                checking={validate.isPending && validate.variables === apiKey.id}
                makingDefault={update.isPending && update.variables?.apiKeyId === apiKey.id}
                onCheck={() => check(apiKey)}
                onReplace={() => setDialog({ kind: "replace", apiKey })}
                onEdit={() => setDialog({ kind: "edit", apiKey })}
                onMakeDefault={() => makeDefault(apiKey)}
                onDelete={() => setDialog({ kind: "delete", apiKey })}
              />
            ))}
          </Stack>
        )}
      </Stack>
      <AddKeyDialog open={adding} onOpenChange={setAdding} />
      <ReplaceKeyDialog apiKey={dialogKey("replace")} onClose={closeDialog} />
      <EditKeyDialog apiKey={dialogKey("edit")} onClose={closeDialog} />
      <DeleteKeyDialog apiKey={dialogKey("delete")} onClose={closeDialog} />
    </SettingsSection>
  );
}
