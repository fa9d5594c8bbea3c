import { Stack } from "@chakra-ui/react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { currentUserQueryOptions } from "@/features/auth/api";
import { HowItWorks } from "@/features/home/components/HowItWorks";
import { NextSteps } from "@/features/home/components/NextSteps";
import { Welcome } from "@/features/home/components/Welcome";

export const Route = createFileRoute("/_layout/")({
  head: () => ({ meta: [{ title: "Home · Red Panda" }] }),
  component: HomePage,
});

function HomePage() {
  const { data: user } = useSuspenseQuery(currentUserQueryOptions());
  return (
    <Stack gap="10">
      <Welcome name={user.full_name ?? null} />
      <HowItWorks />
      <NextSteps isSuperuser={user.is_superuser} hasFullName={Boolean(user.full_name)} />
    </Stack>
  );
}
