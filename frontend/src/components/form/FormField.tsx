import { Field } from "@chakra-ui/react";
import type { ReactNode } from "react";

type FormFieldProps = {
  label: string;
  /** The validation message for this field, shown under it and announced with the input. */
  error?: string;
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  children: ReactNode;
};

/** A labelled form control: Field.Root wires the label, the input, the helper and the error text together. */
export function FormField({
  label,
  error,
  helperText,
  required,
  disabled,
  children,
}: FormFieldProps) {
  return (
    <Field.Root invalid={Boolean(error)} required={required} disabled={disabled}>
      <Field.Label>
        {label}
        {required && <Field.RequiredIndicator />}
      </Field.Label>
      {children}
      {helperText && !error && <Field.HelperText>{helperText}</Field.HelperText>}
      <Field.ErrorText>{error}</Field.ErrorText>
    </Field.Root>
  );
}
