import { Alert, HStack, NativeSelect, Spinner, Stack, Text } from "@chakra-ui/react";
import type { ApiKeyPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { getErrorMessage } from "@/lib/api-error";
import { formatCount } from "@/lib/format";
import { useUpdateApiKey } from "../api";
import { KeyStatusBadge } from "./KeyStatusBadge";

const OUTCOMES = {
  valid: { status: "success", title: "The key works" },
  invalid: { status: "error", title: "The provider refused this key" },
  unchecked: { status: "warning", title: "The key could not be checked" },
} as const;

function outcomeText(apiKey: ApiKeyPublic): string {
  if (apiKey.status === "valid") {
    return (
      apiKey.status_message ?? `${formatCount(apiKey.models.length, "model", "models")} found.`
    );
  }
  if (apiKey.status === "invalid") {
    return `${apiKey.status_message ?? "The provider said no."} The key is saved as invalid: use Replace to fix it.`;
  }
  return `${apiKey.status_message ?? "The provider did not answer."} The key is saved; use Check again later.`;
}

/** How a new or replaced key's check went, and the choice of its default model. */
export function KeyCheckResult({ apiKey }: { apiKey: ApiKeyPublic }) {
  const update = useUpdateApiKey();
  const outcome = OUTCOMES[apiKey.status];

  return (
    <Stack gap="5">
      <Alert.Root status={outcome.status} role="status" rounded="md">
        <Alert.Indicator />
        <Alert.Content>
          <HStack gap="2" wrap="wrap">
            <Alert.Title>{outcome.title}</Alert.Title>
            <KeyStatusBadge status={apiKey.status} />
          </HStack>
          <Alert.Description>{outcomeText(apiKey)}</Alert.Description>
        </Alert.Content>
      </Alert.Root>
      {apiKey.models.length > 0 && (
        <FormField
          label="Default model"
          helperText="Optional. New conversations with this key use it; you can switch models in the chat."
        >
          <HStack w="full">
            <NativeSelect.Root disabled={update.isPending}>
              <NativeSelect.Field
                value={apiKey.default_model ?? ""}
                onChange={(event) =>
                  update.mutate({
                    apiKeyId: apiKey.id,
                    body: { default_model: event.currentTarget.value || null },
                  })
                }
              >
                <option value="">Choose automatically</option>
                {apiKey.models.map((model) => (
                  <option key={model} value={model}>
                    {model}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            {update.isPending && <Spinner size="sm" aria-label="Saving" />}
          </HStack>
        </FormField>
      )}
      {update.isSuccess && !update.isPending && (
        <Text textStyle="sm" color="fg.success" role="status">
          Default model saved.
        </Text>
      )}
      <FormAlert message={update.isError ? getErrorMessage(update.error) : null} />
    </Stack>
  );
}
