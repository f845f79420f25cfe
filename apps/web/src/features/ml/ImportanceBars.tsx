import { Group, Stack, Text } from "@mantine/core";
import { type ImportanceBar, percent } from "./model-view.ts";

/** Feature importances as horizontal bars, largest first, each named by the node wired into the model. */
export function ImportanceBars({ bars, note }: { bars: ImportanceBar[]; note: string }) {
  const largest = Math.max(1e-12, ...bars.map((b) => b.share));
  return (
    <Stack gap={4} data-testid="ml-importances">
      {bars.map((bar) => (
        <Group key={bar.label} gap="xs" wrap="nowrap">
          <Text size="xs" w={170} truncate="end" title={bar.label}>
            {bar.label}
          </Text>
          <div
            style={{
              flex: 1,
              height: 10,
              background: "var(--mantine-color-default-border)",
              borderRadius: 2,
            }}
          >
            <div
              style={{
                width: `${(bar.share / largest) * 100}%`,
                height: "100%",
                background: "#da77f2",
                borderRadius: 2,
              }}
            />
          </div>
          <Text size="xs" w={48} ta="right">
            {percent(bar.share)}
          </Text>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Stack>
  );
}
