import { Alert, Badge, Button, Drawer, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";

interface Props {
  opened: boolean;
  strategyId: string;
  latest: number;
  onClose(): void;
  /** After a restore: the restored graph is now the newest version. */
  onRestored(number: number): void;
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** Every saved version with its message; pick two to see what changed; restore one as the newest version. */
export function VersionHistory({ opened, strategyId, latest, onClose, onRestored }: Props) {
  const [compare, setCompare] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ["versions", strategyId, latest],
    queryFn: () => trpc.strategies.versions.query({ strategyId }),
    enabled: opened,
  });
  const diff = useQuery({
    queryKey: ["diff", strategyId, compare, latest],
    queryFn: () => trpc.strategies.diff.query({ strategyId, from: compare!, to: latest }),
    enabled: opened && compare !== null && compare !== latest,
  });
  const restore = useMutation({
    mutationFn: (number: number) => trpc.strategies.restoreVersion.mutate({ strategyId, number }),
    onSuccess: (v) => onRestored(v.number),
  });
  return (
    <Drawer opened={opened} onClose={onClose} title="Version history" position="right" size="lg">
      <Stack gap="sm">
        <QueryState
          query={versions}
          what="versions"
          empty={<EmptyState title="No saved versions">Save the strategy to create version 1.</EmptyState>}
        >
          {(rows) => (
            <Table fz="sm" highlightOnHover data-testid="version-list">
              <Table.Tbody>
                {rows.map((v) => (
                  <Table.Tr
                    key={v.id}
                    bg={compare === v.number ? "var(--mantine-color-blue-light)" : undefined}
                  >
                    <Table.Td>
                      <Badge variant={v.number === latest ? "filled" : "light"}>v{v.number}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.message}</Text>
                      <Text size="xs" c="dimmed">
                        {new Date(v.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {v.number !== latest ? (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => setCompare(v.number)}>
                            Diff with v{latest}
                          </Button>
                          <Button size="compact-xs" variant="light" onClick={() => restore.mutate(v.number)}>
                            Restore
                          </Button>
                        </Group>
                      ) : (
                        <Text size="xs" c="dimmed">
                          latest
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
        {restore.error ? <Alert color="red">{readApiError(restore.error).message}</Alert> : null}
        {compare !== null && compare !== latest ? (
          <QueryState query={diff} what="differences">
            {(d) => (
              <ScrollArea.Autosize mah={360}>
                <Stack gap={4} data-testid="version-diff">
                  <Text fw={600} size="sm">
                    v{compare} → v{latest}
                    {d.onlyLayout ? " (only positions changed)" : ""}
                  </Text>
                  {d.nodesAdded.map((n) => (
                    <Text key={`a${n.nodeId}`} size="xs" c="teal">
                      + node {n.nodeId} ({n.type})
                    </Text>
                  ))}
                  {d.nodesRemoved.map((n) => (
                    <Text key={`r${n.nodeId}`} size="xs" c="red">
                      − node {n.nodeId} ({n.type})
                    </Text>
                  ))}
                  {d.nodesChanged.map((n) =>
                    n.params.map((p) => (
                      <Text key={`c${n.nodeId}${p.key}`} size="xs" c="yellow">
                        ~ {n.nodeId}.{p.key}: {show(p.before)} → {show(p.after)}
                      </Text>
                    )),
                  )}
                  {d.edgesAdded.map((e) => (
                    <Text key={`ea${e.id}`} size="xs" c="teal">
                      + edge {e.from} → {e.to}
                    </Text>
                  ))}
                  {d.edgesRemoved.map((e) => (
                    <Text key={`er${e.id}`} size="xs" c="red">
                      − edge {e.from} → {e.to}
                    </Text>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </QueryState>
        ) : null}
      </Stack>
    </Drawer>
  );
}
