import { ClientOnly, IconButton, type IconButtonProps, Skeleton } from "@chakra-ui/react";
import { ThemeProvider, type ThemeProviderProps, useTheme } from "next-themes";
import { LuMoon, LuSun } from "react-icons/lu";

export type ColorMode = "light" | "dark";
export type ColorModePreference = ColorMode | "system";

export function ColorModeProvider(props: ThemeProviderProps) {
  return <ThemeProvider attribute="class" disableTransitionOnChange {...props} />;
}

export function useColorMode() {
  const { resolvedTheme, setTheme, forcedTheme, theme } = useTheme();
  const colorMode = (forcedTheme ?? resolvedTheme) as ColorMode | undefined;
  return {
    colorMode,
    preference: (theme ?? "system") as ColorModePreference,
    setPreference: (preference: ColorModePreference) => setTheme(preference),
    toggleColorMode: () => setTheme(colorMode === "dark" ? "light" : "dark"),
  };
}

type ColorModeButtonProps = Omit<IconButtonProps, "aria-label">;

export function ColorModeButton(props: ColorModeButtonProps) {
  const { colorMode, toggleColorMode } = useColorMode();
  const label = colorMode === "dark" ? "Switch to light mode" : "Switch to dark mode";
  return (
    <ClientOnly fallback={<Skeleton boxSize="9" rounded="md" />}>
      <IconButton
        onClick={toggleColorMode}
        variant="ghost"
        size="sm"
        aria-label={label}
        title={label}
        {...props}
      >
        {colorMode === "dark" ? <LuSun /> : <LuMoon />}
      </IconButton>
    </ClientOnly>
  );
}
