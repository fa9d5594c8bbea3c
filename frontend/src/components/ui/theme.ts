import { createSystem, defaultConfig, defineConfig } from "@chakra-ui/react";

const fontStack =
  'Inter, "Segoe UI Variable", "Segoe UI", ui-sans-serif, system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif';

// Red panda fur: a warm rust orange as the brand colour, on quiet neutral grays.
const config = defineConfig({
  globalCss: {
    "html, body": {
      bg: "bg",
      color: "fg",
    },
  },
  theme: {
    recipes: {
      // Focused inputs glow in the brand colour whatever palette surrounds them.
      input: { base: { "--focus-color": "colors.brand.focusRing" } },
      textarea: { base: { "--focus-color": "colors.brand.focusRing" } },
    },
    tokens: {
      fonts: {
        heading: { value: fontStack },
        body: { value: fontStack },
      },
      colors: {
        brand: {
          50: { value: "#fff5ed" },
          100: { value: "#ffe6d3" },
          200: { value: "#fec8a5" },
          300: { value: "#fca26d" },
          400: { value: "#f67b3a" },
          500: { value: "#e65f1c" },
          600: { value: "#c64a12" },
          700: { value: "#9f3911" },
          800: { value: "#7f3015" },
          900: { value: "#672914" },
          950: { value: "#3a1308" },
        },
      },
    },
    semanticTokens: {
      colors: {
        brand: {
          solid: { value: "{colors.brand.600}" },
          contrast: { value: "white" },
          fg: { value: { _light: "{colors.brand.700}", _dark: "{colors.brand.300}" } },
          muted: { value: { _light: "{colors.brand.100}", _dark: "{colors.brand.900}" } },
          subtle: { value: { _light: "{colors.brand.50}", _dark: "{colors.brand.950}" } },
          emphasized: { value: { _light: "{colors.brand.200}", _dark: "{colors.brand.800}" } },
          focusRing: { value: { _light: "{colors.brand.500}", _dark: "{colors.brand.400}" } },
          border: { value: { _light: "{colors.brand.200}", _dark: "{colors.brand.800}" } },
        },
        bg: {
          // The page canvas sits one step below cards so surfaces read as layers.
          canvas: { value: { _light: "{colors.gray.50}", _dark: "#0c0c0e" } },
        },
      },
    },
  },
});

export const system = createSystem(defaultConfig, config);
