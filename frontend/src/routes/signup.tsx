import { createFileRoute, redirect } from "@tanstack/react-router";
import { AuthLayout } from "@/components/layout/AuthLayout";
import { TextLink } from "@/components/TextLink";
import { SignupForm } from "@/features/auth/components/SignupForm";
import { hasAccessToken } from "@/lib/auth-token";

export const Route = createFileRoute("/signup")({
  beforeLoad: () => {
    if (hasAccessToken()) throw redirect({ to: "/", replace: true });
  },
  head: () => ({ meta: [{ title: "Sign up · Red Panda" }] }),
  component: SignupPage,
});

function SignupPage() {
  return (
    <AuthLayout
      title="Create your account"
      description="Start analysing your CSV files in minutes."
      footer={
        <>
          Already have an account? <TextLink to="/login">Log in</TextLink>
        </>
      }
    >
      <SignupForm />
    </AuthLayout>
  );
}
