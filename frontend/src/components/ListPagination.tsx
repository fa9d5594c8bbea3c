import { ButtonGroup, Flex, IconButton, Pagination, Text } from "@chakra-ui/react";
import { LuChevronLeft, LuChevronRight } from "react-icons/lu";
import { formatInteger } from "@/lib/format";

type ListPaginationProps = {
  page: number;
  pageSize: number;
  count: number;
  onPageChange: (page: number) => void;
  /** What the list holds, singular and plural: ["user", "users"]. */
  noun: readonly [string, string];
};

/** "Showing 11–20 of 42 users" and page buttons under a server-paged list. */
export function ListPagination({ page, pageSize, count, onPageChange, noun }: ListPaginationProps) {
  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, count);
  const [singular, plural] = noun;

  return (
    <Flex
      mt="4"
      gap="3"
      align="center"
      justify="space-between"
      direction={{ base: "column", sm: "row" }}
    >
      <Text textStyle="sm" color="fg.muted" aria-live="polite">
        {count === 0
          ? `No ${plural}`
          : `Showing ${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(count)} ${
              count === 1 ? singular : plural
            }`}
      </Text>
      {count > pageSize && (
        <Pagination.Root
          count={count}
          pageSize={pageSize}
          page={page}
          onPageChange={(details) => onPageChange(details.page)}
          siblingCount={1}
        >
          <ButtonGroup variant="ghost" size="sm" attached={false} gap="1">
            <Pagination.PrevTrigger asChild>
              <IconButton aria-label="Previous page">
                <LuChevronLeft />
              </IconButton>
            </Pagination.PrevTrigger>
            <Pagination.Items
              render={(item) => (
                <IconButton
                  variant={{ base: "ghost", _selected: "solid" }}
                  colorPalette={item.value === page ? "brand" : "gray"}
                >
                  {item.value}
                </IconButton>
              )}
            />
            <Pagination.NextTrigger asChild>
              <IconButton aria-label="Next page">
                <LuChevronRight />
              </IconButton>
            </Pagination.NextTrigger>
          </ButtonGroup>
        </Pagination.Root>
      )}
    </Flex>
  );
}
