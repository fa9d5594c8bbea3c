import { Heading, Stack } from "@chakra-ui/react";
import type { ReactNode } from "react";

/** A titled card in the detail page's side column. */
export function AsideSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack as="section" aria-label={title} gap="3" p="4" borderWidth="1px" rounded="xl" bg="bg">
      <Heading as="h2" size="sm">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}
