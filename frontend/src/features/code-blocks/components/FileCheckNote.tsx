import { HStack, Spinner, Text } from "@chakra-ui/react";
import { LuCircleCheck, LuTriangleAlert } from "react-icons/lu";
import { formatCount } from "@/lib/format";
import type { FileCheck } from "../use-run-on-files";

/** Under a picked file: whether it has every column the code reads, and which ones it lacks. */
export function FileCheckNote({ check }: { check: FileCheck }) {
  if (check.state === "checking") {
    return (
      <HStack gap="2" textStyle="xs" color="fg.muted">
        <Spinner size="xs" />
        <Text>Checking its columns…</Text>
      </HStack>
    );
  }
  if (check.state === "failed") {
    return (
      <Text textStyle="xs" color="fg.muted">
        Its columns could not be checked; the code can still run on it.
      </Text>
    );
  }
  const { missing_columns: missing, columns_referenced: referenced } = check.compatibility;
  if (missing.length > 0) {
    return (
      <HStack gap="1.5" textStyle="xs" color="fg.warning" align="flex-start" role="status">
        <LuTriangleAlert aria-hidden style={{ flexShrink: 0, marginTop: "2px" }} />
        <Text>
          Missing {missing.length === 1 ? "column" : "columns"}:{" "}
          <Text as="span" fontFamily="mono" fontWeight="semibold">
            {missing.join(", ")}
          </Text>
        </Text>
      </HStack>
    );
  }
  return (
    <HStack gap="1.5" textStyle="xs" color="fg.success">
      <LuCircleCheck aria-hidden />
      <Text>
        {referenced.length > 0
          ? `Has the ${formatCount(referenced.length, "column", "columns")} the code reads`
          : "The code reads no named column"}
      </Text>
    </HStack>
  );
}
