import "@mantine/notifications/styles.css";
import { Center, Loader } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { AuthPage } from "../features/auth/AuthPage.tsx";
import { DataPage } from "../features/data/DataPage.tsx";
import { DeploymentsPage } from "../features/deployments/DeploymentsPage.tsx";
import { SettingsPage } from "../features/settings/SettingsPage.tsx";
import { StrategiesPage } from "../features/strategies/StrategiesPage.tsx";
import { isNotSignedIn } from "../lib/api-error.ts";
import { queryClient } from "../lib/query-client.ts";
import { useRoute } from "../lib/router.ts";
import { trpc } from "../lib/trpc.ts";
import { AppLayout } from "./AppLayout.tsx";
import { PipelineCheckPage } from "./pages/PipelineCheckPage.tsx";
import { StrategyPage } from "./pages/StrategyPage.tsx";

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Notifications position="bottom-right" />
      <Routes />
    </QueryClientProvider>
  );
}

function Routes() {
  const route = useRoute();
  // The pipeline check (the walking skeleton) needs no account.
  if (route.section === "pipeline")
    return (
      <AppLayout section="pipeline">
        <PipelineCheckPage />
      </AppLayout>
    );
  return <SignedIn />;
}

function SignedIn() {
  const route = useRoute();
  const me = useQuery({ queryKey: ["auth", "me"], queryFn: () => trpc.auth.me.query() });
  if (me.isPending)
    return (
      <Center h="100dvh">
        <Loader />
      </Center>
    );
  if (me.error && isNotSignedIn(me.error)) return <AuthPage />;
  const id = route.rest[0];
  return (
    <AppLayout section={route.section || "strategies"} email={me.data?.email}>
      {route.section === "strategies" && id ? (
        <StrategyPage key={id} strategyId={id} />
      ) : route.section === "deployments" ? (
        <DeploymentsPage {...(id ? { selectedId: id } : {})} />
      ) : route.section === "data" ? (
        <DataPage />
      ) : route.section === "settings" ? (
        <SettingsPage />
      ) : (
        <StrategiesPage />
      )}
    </AppLayout>
  );
}
