import { Box, HStack, IconButton, Stack, Text, Textarea } from "@chakra-ui/react";
import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useRef } from "react";
import { LuArrowUp, LuSquare } from "react-icons/lu";

type ComposerProps = {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  /** A reply is streaming: the text box waits and Stop replaces Send. */
  streaming: boolean;
  /** The question is on its way (e.g. its conversation is being created). */
  sending: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /** The attached files, above the text. */
  attachments?: ReactNode;
  /** The attach button and the model picker, under the text. */
  tools: ReactNode;
  /** Why the last question was not sent, above the box. */
  notice?: ReactNode;
};

/** Where a question is written: Enter sends, Shift+Enter starts a new line. */
export function Composer({
  value,
  onChange,
  onSend,
  onStop,
  streaming,
  sending,
  textareaRef,
  attachments,
  tools,
  notice,
}: ComposerProps) {
  const canSend = value.trim().length > 0 && !streaming && !sending;
  const stopRef = useRef<HTMLButtonElement>(null);

  // The text box is disabled while the reply streams, which drops the keyboard focus: hand it to
  // Stop, the one thing that can be done now.
  useEffect(() => {
    if (streaming && (document.activeElement === document.body || !document.activeElement)) {
      stopRef.current?.focus({ preventScroll: true });
    }
  }, [streaming]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method composes a character confirms the character, not the message.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <Box
      maxW="3xl"
      w="full"
      mx="auto"
      px={{ base: "3", md: "6" }}
      pb={{ base: "3", md: "4" }}
      pt="2"
    >
      <Stack gap="2">
        {notice}
        <Box
          as="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (canSend) onSend();
          }}
          bg="bg"
          borderWidth="1px"
          borderColor="border.emphasized"
          rounded="2xl"
          boxShadow="sm"
          transition="border-color 0.15s, box-shadow 0.15s"
          _focusWithin={{
            borderColor: "brand.focusRing",
            boxShadow: "0 0 0 3px var(--chakra-colors-brand-muted)",
          }}
        >
          {attachments}
          <Textarea
            ref={textareaRef}
            aria-label="Message"
            name="message"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={onKeyDown}
            disabled={streaming}
            placeholder={
              streaming ? "Wait for the reply, or press Stop…" : "Ask a question about your data…"
            }
            autoresize
            rows={1}
            maxH="40dvh"
            overflowY="auto"
            resize="none"
            border="none"
            px="4"
            pt="3.5"
            pb="1"
            fontSize="md"
            bg="transparent"
            _focusVisible={{ outline: "none", boxShadow: "none" }}
            _disabled={{ opacity: 0.7, cursor: "not-allowed" }}
          />
          <HStack px="2" pb="2" gap="1" justify="space-between">
            <HStack gap="1" minW="0">
              {tools}
            </HStack>
            {streaming ? (
              <IconButton
                ref={stopRef}
                type="button"
                aria-label="Stop"
                title="Stop the reply"
                rounded="full"
                size="sm"
                variant="solid"
                colorPalette="gray"
                onClick={onStop}
              >
                <LuSquare fill="currentColor" />
              </IconButton>
            ) : (
              <IconButton
                type="submit"
                aria-label="Send"
                title="Send (Enter)"
                rounded="full"
                size="sm"
                colorPalette="brand"
                disabled={!canSend}
                loading={sending}
              >
                <LuArrowUp />
              </IconButton>
            )}
          </HStack>
        </Box>
        <Text
          textStyle="xs"
          color="fg.subtle"
          textAlign="center"
          display={{ base: "none", md: "block" }}
        >
          Enter sends · Shift+Enter adds a line · Replies can be wrong: check the code and its
          results.
        </Text>
      </Stack>
    </Box>
  );
}
