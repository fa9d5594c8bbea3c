import { ClientOnly, HStack, RadioCard, Skeleton, Text } from "@chakra-ui/react";
import type { IconType } from "react-icons";
import { LuMonitor, LuMoon, LuSun } from "react-icons/lu";
import { SettingsSection } from "@/components/SettingsSection";
import { type ColorModePreference, useColorMode } from "@/components/ui/color-mode";

const OPTIONS: {
  value: ColorModePreference;
  label: string;
  description: string;
  icon: IconType;
}[] = [
  { value: "light", label: "Light", description: "Bright surfaces, dark text.", icon: LuSun },
  { value: "dark", label: "Dark", description: "Easy on the eyes at night.", icon: LuMoon },
  {
    value: "system",
    label: "System",
    description: "Follows your device setting.",
    icon: LuMonitor,
  },
];

function ColorModeChoice() {
  const { preference, setPreference } = useColorMode();

  return (
    <RadioCard.Root
      value={preference}
      onValueChange={(details) => {
        if (details.value) setPreference(details.value as ColorModePreference);
      }}
      colorPalette="brand"
      maxW="2xl"
    >
      <RadioCard.Label>Color mode</RadioCard.Label>
      <HStack align="stretch" gap="3" flexWrap={{ base: "wrap", sm: "nowrap" }}>
        {OPTIONS.map((option) => (
          <RadioCard.Item key={option.value} value={option.value} flex="1" minW="36">
            <RadioCard.ItemHiddenInput />
            <RadioCard.ItemControl>
              <RadioCard.ItemContent>
                <option.icon aria-hidden size="20" />
                <RadioCard.ItemText>{option.label}</RadioCard.ItemText>
                <RadioCard.ItemDescription>{option.description}</RadioCard.ItemDescription>
              </RadioCard.ItemContent>
              <RadioCard.ItemIndicator />
            </RadioCard.ItemControl>
          </RadioCard.Item>
        ))}
      </HStack>
    </RadioCard.Root>
  );
}

export function AppearanceSettings() {
  return (
    <SettingsSection
      title="Appearance"
      description="Choose how Red Panda looks on this device. The choice is remembered in this browser."
    >
      <ClientOnly fallback={<Skeleton h="28" maxW="2xl" rounded="md" />}>
        <ColorModeChoice />
      </ClientOnly>
      <Text mt="4" textStyle="xs" color="fg.subtle">
        The sun/moon button in the header switches between light and dark at any time.
      </Text>
    </SettingsSection>
  );
}
