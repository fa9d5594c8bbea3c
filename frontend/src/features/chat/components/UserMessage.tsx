import { Box, Flex, Text } from "@chakra-ui/react";
import { memo } from "react";

/** The person's question, as a bubble on the end side, exactly as typed. */
export const UserMessage = memo(function UserMessage({ content }: { content: string }) {
  return (
    <Flex justify="flex-end">
      <Box
        maxW={{ base: "90%", md: "80%" }}
        bg="bg.emphasized"
        color="fg"
        px="4"
        py="2.5"
        rounded="2xl"
        roundedBottomRight="md"
        whiteSpace="pre-wrap"
        wordBreak="break-word"
        lineHeight="1.6"
      >
        <Text srOnly>You said:</Text>
        {content}
      </Box>
    </Flex>
  );
});
