import { createFileRoute, redirect } from "@tanstack/react-router";
import { z } from "zod";
import { AuthLayout } from "@/components/layout/AuthLayout";
import { TextLink } from "@/components/TextLink";
import { LoginForm } from "@/features/auth/components/LoginForm";
import { hasAccessToken } from "@/lib/auth-token";
import { safeRedirectTarget } from "@/lib/redirect";

const loginSearchSchema = z.object({
  redirect: z.string().optional().catch(undefined),
});

export const Route = createFileRoute("/login")({
  validateSearch: loginSearchSchema,
  beforeLoad: ({ search }) => {
    if (hasAccessToken()) {
      throw redirect({ href: safeRedirectTarget(search.redirect), replace: true });
    }
  },
  head: () => ({ meta: [{ title: "Log in · Red Panda" }] }),
  component: LoginPage,
});

function LoginPage() {
  const { redirect: redirectTo } = Route.useSearch();
  return (
    <AuthLayout
      title="Log in to Red Panda"
      description={redirectTo ? "Log in to continue where you left off." : "Welcome back."}
      footer={
        <>
          New to Red Panda? <TextLink to="/signup">Create an account</TextLink>
        </>
      }
    >
      <LoginForm redirectTo={redirectTo} />
    </AuthLayout>
  );
}
