import { Stack, Switch, Text } from "@chakra-ui/react";
import type { UserPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { SettingsSection } from "@/components/SettingsSection";
import { getErrorMessage } from "@/lib/api-error";
import { useUpdateAutoRun } from "../api";

/** Whether the chat runs the Python code of each reply by itself. */
export function RunCodeSettings({ user }: { user: UserPublic }) {
  const updateAutoRun = useUpdateAutoRun();
  const autoRun = user.settings.auto_run ?? true;

  return (
    <SettingsSection
      title="Running code"
      description="Python code in the assistant's replies runs in an isolated sandbox, against the files attached to the conversation."
    >
      <Stack gap="4" maxW="2xl">
        <FormAlert
          message={
            updateAutoRun.isError
              ? getErrorMessage(updateAutoRun.error, "The setting was not saved. Try again.")
              : null
          }
        />
        <Stack gap="1">
          <Switch.Root
            checked={autoRun}
            onCheckedChange={({ checked }) => updateAutoRun.mutate(checked)}
            disabled={updateAutoRun.isPending}
            colorPalette="brand"
          >
            <Switch.HiddenInput />
            <Switch.Control />
            <Switch.Label>Run code automatically</Switch.Label>
          </Switch.Root>
          <Text textStyle="sm" color="fg.muted" ps="10">
            {autoRun
              ? "On: each Python block runs as soon as the reply is written; its table, chart or error appears under it, and a failing block gets one automatic fix."
              : "Off: nothing runs until you press Run under a block."}
          </Text>
        </Stack>
        <Text textStyle="xs" color="fg.subtle">
          Every run is kept in the code library, under the block's Runs tab, where you can also run
          a block again on other files.
        </Text>
      </Stack>
    </SettingsSection>
  );
}
