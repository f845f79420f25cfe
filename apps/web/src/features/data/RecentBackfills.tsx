import { Badge, Button, Table, Text } from "@mantine/core";
import type { BackfillView } from "@tradegraph/contracts";
import { describeBackfill, outcomeLine, progressLabel, STATE_BADGES } from "./backfill-model.ts";

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

interface RecentBackfillsProps {
  backfills: BackfillView[];
  /** Shows a backfill that is still working on the live progress bar (e.g. after a reload). */
  onFollow(view: BackfillView): void;
}

/** The trader's latest backfills with their state and outcome (kept for a week). */
export function RecentBackfills({ backfills, onFollow }: RecentBackfillsProps) {
  if (backfills.length === 0) return null;
  return (
    <Table fz="xs" verticalSpacing={4} data-testid="recent-backfills">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Requested (UTC)</Table.Th>
          <Table.Th>Series</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backfills.map((b) => (
          <Table.Tr key={b.jobId} data-testid="recent-backfill">
            <Table.Td ff="monospace">{when(b.createdAt)}</Table.Td>
            <Table.Td ff="monospace">{describeBackfill(b)}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" color={STATE_BADGES[b.state].color}>
                {STATE_BADGES[b.state].label}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c={b.state === "failed" ? "red" : undefined}>
                {b.state === "queued" || b.state === "running" ? progressLabel(b) : outcomeLine(b)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              {b.state === "queued" || b.state === "running" ? (
                <Button size="compact-xs" variant="subtle" onClick={() => onFollow(b)}>
                  Follow
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
