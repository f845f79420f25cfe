import { Badge, Group, Progress, Stack, Text } from "@mantine/core";
import type { BackfillView } from "@tradegraph/contracts";
import {
  describeBackfill,
  outcomeLine,
  progressLabel,
  progressPercent,
  STATE_BADGES,
} from "./backfill-model.ts";

/** One backfill's bar: candles stored of expected, live while the runner works. */
export function BackfillProgress({ view }: { view: BackfillView }) {
  const badge = STATE_BADGES[view.state];
  const percent = progressPercent(view);
  return (
    <Stack gap={4} data-testid="backfill-progress" data-state={view.state}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} ff="monospace">
          {describeBackfill(view)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" ff="monospace" data-testid="backfill-count">
            {progressLabel(view)}
          </Text>
          <Badge size="sm" variant="light" color={badge.color}>
            {badge.label}
          </Badge>
        </Group>
      </Group>
      <Progress
        value={percent}
        size="lg"
        radius="xs"
        color={view.state === "failed" ? "red" : "teal"}
        striped={view.state === "running"}
        animated={view.state === "running"}
        aria-label={`${Math.round(percent)}% of the candles fetched`}
        data-testid="backfill-bar"
        data-percent={Math.round(percent)}
      />
      {view.state === "succeeded" || view.state === "failed" ? (
        <Text size="xs" c={view.state === "failed" ? "red" : "dimmed"} data-testid="backfill-outcome">
          {outcomeLine(view)}
        </Text>
      ) : null}
    </Stack>
  );
}
