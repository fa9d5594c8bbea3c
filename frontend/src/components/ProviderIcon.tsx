import { Center, type CenterProps } from "@chakra-ui/react";
import type { IconType } from "react-icons";
import { LuBot, LuServer } from "react-icons/lu";
import { RiAnthropicFill, RiOpenaiFill } from "react-icons/ri";
import type { ProviderId } from "@/lib/providers";

const ICONS: Record<ProviderId, IconType> = {
  openai: RiOpenaiFill,
  anthropic: RiAnthropicFill,
  openai_compatible: LuServer,
  builtin: LuBot,
};

type ProviderIconProps = Omit<CenterProps, "children"> & {
  provider: string | null | undefined;
  /** The icon's size in pixels; the tile around it scales with it. */
  iconSize?: number;
};

/** The provider's mark on a quiet tile; decorative, the provider's name is always written beside it. */
export function ProviderIcon({ provider, iconSize = 16, ...props }: ProviderIconProps) {
  const Icon = ICONS[(provider ?? "builtin") as ProviderId] ?? LuBot;
  return (
    <Center
      boxSize={`${iconSize + 14}px`}
      rounded="md"
      bg={provider === "builtin" ? "brand.subtle" : "bg.muted"}
      color={provider === "builtin" ? "brand.fg" : "fg"}
      flexShrink={0}
      aria-hidden
      {...props}
    >
      <Icon size={iconSize} />
    </Center>
  );
}
