import { Box, Image, Stack, Text } from "@chakra-ui/react";
import { formatCount } from "@/lib/format";
import { OutputSection } from "./OutputSection";

type RunFiguresProps = {
  /** PNG images, base64. */
  figures: string[];
  leftOut?: number;
};

/** Every chart the code drew, as the images the server made of them. */
export function RunFigures({ figures, leftOut = 0 }: RunFiguresProps) {
  if (figures.length === 0 && leftOut === 0) return null;
  const many = figures.length > 1;
  return (
    <OutputSection label={many ? "Charts" : "Chart"}>
      <Stack gap="3">
        {figures.map((figure, position) => (
          <Box
            // biome-ignore lint/suspicious/noArrayIndexKey: figures keep the order they were drawn in
            key={position}
            borderWidth="1px"
            rounded="md"
            overflow="hidden"
            // Charts are drawn on white: keep them readable in dark mode too.
            bg="white"
            alignSelf="flex-start"
            maxW="full"
          >
            <Image
              src={`data:image/png;base64,${figure}`}
              alt={many ? `Chart ${position + 1} drawn by the code` : "Chart drawn by the code"}
              maxW="full"
              h="auto"
            />
          </Box>
        ))}
      </Stack>
      {leftOut > 0 && (
        <Text textStyle="xs" color="fg.muted">
          {formatCount(leftOut, "more chart was", "more charts were")} left out (too many or too
          large).
        </Text>
      )}
    </OutputSection>
  );
}
