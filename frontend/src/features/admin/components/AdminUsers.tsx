import { Button, Flex } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuUserPlus } from "react-icons/lu";
import type { UserPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { ListPagination } from "@/components/ListPagination";
import { PageHeader } from "@/components/layout/PageHeader";
import { SearchInput } from "@/components/SearchInput";
import { getErrorMessage } from "@/lib/api-error";
import { usePastLastPage } from "@/lib/use-past-last-page";
import { USERS_PAGE_SIZE, usersListQueryOptions } from "../api";
import { DeleteUserDialog } from "./DeleteUserDialog";
import { UserFormDialog } from "./UserFormDialog";
import { UsersEmptyState } from "./UsersEmptyState";
import { UsersTable, UsersTableSkeleton } from "./UsersTable";

type AdminUsersProps = {
  page: number;
  q: string;
  currentUserId: string;
  onSearch: (q: string) => void;
  onPageChange: (page: number) => void;
};

type DialogState =
  | { kind: "closed" }
  | { kind: "create" }
  | { kind: "edit"; user: UserPublic }
  | { kind: "delete"; user: UserPublic };

export function AdminUsers({ page, q, currentUserId, onSearch, onPageChange }: AdminUsersProps) {
  const users = useQuery(usersListQueryOptions({ page, q }));
  const [dialog, setDialog] = useState<DialogState>({ kind: "closed" });
  const closeDialog = () => setDialog({ kind: "closed" });
  const data = users.data;
  const pastTheEnd = usePastLastPage({
    page,
    pageSize: USERS_PAGE_SIZE,
    count: data?.count,
    settled: !users.isPlaceholderData,
    onPageChange,
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone with an account. Create, edit, deactivate or remove users."
        actions={
          <Button colorPalette="brand" onClick={() => setDialog({ kind: "create" })}>
            <LuUserPlus aria-hidden />
            Add user
          </Button>
        }
      />
      <Flex mb="4">
        <SearchInput
          label="Search users"
          placeholder="Name or e-mail"
          value={q}
          onSearch={onSearch}
          busy={users.isPlaceholderData}
        />
      </Flex>

      {users.isError && !data && <FormAlert message={getErrorMessage(users.error)} />}
      {users.isPending && <UsersTableSkeleton rows={5} />}
      {data && data.data.length === 0 && !pastTheEnd && (
        <UsersEmptyState q={q} onClearSearch={() => onSearch("")} />
      )}
      {data && data.data.length > 0 && (
        <UsersTable
          stale={users.isPlaceholderData}
          users={data.data}
          currentUserId={currentUserId}
          onEdit={(user) => setDialog({ kind: "edit", user })}
          onDelete={(user) => setDialog({ kind: "delete", user })}
        />
      )}
      {data && data.count > 0 && !pastTheEnd && (
        <ListPagination
          page={page}
          pageSize={USERS_PAGE_SIZE}
          count={data.count}
          onPageChange={onPageChange}
          noun={["user", "users"]}
        />
      )}

      <UserFormDialog
        open={dialog.kind === "create" || dialog.kind === "edit"}
        onOpenChange={(open) => !open && closeDialog()}
        user={dialog.kind === "edit" ? dialog.user : null}
        currentUserId={currentUserId}
      />
      <DeleteUserDialog
        user={dialog.kind === "delete" ? dialog.user : null}
        onClose={closeDialog}
      />
    </>
  );
}
