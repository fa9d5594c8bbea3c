import { Badge, Box, Heading, Stack, Text } from "@chakra-ui/react";

type WelcomeProps = {
  name: string | null;
};

function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first || null;
}

export function Welcome({ name }: WelcomeProps) {
  const greeting = firstName(name);

  return (
    <Box
      rounded="2xl"
      px={{ base: "6", md: "10" }}
      py={{ base: "8", md: "10" }}
      bgGradient="to-br"
      gradientFrom="brand.600"
      gradientTo="brand.800"
      color="white"
      position="relative"
      overflow="hidden"
    >
      <Stack gap="4" maxW="2xl" position="relative">
        <Badge alignSelf="flex-start" bg="white/20" color="white" size="md">
          Your workspace is ready
        </Badge>
        <Heading as="h1" size={{ base: "2xl", md: "3xl" }} letterSpacing="tight">
          {greeting ? `Welcome, ${greeting}` : "Welcome to Red Panda"}
        </Heading>
        <Text fontSize={{ base: "md", md: "lg" }} color="white/90">
          Red Panda lets you analyse CSV files by asking questions in plain language. A language
          model writes the pandas code, Red Panda runs it safely on your data and answers with
          tables, charts and a short explanation. Every line of code is kept in your personal
          library, so an analysis done once can be reused on next month&apos;s data without asking
          again.
        </Text>
      </Stack>
    </Box>
  );
}
