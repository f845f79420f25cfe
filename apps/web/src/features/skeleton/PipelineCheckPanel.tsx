import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import {
  type RunTimeframe,
  type SkeletonResult,
  skeletonResultSchema,
  TIMEFRAMES,
} from "@tradegraph/contracts";
import { useEffect, useRef, useState } from "react";
import { type RouterOutputs, trpc } from "../../lib/trpc.ts";
import { formatNumber, formatUtc } from "./format.ts";

const symbols = ["BTC/USDT", "ETH/USDT", "BNB/USDT", "SOL/USDT", "XRP/USDT", "ADA/USDT", "DOGE/USDT"];
type RunView = RouterOutputs["skeleton"]["get"];

const statusColor: Record<RunView["status"], string> = {
  queued: "gray",
  running: "blue",
  succeeded: "teal",
  failed: "red",
  cancelled: "yellow",
};

/**
 * Starts the pipeline check (browser → server → queue → runner → database) and shows the run's
 * state as it arrives live over the server's subscription.
 */
export function PipelineCheckPanel() {
  const [symbol, setSymbol] = useState("BTC/USDT");
  const [timeframe, setTimeframe] = useState<RunTimeframe>("1h");
  const [run, setRun] = useState<RunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const subscription = useRef<{ unsubscribe(): void } | null>(null);

  useEffect(() => () => subscription.current?.unsubscribe(), []);

  async function start() {
    setError(null);
    setStarting(true);
    subscription.current?.unsubscribe();
    try {
      const { runId } = await trpc.skeleton.start.mutate({ symbol, timeframe });
      subscription.current = trpc.skeleton.watch.subscribe(
        { runId },
        { onData: (next) => setRun(next), onError: (e) => setError(e.message) },
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  }

  const busy = starting || run?.status === "queued" || run?.status === "running";
  const parsed = run?.result ? skeletonResultSchema.safeParse(run.result) : null;

  return (
    <Paper p="md" withBorder radius="md" bg="dark.7">
      <Stack gap="sm">
        <div>
          <Title order={5}>Pipeline check</Title>
          <Text size="xs" c="dimmed">
            The runner reads the bundled Binance candles through the job queue and reports back live.
          </Text>
        </div>
        <Group grow gap="xs">
          <Select
            label="Symbol"
            size="xs"
            data={symbols}
            value={symbol}
            onChange={(v) => v && setSymbol(v)}
            allowDeselect={false}
          />
          <Select
            label="Timeframe"
            size="xs"
            data={[...TIMEFRAMES]}
            value={timeframe}
            onChange={(v) => v && setTimeframe(v as RunTimeframe)}
            allowDeselect={false}
          />
        </Group>
        <Button data-testid="skeleton-start" onClick={start} loading={busy} size="sm">
          Run pipeline check
        </Button>
        {run && (
          <Stack gap={6} data-testid="skeleton-run" data-status={run.status}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed" ff="monospace">
                run {run.id.slice(0, 8)}
              </Text>
              <Badge data-testid="skeleton-status" color={statusColor[run.status]} variant="light">
                {run.status}
              </Badge>
            </Group>
            <Progress value={run.progress} animated={run.status === "running"} size="sm" />
          </Stack>
        )}
        {run?.error && (
          <Alert color="red" variant="light" title="The runner reported an error">
            {run.error}
          </Alert>
        )}
        {error && (
          <Alert color="red" variant="light" title="Could not reach the server">
            {error}
          </Alert>
        )}
        {parsed?.success && <ResultTable result={parsed.data} />}
      </Stack>
    </Paper>
  );
}

function ResultTable({ result }: { result: SkeletonResult }) {
  const rows: [string, string][] = [
    ["File", result.file],
    ["Candles", formatNumber(result.rows, 0)],
    ["First candle", formatUtc(result.firstCandleTime)],
    ["Last candle", formatUtc(result.lastCandleTime)],
    ["Last close", formatNumber(result.lastClose)],
    ["Highest high", formatNumber(result.highestHigh)],
    ["Lowest low", formatNumber(result.lowestLow)],
    ["Missing candles", formatNumber(result.missingCandles, 0)],
    ["Runner time", `${formatNumber(result.durationMs, 0)} ms`],
  ];
  return (
    <Table
      data-testid="skeleton-result"
      withRowBorders={false}
      verticalSpacing={3}
      fz="xs"
      layout="fixed"
      style={{ width: "100%" }}
    >
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td c="dimmed" w={118}>
              {label}
            </Table.Td>
            <Table.Td ta="right" ff="monospace" data-field={label} style={{ overflowWrap: "anywhere" }}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
