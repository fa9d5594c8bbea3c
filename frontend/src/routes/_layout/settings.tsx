import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { PageHeader } from "@/components/layout/PageHeader";
import { ApiKeysSettings } from "@/features/api-keys/components/ApiKeysSettings";
import { UsageSettings } from "@/features/api-keys/components/UsageSettings";
import { currentUserQueryOptions } from "@/features/auth/api";
import { SETTINGS_TABS, SettingsTabs } from "@/features/settings/components/SettingsTabs";

const settingsSearchSchema = z.object({
  tab: z.enum(SETTINGS_TABS).optional().catch(undefined),
});

export const Route = createFileRoute("/_layout/settings")({
  validateSearch: settingsSearchSchema,
  loader: ({ context }) => context.queryClient.ensureQueryData(currentUserQueryOptions()),
  head: () => ({ meta: [{ title: "Settings · Red Panda" }] }),
  component: SettingsPage,
});

function SettingsPage() {
  const { tab = "profile" } = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: user } = useSuspenseQuery(currentUserQueryOptions());

  return (
    <>
      <PageHeader
        title="Settings"
        description="Your profile, password, LLM keys and usage, running code, appearance and account."
      />
      <SettingsTabs
        user={user}
        tab={tab}
        onTabChange={(next) =>
          navigate({ search: { tab: next === "profile" ? undefined : next }, replace: true })
        }
        apiKeys={<ApiKeysSettings />}
        usage={<UsageSettings />}
      />
    </>
  );
}
