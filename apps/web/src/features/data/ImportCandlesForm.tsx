import { Alert, Button, FileInput, Group, List, Select, Stack, Text, TextInput } from "@mantine/core";
import { STORE_TIMEFRAMES, type StoreTimeframe } from "@tradegraph/contracts";
import { useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import { type RouterOutputs, trpc } from "../../lib/trpc.ts";

type Outcome = RouterOutputs["data"]["importFile"];

/** Reads a file as base64 without blowing the call stack on large files. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Upload a candle file (CSV / Binance kline dump / ccxt JSON, gzip allowed) into one series. */
export function ImportCandlesForm({ onImported }: { onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [symbol, setSymbol] = useState("BTC/USDT");
  const [timeframe, setTimeframe] = useState<StoreTimeframe | null>("1h");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!file || !timeframe) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await trpc.data.importFile.mutate({
        symbol,
        timeframe,
        fileName: file.name,
        base64: await toBase64(file),
      });
      setOutcome(result);
      if (result.ok) onImported();
    } catch (e) {
      setError(readApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="import-candles">
      <Group align="end" gap="xs">
        <FileInput
          label="Candle file"
          placeholder="Pick a .csv, .json or .gz file"
          value={file}
          onChange={setFile}
          w={260}
        />
        <TextInput label="Symbol" value={symbol} onChange={(e) => setSymbol(e.currentTarget.value)} w={120} />
        <Select
          label="Timeframe"
          data={STORE_TIMEFRAMES}
          value={timeframe}
          onChange={(v) => setTimeframe(v as StoreTimeframe | null)}
          w={100}
        />
        <Button onClick={submit} loading={busy} disabled={!file || !timeframe}>
          Import
        </Button>
      </Group>
      {error ? (
        <Alert color="red" title="Import refused">
          {error}
        </Alert>
      ) : null}
      {outcome?.ok ? (
        <Alert color="teal" title="Imported" data-testid="import-ok">
          {outcome.rows.toLocaleString("en-US")} candles read: {outcome.stored.toLocaleString("en-US")}{" "}
          stored, {outcome.duplicates.toLocaleString("en-US")} already stored
          {outcome.conflicting > 0
            ? `, ${outcome.conflicting} differed from the stored ones (kept the stored)`
            : ""}
          , {outcome.gapsInFile} gap{outcome.gapsInFile === 1 ? "" : "s"} in the file.
        </Alert>
      ) : null}
      {outcome && !outcome.ok ? (
        <Alert color="red" title={`The file has ${outcome.errorCount} problem(s); nothing was stored`}>
          <List size="sm">
            {outcome.errors.slice(0, 20).map((e) => (
              <List.Item key={`${e.line}-${e.message}`}>
                <Text size="sm">
                  line {e.line}: {e.message}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}
