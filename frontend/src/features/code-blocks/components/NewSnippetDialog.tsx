import { Input, NativeSelect, Stack, Textarea } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { CodeBlockDetail } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { FormField } from "@/components/form/FormField";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { SNIPPET_LANGUAGES } from "@/lib/code-languages";
import { useCreateCodeBlock } from "../api";
import { parseTagList, type SnippetForm, snippetSchema } from "../schemas";
import { CodeTextarea } from "./CodeTextarea";

const EMPTY: SnippetForm = { code: "", title: "", description: "", language: "python", tags: "" };

type NewSnippetDialogProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (block: CodeBlockDetail) => void;
};

/** Saves code of one's own in the library; a name and a description are made up if left empty. */
export function NewSnippetDialog({ open, onClose, onCreated }: NewSnippetDialogProps) {
  const create = useCreateCodeBlock();
  const form = useForm<SnippetForm>({
    mode: "onTouched",
    resolver: zodResolver(snippetSchema),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const close = () => {
    onClose();
    form.reset(EMPTY);
    create.reset();
  };

  const onSubmit = form.handleSubmit((values) => {
    create.mutate(
      {
        code: values.code,
        title: values.title || undefined,
        description: values.description || undefined,
        language: values.language || undefined,
        tags: parseTagList(values.tags),
      },
      {
        onSuccess: (saved) => {
          toaster.success({ title: "Snippet saved", description: saved.title });
          close();
          onCreated(saved);
        },
      },
    );
  });

  return (
    <FormDialog
      open={open}
      onClose={close}
      title="New snippet"
      onSubmit={onSubmit}
      submitLabel="Save snippet"
      pending={create.isPending}
      error={create.isError ? getErrorMessage(create.error) : null}
      scrollBehavior="inside"
      gap="5"
    >
      <FormField label="Code" error={errors.code?.message} required>
        <CodeTextarea
          {...form.register("code")}
          rows={10}
          placeholder={"result = df.groupby('region')['sales'].sum()"}
          onSubmitShortcut={onSubmit}
        />
      </FormField>
      <Stack direction={{ base: "column", sm: "row" }} gap="4">
        <FormField label="Language" error={errors.language?.message}>
          <NativeSelect.Root>
            <NativeSelect.Field {...form.register("language")}>
              {SNIPPET_LANGUAGES.map((language) => (
                <option key={language.value} value={language.value}>
                  {language.label}
                </option>
              ))}
              <option value="">Other</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </FormField>
        <FormField label="Tags" error={errors.tags?.message} helperText="Separate with commas">
          <Input {...form.register("tags")} placeholder="sales, monthly" autoComplete="off" />
        </FormField>
      </Stack>
      <FormField
        label="Name"
        error={errors.title?.message}
        helperText="Leave empty to name it after what the code does"
      >
        <Input {...form.register("title")} autoComplete="off" />
      </FormField>
      <FormField label="Description" error={errors.description?.message}>
        <Textarea {...form.register("description")} rows={2} autoresize />
      </FormField>
    </FormDialog>
  );
}
