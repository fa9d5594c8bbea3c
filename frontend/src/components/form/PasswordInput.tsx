import { IconButton, Input, InputGroup, type InputProps } from "@chakra-ui/react";
import { type Ref, useState } from "react";
import { LuEye, LuEyeOff } from "react-icons/lu";

type PasswordInputProps = Omit<InputProps, "type"> & {
  ref?: Ref<HTMLInputElement>;
  /** What is hidden, for the toggle's label: "password" ("Show password"), "key"… */
  secretName?: string;
};

/** A password input with a show/hide toggle that keeps the typed value and the caret where they are. */
export function PasswordInput({
  ref,
  size,
  secretName = "password",
  ...props
}: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const label = visible ? `Hide ${secretName}` : `Show ${secretName}`;

  return (
    <InputGroup
      endElement={
        <IconButton
          type="button"
          variant="ghost"
          size="xs"
          me="-2"
          aria-label={label}
          title={label}
          aria-pressed={visible}
          onClick={() => setVisible((current) => !current)}
          // Keep focus in the input so the user can keep typing.
          onMouseDown={(event) => event.preventDefault()}
        >
          {visible ? <LuEyeOff /> : <LuEye />}
        </IconButton>
      }
    >
      <Input ref={ref} size={size} type={visible ? "text" : "password"} {...props} />
    </InputGroup>
  );
}
