import { Button, Field, Flex, HStack, NativeSelect, Text } from "@chakra-ui/react";
import { LuChevronLeft, LuChevronRight } from "react-icons/lu";
import { formatInteger } from "@/lib/format";
import { PREVIEW_PAGE_SIZES } from "../search";

type PreviewPagerProps = {
  page: number;
  pageSize: number;
  totalRows: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
};

export function PreviewPager({
  page,
  pageSize,
  totalRows,
  onPageChange,
  onPageSizeChange,
}: PreviewPagerProps) {
  const lastPage = Math.max(1, Math.ceil(totalRows / pageSize));
  const first = totalRows === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, totalRows);

  return (
    <Flex gap="3" align="center" justify="space-between" wrap="wrap">
      <Text textStyle="sm" color="fg.muted" aria-live="polite">
        Rows {formatInteger(first)}–{formatInteger(last)} of {formatInteger(totalRows)}
      </Text>
      <HStack gap="3" wrap="wrap">
        <Field.Root orientation="horizontal" gap="2" w="auto">
          <Field.Label textStyle="sm" color="fg.muted" whiteSpace="nowrap" mb="0">
            Rows per page
          </Field.Label>
          <NativeSelect.Root size="sm" w="20">
            <NativeSelect.Field
              value={String(pageSize)}
              onChange={(event) => onPageSizeChange(Number(event.target.value))}
            >
              {PREVIEW_PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <HStack gap="1">
          <Button
            variant="outline"
            size="sm"
            aria-label="Previous page"
            disabled={page <= 1}
            onClick={() => onPageChange(page - 1)}
          >
            <LuChevronLeft aria-hidden />
            Previous
          </Button>
          <Text textStyle="sm" px="2" whiteSpace="nowrap" fontVariantNumeric="tabular-nums">
            Page {formatInteger(page)} of {formatInteger(lastPage)}
          </Text>
          <Button
            variant="outline"
            size="sm"
            aria-label="Next page"
            disabled={page >= lastPage}
            onClick={() => onPageChange(page + 1)}
          >
            Next
            <LuChevronRight aria-hidden />
          </Button>
        </HStack>
      </HStack>
    </Flex>
  );
}
