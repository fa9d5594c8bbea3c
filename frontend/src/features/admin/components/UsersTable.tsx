import { Avatar, Badge, HStack, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import type { UserPublic } from "@/client";
import { UserRowActions } from "./UserRowActions";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

type UsersTableProps = {
  users: UserPublic[];
  /** True while the next page or search result loads over this one. */
  stale?: boolean;
  currentUserId: string;
  onEdit: (user: UserPublic) => void;
  onDelete: (user: UserPublic) => void;
};

const wideOnly = { base: "none", md: "table-cell" } as const;

function RoleBadge({ user }: { user: UserPublic }) {
  return (
    <Badge colorPalette={user.is_superuser ? "brand" : "gray"} variant="subtle">
      {user.is_superuser ? "Admin" : "Member"}
    </Badge>
  );
}

function StatusBadge({ user }: { user: UserPublic }) {
  return (
    <Badge colorPalette={user.is_active ? "green" : "gray"} variant="outline">
      {user.is_active ? "Active" : "Inactive"}
    </Badge>
  );
}

function Header() {
  return (
    <Table.Header>
      <Table.Row bg="bg.subtle">
        <Table.ColumnHeader>User</Table.ColumnHeader>
        <Table.ColumnHeader display={wideOnly}>Role</Table.ColumnHeader>
        <Table.ColumnHeader display={wideOnly}>Status</Table.ColumnHeader>
        <Table.ColumnHeader display={{ base: "none", lg: "table-cell" }}>Joined</Table.ColumnHeader>
        <Table.ColumnHeader textAlign="end">
          <Text srOnly>Actions</Text>
        </Table.ColumnHeader>
      </Table.Row>
    </Table.Header>
  );
}

export function UsersTable({ users, stale, currentUserId, onEdit, onDelete }: UsersTableProps) {
  return (
    <Table.ScrollArea
      borderWidth="1px"
      rounded="lg"
      bg="bg"
      position="relative"
      opacity={stale ? 0.6 : 1}
      transition="opacity 0.2s"
      aria-busy={stale}
    >
      <Table.Root size="md" interactive>
        <Table.Caption srOnly>Users</Table.Caption>
        <Header />
        <Table.Body>
          {users.map((user) => {
            const isMe = user.id === currentUserId;
            const name = user.full_name || user.email;
            return (
              <Table.Row key={user.id}>
                <Table.Cell>
                  <HStack gap="3">
                    <Avatar.Root size="sm" colorPalette={user.is_superuser ? "brand" : "gray"}>
                      <Avatar.Fallback name={name} />
                    </Avatar.Root>
                    <Stack gap="0" minW="0">
                      <HStack gap="2">
                        <Text fontWeight="medium" truncate>
                          {user.full_name || "No name"}
                        </Text>
                        {isMe && (
                          <Badge size="sm" variant="surface">
                            You
                          </Badge>
                        )}
                      </HStack>
                      <Text textStyle="sm" color="fg.muted" truncate>
                        {user.email}
                      </Text>
                      <HStack gap="1.5" mt="1" display={{ base: "flex", md: "none" }}>
                        <RoleBadge user={user} />
                        <StatusBadge user={user} />
                      </HStack>
                    </Stack>
                  </HStack>
                </Table.Cell>
                <Table.Cell display={wideOnly}>
                  <RoleBadge user={user} />
                </Table.Cell>
                <Table.Cell display={wideOnly}>
                  <StatusBadge user={user} />
                </Table.Cell>
                <Table.Cell display={{ base: "none", lg: "table-cell" }} color="fg.muted">
                  {dateFormat.format(new Date(user.created_at))}
                </Table.Cell>
                <Table.Cell textAlign="end">
                  <UserRowActions
                    email={user.email}
                    canDelete={!isMe}
                    onEdit={() => onEdit(user)}
                    onDelete={() => onDelete(user)}
                  />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}

export function UsersTableSkeleton({ rows }: { rows: number }) {
  return (
    <Table.ScrollArea borderWidth="1px" rounded="lg" bg="bg" position="relative" aria-busy="true">
      <Table.Root size="md">
        <Header />
        <Table.Body>
          {Array.from({ length: rows }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
            <Table.Row key={index}>
              <Table.Cell>
                <HStack gap="3">
                  <Skeleton boxSize="8" rounded="full" />
                  <Stack gap="1.5">
                    <Skeleton h="3.5" w="32" />
                    <Skeleton h="3" w="44" />
                  </Stack>
                </HStack>
              </Table.Cell>
              <Table.Cell display={wideOnly}>
                <Skeleton h="5" w="16" />
              </Table.Cell>
              <Table.Cell display={wideOnly}>
                <Skeleton h="5" w="14" />
              </Table.Cell>
              <Table.Cell display={{ base: "none", lg: "table-cell" }}>
                <Skeleton h="4" w="24" />
              </Table.Cell>
              <Table.Cell />
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}
