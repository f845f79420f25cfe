import { ActionIcon, Button, Group, Popover, Stack, Text } from "@mantine/core";
import { IconPlayerPlay, IconSettings } from "@tabler/icons-react";
import { useState } from "react";
import { BacktestSettingsForm } from "./BacktestSettingsForm.tsx";
import { type BacktestFormValues, describeSettings } from "./backtest-settings.ts";

interface Props {
  settings: BacktestFormValues;
  onSettingsChange(v: BacktestFormValues): void;
  onRun(): void;
  running: boolean;
  disabled?: string | null;
  knownSymbols?: string[];
}

/** One click runs with the last settings; the gear opens them. */
export function BacktestControl({
  settings,
  onSettingsChange,
  onRun,
  running,
  disabled,
  knownSymbols,
}: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        size="xs"
        leftSection={<IconPlayerPlay size={14} />}
        onClick={onRun}
        loading={running}
        disabled={Boolean(disabled)}
        title={disabled ?? describeSettings(settings).join(" · ")}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
        data-testid="backtest-button"
      >
        Backtest
      </Button>
      <Popover opened={open} onChange={setOpen} width={340} position="bottom-end" shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon
            size={30}
            variant="filled"
            aria-label="Backtest settings"
            onClick={() => setOpen((o) => !o)}
            style={{
              borderTopLeftRadius: 0,
              borderBottomLeftRadius: 0,
              borderLeft: "1px solid rgb(0 0 0 / 25%)",
            }}
            data-testid="backtest-settings-button"
          >
            <IconSettings size={14} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <BacktestSettingsForm
              value={settings}
              onChange={onSettingsChange}
              knownSymbols={knownSymbols ?? []}
            />
            <Text size="xs" c="dimmed">
              Candles come from the database (bundled Binance data or your imports). Fees and slippage always
              count.
            </Text>
            <Button
              size="xs"
              onClick={() => {
                setOpen(false);
                onRun();
              }}
            >
              Run with these settings
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
