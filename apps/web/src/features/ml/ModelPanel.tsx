import { Alert, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ModelReports } from "@tradegraph/contracts";
import { useMemo, useState } from "react";
import { findNodeType } from "../../lib/catalogue.ts";
import { CalibrationChart, FEW_BARS } from "./CalibrationChart.tsx";
import { ImportanceBars } from "./ImportanceBars.tsx";
import { type GraphNodeInfo, modelPanelViews } from "./model-view.ts";
import { WindowScoreChart } from "./WindowScoreChart.tsx";

interface ModelPanelProps {
  /** The run's `models` (absent for runs stored before reports existed, or without predictor nodes). */
  models: ModelReports | undefined;
  symbol: string;
  /** Nodes of the backtested version, to name features by the node wired in. */
  nodes: readonly GraphNodeInfo[];
  dark: boolean;
}

/** Out-of-sample report of each ML predictor node after a backtest; renders nothing without one. */
export function ModelPanel({ models, symbol, nodes, dark }: ModelPanelProps) {
  const views = useMemo(() => modelPanelViews(models, symbol, nodes, findNodeType), [models, symbol, nodes]);
  const [chosen, setChosen] = useState<string | null>(null);
  const view = views.find((v) => v.nodeId === chosen) ?? views[0];
  if (!view) return null;
  return (
    <Paper withBorder p="xs" data-testid="ml-panel">
      <Stack gap="xs">
        <Title order={6}>Model · {view.title}</Title>
        {views.length > 1 ? (
          <SegmentedControl
            size="xs"
            value={view.nodeId}
            onChange={setChosen}
            data={views.map((v) => ({ label: v.nodeId, value: v.nodeId }))}
          />
        ) : null}
        <Alert
          color={view.beatsBaseline ? "teal" : view.beatsBaseline === false ? "orange" : "gray"}
          py={6}
          data-testid="ml-verdict"
        >
          <Text size="sm">{view.verdict}</Text>
        </Alert>
        <SimpleGrid cols={3} spacing={6} verticalSpacing={4}>
          {view.summary.map((item) => (
            <div key={item.label}>
              <Text size="xs" c="dimmed">
                {item.label}
              </Text>
              <Text size="sm" fw={600}>
                {item.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="xs" fw={600}>
          {view.scoreName} per retraining window: bars = model (green beats the baseline), ticks = baseline
        </Text>
        <WindowScoreChart
          windows={view.windows}
          scoreName={view.scoreName}
          higherIsBetter={view.higherIsBetter}
          dark={dark}
        />
        <SimpleGrid cols={2} spacing="sm">
          <div>
            <Text size="xs" fw={600}>
              Calibration
            </Text>
            <CalibrationChart points={view.calibration} task={view.task} dark={dark} />
            <Text size="xs" c="dimmed">
              Dot area = bars in the bin; hollow = fewer than {FEW_BARS} bars.
            </Text>
          </div>
          <div>
            <Text size="xs" fw={600} mb={4}>
              Feature importances
            </Text>
            <ImportanceBars bars={view.importances} note={view.importanceNote} />
          </div>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
