import { Tabs } from "@chakra-ui/react";
import type { ReactNode } from "react";
import {
  LuChartColumn,
  LuKeyRound,
  LuLockKeyhole,
  LuPalette,
  LuPlay,
  LuTriangleAlert,
  LuUserRound,
} from "react-icons/lu";
import type { UserPublic } from "@/client";
import { AppearanceSettings } from "./AppearanceSettings";
import { DangerZone } from "./DangerZone";
import { PasswordForm } from "./PasswordForm";
import { ProfileForm } from "./ProfileForm";
import { RunCodeSettings } from "./RunCodeSettings";

export const SETTINGS_TABS = [
  "profile",
  "password",
  "api-keys",
  "usage",
  "code",
  "appearance",
  "danger",
] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

type SettingsTabsProps = {
  user: UserPublic;
  tab: SettingsTab;
  onTabChange: (tab: SettingsTab) => void;
  /** Sections owned by other features, composed by the route. */
  apiKeys: ReactNode;
  usage: ReactNode;
};

export function SettingsTabs({ user, tab, onTabChange, apiKeys, usage }: SettingsTabsProps) {
  return (
    <Tabs.Root
      value={tab}
      onValueChange={(details) => onTabChange(details.value as SettingsTab)}
      colorPalette="brand"
      variant="line"
      lazyMount
      unmountOnExit
    >
      <Tabs.List
        overflowX="auto"
        overflowY="hidden"
        mb="6"
        // On a narrow screen the tabs scroll sideways instead of squeezing their labels.
        css={{ "& > button": { flexShrink: 0, whiteSpace: "nowrap" } }}
      >
        <Tabs.Trigger value="profile">
          <LuUserRound aria-hidden />
          Profile
        </Tabs.Trigger>
        <Tabs.Trigger value="password">
          <LuLockKeyhole aria-hidden />
          Password
        </Tabs.Trigger>
        <Tabs.Trigger value="api-keys">
          <LuKeyRound aria-hidden />
          API keys
        </Tabs.Trigger>
        <Tabs.Trigger value="usage">
          <LuChartColumn aria-hidden />
          Usage
        </Tabs.Trigger>
        <Tabs.Trigger value="code">
          <LuPlay aria-hidden />
          Running code
        </Tabs.Trigger>
        <Tabs.Trigger value="appearance">
          <LuPalette aria-hidden />
          Appearance
        </Tabs.Trigger>
        <Tabs.Trigger value="danger">
          <LuTriangleAlert aria-hidden />
          Danger zone
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="profile">
        <ProfileForm user={user} />
      </Tabs.Content>
      <Tabs.Content value="password">
        <PasswordForm />
      </Tabs.Content>
      <Tabs.Content value="api-keys">{apiKeys}</Tabs.Content>
      <Tabs.Content value="usage">{usage}</Tabs.Content>
      <Tabs.Content value="code">
        <RunCodeSettings user={user} />
      </Tabs.Content>
      <Tabs.Content value="appearance">
        <AppearanceSettings />
      </Tabs.Content>
      <Tabs.Content value="danger">
        <DangerZone user={user} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
