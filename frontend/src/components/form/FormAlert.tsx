import { Alert } from "@chakra-ui/react";

type FormAlertProps = {
  message: string | null | undefined;
  title?: string;
  status?: "error" | "success" | "info" | "warning";
};

/** The server's answer to a submitted form, announced to screen readers. */
export function FormAlert({ message, title, status = "error" }: FormAlertProps) {
  if (!message) return null;
  return (
    <Alert.Root status={status} role={status === "error" ? "alert" : "status"} borderRadius="md">
      <Alert.Indicator />
      <Alert.Content>
        {title && <Alert.Title>{title}</Alert.Title>}
        <Alert.Description>{message}</Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
