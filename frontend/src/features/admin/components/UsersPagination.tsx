import { ButtonGroup, Flex, IconButton, Pagination, Text } from "@chakra-ui/react";
import { LuChevronLeft, LuChevronRight } from "react-icons/lu";

type UsersPaginationProps = {
  page: number;
  pageSize: number;
  count: number;
  onPageChange: (page: number) => void;
};

export function UsersPagination({ page, pageSize, count, onPageChange }: UsersPaginationProps) {
  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, count);

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
          ? "No users"
          : `Showing ${first}–${last} of ${count} ${count === 1 ? "user" : "users"}`}
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
