import { Center } from "@chakra-ui/react";
import { LuFileArchive, LuFileSpreadsheet } from "react-icons/lu";

/** The spreadsheet mark beside a file's name; an archive for gzip-compressed files. */
export function FileIcon({ compressed = false }: { compressed?: boolean }) {
  const Icon = compressed ? LuFileArchive : LuFileSpreadsheet;
  return (
    <Center boxSize="9" rounded="md" bg="brand.subtle" color="brand.fg" flexShrink={0}>
      <Icon aria-hidden size="18" />
    </Center>
  );
}
