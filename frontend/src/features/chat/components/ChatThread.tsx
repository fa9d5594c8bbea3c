import { Box, Button, Center } from "@chakra-ui/react";
import { type ReactNode, useEffect } from "react";
import { LuArrowDown } from "react-icons/lu";
import { useStickToBottom } from "../use-stick-to-bottom";

type ChatThreadProps = {
  children: ReactNode;
  /** False for an empty state, which is read from the top rather than followed to the end. */
  follow: boolean;
  /** Changes when the person sends a question: the thread then follows the new reply again. */
  followFrom: number;
  /** True while a reply streams: the "Jump to latest" button then pulses, more is arriving. */
  streaming: boolean;
};

/** The scrolling area of a conversation, following new text until the person scrolls up. */
export function ChatThread({ children, follow, followFrom, streaming }: ChatThreadProps) {
  const { scrollRef, contentRef, atEnd, jumpToLatest } = useStickToBottom(follow);

  useEffect(() => {
    if (followFrom > 0) jumpToLatest("auto");
  }, [followFrom, jumpToLatest]);

  return (
    <Box position="relative" flex="1" minH="0">
      <Box ref={scrollRef} h="full" overflowY="auto" overscrollBehavior="contain">
        <Box
          ref={contentRef}
          maxW="3xl"
          mx="auto"
          px={{ base: "4", md: "6" }}
          pt={{ base: "4", md: "8" }}
          pb="6"
        >
          {children}
        </Box>
      </Box>
      {!atEnd && (
        <Center position="absolute" insetX="0" bottom="3" pointerEvents="none">
          <Button
            size="sm"
            rounded="full"
            variant="surface"
            boxShadow="md"
            pointerEvents="auto"
            onClick={() => jumpToLatest()}
          >
            {streaming && (
              <Box
                boxSize="2"
                rounded="full"
                bg="brand.solid"
                animation="pulse 1.2s ease-in-out infinite"
                aria-hidden
              />
            )}
            Jump to latest
            <LuArrowDown aria-hidden />
          </Button>
        </Center>
      )}
    </Box>
  );
}
