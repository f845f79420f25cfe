import { Alert, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import type { BackfillExchange, BackfillTimeframe } from "@tradegraph/contracts";
import { useState } from "react";
import { BackfillProgress } from "./BackfillProgress.tsx";
import {
  type BackfillFormValues,
  defaultBackfillValues,
  EXCHANGE_OPTIONS,
  TIMEFRAME_OPTIONS,
} from "./backfill-model.ts";
import type { BackfillRunState } from "./use-backfill.ts";

interface BackfillFormProps {
  state: BackfillRunState;
  start(values: BackfillFormValues): Promise<void>;
}

/** Exchange, market, timeframe and UTC days to fetch through ccxt; then the live progress bar. */
export function BackfillForm({ state, start }: BackfillFormProps) {
  const [values, setValues] = useState<BackfillFormValues>(() => defaultBackfillValues());
  const set = <K extends keyof BackfillFormValues>(key: K, v: BackfillFormValues[K]) =>
    setValues((old) => ({ ...old, [key]: v }));
  const busy =
    state.kind === "starting" ||
    (state.kind === "following" && (state.view.state === "queued" || state.view.state === "running"));

  return (
    <Stack gap="sm" data-testid="backfill-form">
      <Group align="end" gap="xs">
        <Select
          label="Exchange"
          data={EXCHANGE_OPTIONS}
          value={values.exchange}
          allowDeselect={false}
          onChange={(v) => v && set("exchange", v as BackfillExchange)}
          w={140}
          data-testid="backfill-exchange"
        />
        <TextInput
          label="Symbol"
          value={values.symbol}
          onChange={(e) => set("symbol", e.currentTarget.value)}
          w={120}
          data-testid="backfill-symbol"
        />
        <Select
          label="Timeframe"
          data={TIMEFRAME_OPTIONS}
          value={values.timeframe}
          allowDeselect={false}
          onChange={(v) => v && set("timeframe", v as BackfillTimeframe)}
          w={90}
          data-testid="backfill-timeframe"
        />
        <TextInput
          type="date"
          label="From (UTC)"
          value={values.from}
          onChange={(e) => set("from", e.currentTarget.value)}
          w={150}
          data-testid="backfill-from"
        />
        <TextInput
          type="date"
          label="To (UTC, inclusive)"
          value={values.to}
          onChange={(e) => set("to", e.currentTarget.value)}
          w={150}
          data-testid="backfill-to"
        />
        <Button onClick={() => void start(values)} loading={busy} data-testid="backfill-start">
          Backfill
        </Button>
      </Group>
      {state.kind === "refused" ? (
        <Alert color="red" title="Backfill refused" data-testid="backfill-error">
          {state.error}
        </Alert>
      ) : null}
      {state.kind === "following" ? <BackfillProgress view={state.view} /> : null}
    </Stack>
  );
}
