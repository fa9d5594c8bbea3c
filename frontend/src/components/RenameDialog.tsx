import { Input, type InputProps } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import type { UseMutationResult } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormDialog } from "@/components/FormDialog";
import { FormField } from "@/components/form/FormField";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";

type RenameDialogProps<Item, Saved, Variables> = {
  /** What is being renamed; null closes the dialog. */
  item: Item | null;
  onClose: () => void;
  title: string;
  label: string;
  helperText?: string;
  /** The current name of `item`, the field's starting value. */
  currentValue: (item: Item) => string;
  /** Rules for the new name; its output is what gets sent. */
  schema: z.ZodType<string, string>;
  /** What to select when the dialog opens; by default the whole value. */
  selection?: (value: string) => [start: number, end: number];
  mutation: UseMutationResult<Saved, Error, Variables>;
  variables: (item: Item, value: string) => Variables;
  successToast: (saved: Saved, value: string) => { title: string; description: string };
  onRenamed?: (saved: Saved) => void;
  inputProps?: InputProps;
};

/** A one-field form that renames something; an unchanged name closes without a request. */
export function RenameDialog<Item, Saved, Variables>({
  item,
  onClose,
  title,
  label,
  helperText,
  currentValue,
  schema,
  selection,
  mutation,
  variables,
  successToast,
  onRenamed,
  inputProps,
}: RenameDialogProps<Item, Saved, Variables>) {
  // Keep showing the last name while the dialog animates out after `item` becomes null.
  const [shown, setShown] = useState(item);
  if (item && item !== shown) setShown(item);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const formSchema = useMemo(() => z.object({ value: schema }), [schema]);
  const form = useForm({
    mode: "onChange",
    resolver: zodResolver(formSchema),
    values: { value: shown ? currentValue(shown) : "" },
  });
  const { ref: registerRef, ...field } = form.register("value");

  const close = () => {
    onClose();
    mutation.reset();
  };

  const onSubmit = form.handleSubmit(({ value }) => {
    if (!item) return;
    if (value === currentValue(item)) {
      close();
      return;
    }
    mutation.mutate(variables(item, value), {
      onSuccess: (saved) => {
        toaster.success(successToast(saved, value));
        onRenamed?.(saved);
        close();
      },
    });
  });

  return (
    <FormDialog
      open={item !== null}
      onClose={close}
      title={title}
      onSubmit={onSubmit}
      submitLabel="Save"
      pending={mutation.isPending}
      error={mutation.isError ? getErrorMessage(mutation.error) : null}
      initialFocusEl={() => {
        const input = inputRef.current;
        // After a frame, because the dialog's focus trap selects the whole text once it has
        // focused the input.
        if (input && selection)
          requestAnimationFrame(() => input.setSelectionRange(...selection(input.value)));
        return input;
      }}
    >
      <FormField label={label} error={form.formState.errors.value?.message} helperText={helperText}>
        <Input
          {...inputProps}
          {...field}
          ref={(element) => {
            registerRef(element);
            inputRef.current = element;
          }}
          autoComplete="off"
        />
      </FormField>
    </FormDialog>
  );
}
