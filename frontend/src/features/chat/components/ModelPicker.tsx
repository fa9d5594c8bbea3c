import { NativeSelect } from "@chakra-ui/react";
import type { ModelChoice } from "@/client";
import { BUILTIN_LABEL } from "@/lib/providers";
import { decodeSelection, encodeSelection, type ModelSelection } from "../model-choice";

type ModelPickerProps = {
  choices: ModelChoice[];
  value: ModelSelection;
  onChange: (selection: ModelSelection) => void;
  disabled?: boolean;
};

const STATUS_NOTES: Record<ModelChoice["status"], string> = {
  valid: "",
  unchecked: " (not checked)",
  invalid: " (key invalid)",
};

/** Which key and model answer: one group per key, the built-in assistant first. */
export function ModelPicker({ choices, value, onChange, disabled }: ModelPickerProps) {
  return (
    <NativeSelect.Root
      size="sm"
      variant="subtle"
      w="auto"
      maxW={{ base: "44", sm: "64" }}
      disabled={disabled}
    >
      <NativeSelect.Field
        aria-label="Model"
        title="Model"
        value={encodeSelection(value)}
        onChange={(event) => onChange(decodeSelection(event.currentTarget.value))}
        rounded="full"
        fontWeight="medium"
        textOverflow="ellipsis"
      >
        {choices.map((choice) => (
          <optgroup
            key={choice.api_key_id ?? "builtin"}
            label={`${choice.label}${STATUS_NOTES[choice.status]}`}
          >
            {choice.models.length === 0 && (
              <option disabled value={`${choice.api_key_id}::`}>
                No models found: check the key in Settings
              </option>
            )}
            {choice.models.map((model) => {
              const selection = { apiKeyId: choice.api_key_id ?? null, model };
              return (
                <option key={model} value={encodeSelection(selection)}>
                  {choice.provider === "builtin" ? BUILTIN_LABEL : model}
                </option>
              );
            })}
          </optgroup>
        ))}
      </NativeSelect.Field>
      <NativeSelect.Indicator />
    </NativeSelect.Root>
  );
}
