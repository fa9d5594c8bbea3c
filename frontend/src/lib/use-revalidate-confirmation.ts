import { useEffect } from "react";
import { type FieldValues, type Path, type UseFormReturn, useWatch } from "react-hook-form";

/**
 * Re-checks a "confirm password" field when the password it must match changes,
 * but only once the user has typed a confirmation, so untouched fields stay quiet.
 */
export function useRevalidateConfirmation<T extends FieldValues>(
  form: UseFormReturn<T>,
  source: Path<T>,
  confirmation: Path<T>,
) {
  const { control, getValues, trigger } = form;
  const sourceValue = useWatch({ control, name: source });

  useEffect(() => {
    if (sourceValue !== undefined && getValues(confirmation)) {
      void trigger(confirmation);
    }
  }, [sourceValue, confirmation, getValues, trigger]);
}
