import { Button, Flex, Heading, HStack, Menu, Portal, Stack, Text } from "@chakra-ui/react";
import { LuChevronDown, LuDownload, LuMessageSquarePlus, LuPlay, LuTrash2 } from "react-icons/lu";
import type { CodeBlockDetail } from "@/client";
import { BackBreadcrumb } from "@/components/BackBreadcrumb";
import { CopyButton } from "@/components/CopyButton";
import type { ExportFormat } from "../api";
import { descriptionSchema, titleSchema } from "../schemas";
import { EditableField } from "./EditableField";

type BlockDetailHeaderProps = {
  block: CodeBlockDetail;
  onRename: (title: string) => Promise<unknown>;
  onDescribe: (description: string) => Promise<unknown>;
  exporting: boolean;
  onExport: (format: ExportFormat) => void;
  onUseInChat: () => void;
  /** Opens "Run on files" (Python only). */
  onRunOnFiles: () => void;
  onDelete: () => void;
};

/** The block's name and description (both editable in place) and what can be done with it. */
export function BlockDetailHeader({
  block,
  onRename,
  onDescribe,
  exporting,
  onExport,
  onUseInChat,
  onRunOnFiles,
  onDelete,
}: BlockDetailHeaderProps) {
  const isPython = block.language === "python";

  return (
    <Stack gap="4" mb="6">
      <BackBreadcrumb to="/library" label="Code library" current={block.title} />
      <Flex
        gap="4"
        direction={{ base: "column", lg: "row" }}
        align={{ base: "stretch", lg: "flex-start" }}
        justify="space-between"
      >
        <Stack gap="2" minW="0" flex="1">
          <EditableField label="name" value={block.title} schema={titleSchema} onSave={onRename}>
            <Heading as="h1" size="2xl" letterSpacing="tight" wordBreak="break-word">
              {block.title}
            </Heading>
          </EditableField>
          <EditableField
            label="description"
            value={block.description}
            schema={descriptionSchema}
            onSave={onDescribe}
            multiline
          >
            <Text color={block.description ? "fg.muted" : "fg.subtle"} whiteSpace="pre-line">
              {block.description || "No description"}
            </Text>
          </EditableField>
        </Stack>
        <HStack gap="2" flexShrink={0} wrap="wrap">
          {isPython && (
            <Button size="sm" colorPalette="brand" onClick={onRunOnFiles}>
              <LuPlay aria-hidden />
              Run on files
            </Button>
          )}
          <CopyButton text={block.code} size="sm" variant="outline" />
          <Button size="sm" variant="outline" onClick={onUseInChat}>
            <LuMessageSquarePlus aria-hidden />
            Use in chat
          </Button>
          <Menu.Root positioning={{ placement: "bottom-end" }}>
            <Menu.Trigger asChild>
              <Button size="sm" variant="outline" loading={exporting}>
                <LuDownload aria-hidden />
                Export
                <LuChevronDown aria-hidden />
              </Button>
            </Menu.Trigger>
            <Portal>
              <Menu.Positioner>
                <Menu.Content>
                  <Menu.Item value="py" disabled={!isPython} onSelect={() => onExport("py")}>
                    Python script (.py)
                  </Menu.Item>
                  <Menu.Item value="ipynb" disabled={!isPython} onSelect={() => onExport("ipynb")}>
                    Jupyter notebook (.ipynb)
                  </Menu.Item>
                </Menu.Content>
              </Menu.Positioner>
            </Portal>
          </Menu.Root>
          <Button size="sm" variant="outline" colorPalette="red" onClick={onDelete}>
            <LuTrash2 aria-hidden />
            Delete
          </Button>
        </HStack>
      </Flex>
    </Stack>
  );
}
