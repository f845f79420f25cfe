import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertOctagon } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeploymentCommand } from "@tradegraph/contracts";
import { useState } from "react";
import { QueryState } from "../../components/QueryState.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";
import { EventLog, FillsTable, OrdersTable, PnlPanel, PositionsTable } from "./DeploymentTables.tsx";
import { availableCommands, COMMAND_LABELS, MODE_COLORS, STATUS_COLORS } from "./deployment-model.ts";
import { useDeploymentPush } from "./use-deployment-push.ts";

const money = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? "not known yet" : `${v.toFixed(2)} USDT`;

/** One deployment: status and health, controls with a prominent emergency stop, and its trading records. */
export function DeploymentDetail({ deploymentId }: { deploymentId: string }) {
  const client = useQueryClient();
  const [confirmStop, setConfirmStop] = useState(false);
  // Records refetch when the runner pushes a change; polling only while the push stream is down.
  const push = useDeploymentPush(deploymentId);
  const poll = push === "live" ? false : 5000;
  const status = useQuery({
    queryKey: ["deployment", deploymentId, "status"],
    queryFn: () => trpc.deployments.status.query({ deploymentId }),
    // The heartbeat age keeps moving without any event, so status is also refreshed on a timer.
    refetchInterval: 10_000,
  });
  const pnl = useQuery({
    queryKey: ["deployment", deploymentId, "pnl"],
    queryFn: () => trpc.deployments.pnl.query({ deploymentId }),
    refetchInterval: poll,
  });
  const command = useMutation({
    mutationFn: (c: DeploymentCommand) => trpc.deployments[c].mutate({ deploymentId }),
    onSuccess: (_r, c) => {
      notifications.show({
        color: c === "emergencyStop" ? "red" : "teal",
        message: `${COMMAND_LABELS[c]} sent to the runner.`,
      });
      client.invalidateQueries({ queryKey: ["deployment", deploymentId] });
      client.invalidateQueries({ queryKey: ["deployments"] });
    },
    onError: (e) => notifications.show({ color: "red", message: readApiError(e).message }),
  });
  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md" data-testid="deployment-detail">
        <QueryState query={status} what="deployment">
          {(d) => {
            const commands = availableCommands(d.status, d.desiredState);
            return (
              <>
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={3}>
                      {d.strategyName} v{d.versionNumber}
                    </Title>
                    <Group gap="xs" mt={4}>
                      <Badge color={MODE_COLORS[d.mode]}>{d.mode}</Badge>
                      <Badge variant="light" color={STATUS_COLORS[d.status]} data-testid="deployment-status">
                        {d.status}
                      </Badge>
                      <Badge
                        variant="dot"
                        color={d.health.healthy ? "teal" : "red"}
                        data-testid="deployment-health"
                      >
                        {d.health.healthy ? "healthy" : "unhealthy"}
                      </Badge>
                      <Badge
                        variant="outline"
                        color={push === "live" ? "teal" : "yellow"}
                        data-testid="deployment-push"
                        data-state={push}
                        title={
                          push === "live"
                            ? "Updates are pushed by the runner as they happen"
                            : "The update stream is not connected; refreshing every 5 s"
                        }
                      >
                        {push === "live" ? "live updates" : push === "connecting" ? "connecting…" : "polling"}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {d.symbols.join(", ")} · {d.timeframe} · wants {d.desiredState}
                      </Text>
                    </Group>
                  </div>
                  <Group gap="xs">
                    {commands
                      .filter((c) => c !== "emergencyStop")
                      .map((c) => (
                        <Button
                          key={c}
                          size="xs"
                          variant="default"
                          loading={command.isPending && command.variables === c}
                          onClick={() => command.mutate(c)}
                          data-testid={`command-${c}`}
                        >
                          {COMMAND_LABELS[c]}
                        </Button>
                      ))}
                    <Button
                      color="red"
                      size="md"
                      leftSection={<IconAlertOctagon size={20} />}
                      disabled={!commands.includes("emergencyStop")}
                      onClick={() => setConfirmStop(true)}
                      data-testid="emergency-stop"
                    >
                      Emergency stop
                    </Button>
                  </Group>
                </Group>
                {!d.health.healthy ? (
                  <Alert color="red" title="Runner not healthy">
                    {d.health.message}
                  </Alert>
                ) : null}
                {d.statusReason ? (
                  <Alert color={d.status === "halted" || d.status === "failed" ? "red" : "blue"}>
                    {d.statusReason}
                  </Alert>
                ) : null}
                <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
                  <Stat label="Realised P&L" value={money(pnl.data?.realizedPnl)} />
                  <Stat label="Fees paid" value={money(pnl.data?.feesPaid)} />
                  <Stat label="Closed trades" value={pnl.data ? String(pnl.data.trades) : "not known yet"} />
                  <Stat
                    label="Win rate"
                    value={
                      pnl.data?.winRate == null ? "not known yet" : `${(pnl.data.winRate * 100).toFixed(1)}%`
                    }
                  />
                  <Stat
                    label="Last heartbeat"
                    value={
                      d.health.heartbeatAgeMs === null
                        ? "none yet"
                        : `${Math.round(d.health.heartbeatAgeMs / 1000)} s ago`
                    }
                  />
                </SimpleGrid>
                <Modal
                  opened={confirmStop}
                  onClose={() => setConfirmStop(false)}
                  title="Emergency stop"
                  centered
                >
                  <Stack>
                    <Text size="sm">
                      The runner cancels every open order, closes every position at market and stops this
                      deployment. This cannot be undone.
                    </Text>
                    <Group justify="flex-end">
                      <Button variant="default" onClick={() => setConfirmStop(false)}>
                        Keep running
                      </Button>
                      <Button
                        color="red"
                        onClick={() => {
                          setConfirmStop(false);
                          command.mutate("emergencyStop");
                        }}
                        data-testid="emergency-stop-confirm"
                      >
                        Cancel orders, flatten and stop
                      </Button>
                    </Group>
                  </Stack>
                </Modal>
              </>
            );
          }}
        </QueryState>
        <Tabs defaultValue="positions" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="positions">Positions</Tabs.Tab>
            <Tabs.Tab value="orders">Open orders</Tabs.Tab>
            <Tabs.Tab value="fills">Fills</Tabs.Tab>
            <Tabs.Tab value="pnl">Realised P&L</Tabs.Tab>
            <Tabs.Tab value="events">Event log</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="positions" pt="xs">
            <PositionsTable deploymentId={deploymentId} poll={poll} />
          </Tabs.Panel>
          <Tabs.Panel value="orders" pt="xs">
            <OrdersTable deploymentId={deploymentId} poll={poll} />
          </Tabs.Panel>
          <Tabs.Panel value="fills" pt="xs">
            <FillsTable deploymentId={deploymentId} poll={poll} />
          </Tabs.Panel>
          <Tabs.Panel value="pnl" pt="xs">
            <PnlPanel query={pnl} />
          </Tabs.Panel>
          <Tabs.Panel value="events" pt="xs">
            <EventLog deploymentId={deploymentId} poll={poll} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </ScrollArea>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p={6}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text
        fw={600}
        size={value === "not known yet" ? "xs" : "sm"}
        c={value === "not known yet" ? "dimmed" : undefined}
      >
        {value}
      </Text>
    </Paper>
  );
}
