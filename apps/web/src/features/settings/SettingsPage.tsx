import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CredentialMode } from "@tradegraph/contracts";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";

/** Exchange credentials (secrets go in and are never shown again) and the account. */
export function SettingsPage() {
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const me = useQuery({ queryKey: ["auth", "me"], queryFn: () => trpc.auth.me.query() });
  const credentials = useQuery({ queryKey: ["credentials"], queryFn: () => trpc.credentials.list.query() });
  const test = useMutation({
    mutationFn: (credentialId: string) => trpc.credentials.testConnection.mutate({ credentialId }),
    onSuccess: (r) => {
      notifications.show({
        color: r.ok ? "teal" : "red",
        title: r.ok ? "Connection works" : "Connection refused",
        message: r.message,
      });
      client.invalidateQueries({ queryKey: ["credentials"] });
    },
    onError: (e) => notifications.show({ color: "red", message: readApiError(e).message }),
  });
  const remove = useMutation({
    mutationFn: (credentialId: string) => trpc.credentials.remove.mutate({ credentialId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["credentials"] }),
    onError: (e) => notifications.show({ color: "red", message: readApiError(e).message }),
  });
  const signOut = useMutation({
    mutationFn: () => trpc.auth.signOut.mutate(),
    onSuccess: () => client.resetQueries(),
  });
  return (
    <Stack p="md" gap="lg" maw={960} data-testid="settings-page">
      <Title order={3}>Settings</Title>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <div>
            <Title order={5}>Exchange credentials</Title>
            <Text size="sm" c="dimmed">
              API keys are encrypted on the server. After you add a key only its label and last four
              characters are ever shown. Keys that can withdraw funds are refused for live trading.
            </Text>
          </div>
          <Button onClick={() => setAdding(true)}>Add API key</Button>
        </Group>
        <QueryState
          query={credentials}
          what="credentials"
          empty={
            <EmptyState title="No API keys">
              Paper trading needs none; testnet and live deployments do.
            </EmptyState>
          }
        >
          {(rows) => (
            <Table fz="sm" data-testid="credentials-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Label</Table.Th>
                  <Table.Th>Exchange</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Permissions</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>
                      {c.exchange}{" "}
                      <Badge size="xs" color={c.mode === "live" ? "red" : "grape"}>
                        {c.mode}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace">…{c.last4}</Table.Td>
                    <Table.Td>
                      {c.permissions ? (
                        <Group gap={4}>
                          {c.permissions.canRead ? <Badge size="xs">read</Badge> : null}
                          {c.permissions.canTradeSpot ? <Badge size="xs">spot trading</Badge> : null}
                          {c.permissions.canWithdraw ? (
                            <Badge size="xs" color="red">
                              withdrawals!
                            </Badge>
                          ) : null}
                          {c.permissions.ipRestricted ? (
                            <Badge size="xs" color="teal">
                              IP-restricted
                            </Badge>
                          ) : null}
                        </Group>
                      ) : (
                        <Text size="xs" c="dimmed">
                          not tested yet
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end">
                        <Button
                          size="compact-xs"
                          variant="default"
                          loading={test.isPending && test.variables === c.id}
                          onClick={() => test.mutate(c.id)}
                        >
                          Test connection
                        </Button>
                        <Button
                          size="compact-xs"
                          color="red"
                          variant="subtle"
                          onClick={() => remove.mutate(c.id)}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          Account
        </Title>
        <QueryState query={me} what="account">
          {(user) => (
            <Group justify="space-between">
              <div>
                <Text size="sm">{user.email}</Text>
                <Text size="xs" c="dimmed">
                  member since {user.createdAt.slice(0, 10)}
                </Text>
              </div>
              <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                Sign out
              </Button>
            </Group>
          )}
        </QueryState>
      </Paper>
      <AddCredentialDialog opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function AddCredentialDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const client = useQueryClient();
  const [label, setLabel] = useState("");
  const [mode, setMode] = useState<CredentialMode>("testnet");
  const [apiKey, setApiKey] = useState("");
  const [secret, setSecret] = useState("");
  const add = useMutation({
    mutationFn: () => trpc.credentials.add.mutate({ label, exchange: "binance", mode, apiKey, secret }),
    onSuccess: () => {
      // The secret leaves the browser's memory with the form.
      setApiKey("");
      setSecret("");
      setLabel("");
      client.invalidateQueries({ queryKey: ["credentials"] });
      onClose();
    },
  });
  const error = add.error ? readApiError(add.error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title="Add a Binance API key">
      <Stack gap="sm">
        <TextInput
          label="Label"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={error?.fieldErrors["label"]?.[0]}
        />
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as CredentialMode)}
          data={[
            { label: "Testnet key", value: "testnet" },
            { label: "Live key", value: "live" },
          ]}
        />
        <TextInput
          label="API key"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          error={error?.fieldErrors["apiKey"]?.[0]}
        />
        <PasswordInput
          label="Secret"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={error?.fieldErrors["secret"]?.[0]}
        />
        <Text size="xs" c="dimmed">
          Give the key spot-trading permission only (no withdrawals) and restrict it to this server's IP on
          the exchange.
        </Text>
        {error && Object.keys(error.fieldErrors).length === 0 ? (
          <Alert color="red">{error.message}</Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => add.mutate()} loading={add.isPending}>
            Save key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
