import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { UserPublic } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { emptyToNull } from "@/lib/validation";
import { useCreateUser, useUpdateUser } from "../api";
import { createUserSchema, editUserSchema, type UserFormValues } from "../schemas";
import { UserFormFields } from "./UserFormFields";

type UserFormDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The user to edit; without one the dialog creates a user. */
  user?: UserPublic | null;
  currentUserId: string;
};

function initialValues(user?: UserPublic | null): UserFormValues {
  return {
    email: user?.email ?? "",
    full_name: user?.full_name ?? "",
    password: "",
    is_active: user?.is_active ?? true,
    is_superuser: user?.is_superuser ?? false,
  };
}

export function UserFormDialog({ open, onOpenChange, user, currentUserId }: UserFormDialogProps) {
  const isEdit = Boolean(user);
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = isEdit ? updateUser : createUser;
  const form = useForm<UserFormValues>({
    mode: "onChange",
    resolver: zodResolver(isEdit ? editUserSchema : createUserSchema),
    values: initialValues(user),
  });

  const close = () => {
    onOpenChange(false);
    form.reset(initialValues(user));
    createUser.reset();
    updateUser.reset();
  };

  const onSubmit = form.handleSubmit((values) => {
    const body = { ...values, full_name: emptyToNull(values.full_name) };
    const onSuccess = (saved: UserPublic) => {
      toaster.success({
        title: isEdit ? "User updated" : "User created",
        description: saved.email,
      });
      close();
    };
    if (user) {
      const { password, ...rest } = body;
      updateUser.mutate({ userId: user.id, body: password ? body : rest }, { onSuccess });
    } else {
      createUser.mutate(body, { onSuccess });
    }
  });

  return (
    <FormDialog
      open={open}
      onClose={close}
      title={isEdit ? "Edit user" : "Add user"}
      onSubmit={onSubmit}
      submitLabel={isEdit ? "Save" : "Create user"}
      pending={mutation.isPending}
      error={mutation.isError ? getErrorMessage(mutation.error) : null}
      scrollBehavior="inside"
      gap="5"
    >
      <UserFormFields form={form} isEdit={isEdit} isSelf={user?.id === currentUserId} />
    </FormDialog>
  );
}
