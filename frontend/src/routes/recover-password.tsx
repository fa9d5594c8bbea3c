import { createFileRoute } from "@tanstack/react-router";
import { AuthLayout } from "@/components/layout/AuthLayout";
import { TextLink } from "@/components/TextLink";
import { RecoverPasswordForm } from "@/features/auth/components/RecoverPasswordForm";

export const Route = createFileRoute("/recover-password")({
  head: () => ({ meta: [{ title: "Forgot password · Red Panda" }] }),
  component: RecoverPasswordPage,
});

function RecoverPasswordPage() {
  return (
    <AuthLayout
      title="Forgot your password?"
      description="Enter the e-mail you signed up with and we will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <TextLink to="/login">Back to log in</TextLink>
        </>
      }
    >
      <RecoverPasswordForm />
    </AuthLayout>
  );
}
