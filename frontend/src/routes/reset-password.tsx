import { createFileRoute } from "@tanstack/react-router";
import { z } from "zod";
import { FormAlert } from "@/components/form/FormAlert";
import { AuthLayout } from "@/components/layout/AuthLayout";
import { TextLink } from "@/components/TextLink";
import { ResetPasswordForm } from "@/features/auth/components/ResetPasswordForm";

const resetSearchSchema = z.object({
  token: z.string().min(1).optional().catch(undefined),
});

export const Route = createFileRoute("/reset-password")({
  validateSearch: resetSearchSchema,
  head: () => ({ meta: [{ title: "Reset password · Red Panda" }] }),
  component: ResetPasswordPage,
});

function ResetPasswordPage() {
  const { token } = Route.useSearch();
  return (
    <AuthLayout
      title="Choose a new password"
      description="Pick a password you do not use anywhere else."
      footer={<TextLink to="/recover-password">Request a new reset link</TextLink>}
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <FormAlert
          title="This link is incomplete"
          message="Open the link from the e-mail again, or request a new one."
        />
      )}
    </AuthLayout>
  );
}
