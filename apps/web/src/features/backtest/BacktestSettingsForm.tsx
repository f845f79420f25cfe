import {
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { type BacktestFormValues, TIMEFRAME_OPTIONS, type Timeframe } from "./backtest-settings.ts";

interface Props {
  value: BacktestFormValues;
  onChange(v: BacktestFormValues): void;
  /** Symbols with candles in the database, offered first. */
  knownSymbols?: string[];
}

/** Symbols, timeframe, range, cash, fees and slippage: everything a backtest result depends on. */
export function BacktestSettingsForm({ value, onChange, knownSymbols = [] }: Props) {
  const set = <K extends keyof BacktestFormValues>(key: K, v: BacktestFormValues[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <Stack gap="xs" data-testid="backtest-settings">
      <TagsInput
        size="xs"
        label="Symbols"
        description="BASE/QUOTE, e.g. BTC/USDT"
        data={knownSymbols}
        value={value.symbols}
        onChange={(v) =>
          set(
            "symbols",
            v.map((s) => s.trim().toUpperCase()),
          )
        }
      />
      <Select
        size="xs"
        label="Timeframe"
        data={[...TIMEFRAME_OPTIONS]}
        value={value.timeframe}
        allowDeselect={false}
        onChange={(v) => v && set("timeframe", v as Timeframe)}
      />
      <Group grow gap="xs">
        <TextInput
          size="xs"
          type="date"
          label="From (UTC)"
          value={value.from}
          onChange={(e) => set("from", e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          type="date"
          label="To (UTC, inclusive)"
          value={value.to}
          onChange={(e) => set("to", e.currentTarget.value)}
        />
      </Group>
      <NumberInput
        size="xs"
        label="Starting cash"
        suffix=" USDT"
        min={1}
        thousandSeparator=","
        value={value.initialCash}
        onChange={(v) => typeof v === "number" && set("initialCash", v)}
      />
      <Group grow gap="xs">
        <NumberInput
          size="xs"
          label="Fee per fill"
          suffix=" %"
          min={0}
          max={5}
          step={0.01}
          decimalScale={4}
          value={value.feePercent}
          onChange={(v) => typeof v === "number" && set("feePercent", v)}
        />
        <NumberInput
          size="xs"
          label="Slippage"
          suffix=" bps"
          min={0}
          max={1000}
          step={1}
          value={value.slippageBps}
          onChange={(v) => typeof v === "number" && set("slippageBps", v)}
        />
      </Group>
      <div>
        <Text size="xs" fw={500} mb={2}>
          Market orders fill at
        </Text>
        <SegmentedControl
          size="xs"
          fullWidth
          value={value.fill}
          onChange={(v) => set("fill", v as BacktestFormValues["fill"])}
          data={[
            { label: "Next bar open", value: "nextOpen" },
            { label: "Signal bar close", value: "close" },
          ]}
        />
      </div>
      <SegmentedControl
        size="xs"
        fullWidth
        value={value.positions}
        onChange={(v) => set("positions", v as BacktestFormValues["positions"])}
        data={[
          { label: "Long only (spot)", value: "longOnly" },
          { label: "Long and short", value: "longShort" },
        ]}
      />
    </Stack>
  );
}
