import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";

/** Sign in, sign up, or create the very first account on a fresh install. */
export function AuthPage() {
  const client = useQueryClient();
  const setup = useQuery({ queryKey: ["auth", "setupState"], queryFn: () => trpc.auth.setupState.query() });
  const firstAccount = setup.data ? !setup.data.hasAnyAccount : false;
  const [mode, setMode] = useState<"signIn" | "signUp">("signIn");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signingUp = firstAccount || mode === "signUp";
  const submit = useMutation({
    mutationFn: () =>
      signingUp ? trpc.auth.signUp.mutate({ email, password }) : trpc.auth.signIn.mutate({ email, password }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["auth"] }),
  });
  const error = submit.error ? readApiError(submit.error) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  return (
    <Center h="100dvh" bg="var(--mantine-color-body)">
      <Paper withBorder p="xl" w={380} radius="md" shadow="md">
        <form onSubmit={onSubmit} data-testid="auth-form">
          <Stack gap="sm">
            <div>
              <Title order={3}>
                {firstAccount ? "Create the first account" : signingUp ? "Sign up" : "Sign in"}
              </Title>
              <Text size="sm" c="dimmed">
                {firstAccount
                  ? "This Tradegraph has no accounts yet. The first one you create is yours."
                  : "Build, backtest and deploy trading strategies on real market data."}
              </Text>
            </div>
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error?.fieldErrors["email"]?.[0]}
            />
            <PasswordInput
              label="Password"
              autoComplete={signingUp ? "new-password" : "current-password"}
              description={signingUp ? "At least 10 characters." : undefined}
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error?.fieldErrors["password"]?.[0]}
            />
            {error && Object.keys(error.fieldErrors).length === 0 ? (
              <Alert color="red" data-testid="auth-error">
                {error.message}
              </Alert>
            ) : null}
            <Button type="submit" loading={submit.isPending}>
              {firstAccount ? "Create account" : signingUp ? "Sign up" : "Sign in"}
            </Button>
            {firstAccount ? null : (
              <Text size="sm" ta="center">
                {signingUp ? "Have an account? " : "New here? "}
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => setMode(signingUp ? "signIn" : "signUp")}
                >
                  {signingUp ? "Sign in" : "Create an account"}
                </Anchor>
              </Text>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
