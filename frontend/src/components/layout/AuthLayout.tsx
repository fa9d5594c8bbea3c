import { Box, Flex, Heading, HStack, Stack, Text } from "@chakra-ui/react";
import type { ReactNode } from "react";
import { LuCode, LuFileSpreadsheet, LuMessageSquare } from "react-icons/lu";
import { ColorModeButton } from "../ui/color-mode";
import { Logo } from "./Logo";

const HIGHLIGHTS = [
  { icon: LuMessageSquare, text: "Ask questions about your CSV files in plain language." },
  { icon: LuFileSpreadsheet, text: "Get tables and charts computed on your real data." },
  { icon: LuCode, text: "Keep every line of pandas code, ready to reuse." },
];

type AuthLayoutProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
};

/** The frame of the signed-out pages: the pitch on wide screens, the form card everywhere. */
export function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  return (
    <Flex minH="100dvh" bg="bg.canvas">
      <Stack
        display={{ base: "none", lg: "flex" }}
        flex="1"
        maxW="xl"
        p="12"
        justify="space-between"
        color="white"
        bgGradient="to-br"
        gradientFrom="brand.600"
        gradientTo="brand.900"
      >
        <HStack>
          <Box bg="white/15" rounded="lg" px="3" py="2">
            <Logo />
          </Box>
        </HStack>
        <Stack gap="6">
          <Heading size="3xl" lineHeight="shorter" letterSpacing="tight">
            Analyse data by asking. Keep the code forever.
          </Heading>
          <Stack as="ul" gap="4" listStyleType="none">
            {HIGHLIGHTS.map((item) => (
              <HStack as="li" key={item.text} gap="3" align="flex-start">
                <Box bg="white/15" rounded="md" p="2">
                  <item.icon aria-hidden />
                </Box>
                <Text pt="1">{item.text}</Text>
              </HStack>
            ))}
          </Stack>
        </Stack>
        <Text textStyle="sm" color="white/70">
          Bring your own LLM key, or start with the built-in assistant.
        </Text>
      </Stack>

      <Flex
        flex="1"
        direction="column"
        align="center"
        justify="center"
        px="4"
        py="10"
        position="relative"
      >
        <Box position="absolute" top="4" insetEnd="4">
          <ColorModeButton />
        </Box>
        <Stack w="full" maxW="md" gap="6">
          <Box display={{ base: "block", lg: "none" }} alignSelf="center">
            <Logo />
          </Box>
          <Box
            as="main"
            bg="bg"
            borderWidth="1px"
            rounded="xl"
            shadow="sm"
            p={{ base: "6", sm: "8" }}
          >
            <Stack gap="2" mb="6">
              <Heading as="h1" size="xl" letterSpacing="tight">
                {title}
              </Heading>
              {description && <Text color="fg.muted">{description}</Text>}
            </Stack>
            {children}
          </Box>
          {footer && (
            <Text textAlign="center" textStyle="sm" color="fg.muted">
              {footer}
            </Text>
          )}
        </Stack>
      </Flex>
    </Flex>
  );
}
