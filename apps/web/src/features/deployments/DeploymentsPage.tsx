import { Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { navigate } from "../../lib/router.ts";
import { trpc } from "../../lib/trpc.ts";
import { DeploymentDetail } from "./DeploymentDetail.tsx";
import { MODE_COLORS, STATUS_COLORS } from "./deployment-model.ts";

/** Every deployment with its status; the selected one in detail. */
export function DeploymentsPage({ selectedId }: { selectedId?: string }) {
  const list = useQuery({
    queryKey: ["deployments"],
    queryFn: () => trpc.deployments.list.query({}),
    refetchInterval: 5000,
  });
  return (
    <Group align="stretch" gap={0} h="100%" wrap="nowrap" data-testid="deployments-page">
      <Paper
        w={340}
        p="sm"
        radius={0}
        style={{ borderRight: "1px solid var(--mantine-color-default-border)" }}
      >
        <Title order={4} mb="sm">
          Deployments
        </Title>
        <QueryState
          query={list}
          what="deployments"
          empty={
            <EmptyState title="Nothing deployed yet" testId="deployments-empty">
              Open a strategy and press Deploy to run it on paper first.
            </EmptyState>
          }
        >
          {(rows) => (
            <ScrollArea h="calc(100dvh - 120px)">
              <Table highlightOnHover fz="sm">
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr
                      key={d.id}
                      onClick={() => navigate(`/deployments/${d.id}`)}
                      style={{ cursor: "pointer" }}
                      bg={d.id === selectedId ? "var(--mantine-color-blue-light)" : undefined}
                      data-testid="deployment-row"
                    >
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {d.strategyName} v{d.versionNumber}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {d.symbols.join(", ")} · {d.timeframe}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2} align="flex-end">
                          <Badge size="xs" color={MODE_COLORS[d.mode]}>
                            {d.mode}
                          </Badge>
                          <Badge size="xs" variant="light" color={STATUS_COLORS[d.status]}>
                            {d.status}
                          </Badge>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </QueryState>
      </Paper>
      <div style={{ flex: 1, minWidth: 0 }}>
        {selectedId ? (
          <DeploymentDetail deploymentId={selectedId} />
        ) : (
          <EmptyState title="Select a deployment">
            Its status, positions, orders, fills, P&L and event log show here.
          </EmptyState>
        )}
      </div>
    </Group>
  );
}
