import { Alert, Button, Group, SegmentedControl, Text, useComputedColorScheme } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconHistory, IconRocket } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { QueryState } from "../../components/QueryState.tsx";
import { BacktestControl } from "../../features/backtest/BacktestControl.tsx";
import {
  type BacktestFormValues,
  loadLastSettings,
  saveLastSettings,
  toStartInput,
} from "../../features/backtest/backtest-settings.ts";
import { useBacktestRun } from "../../features/backtest/use-backtest-run.ts";
import { loadRunCandles, runNodeValues } from "../../features/data/run-candles.ts";
import { DeployDialog } from "../../features/deployments/DeployDialog.tsx";
import { EditorView } from "../../features/editor/EditorView.tsx";
import { EditorStore, useEditorState } from "../../features/editor/editor-store.ts";
import { useDraftPersistence } from "../../features/editor/use-draft.ts";
import { ModelPanel } from "../../features/ml/ModelPanel.tsx";
import type { GraphNodeInfo } from "../../features/ml/model-view.ts";
import { CompareView } from "../../features/results/CompareView.tsx";
import { type RunResultJson, toResultView } from "../../features/results/from-run-result.ts";
import { type ResultsState, ResultsView } from "../../features/results/ResultsView.tsx";
import { SaveDialog } from "../../features/strategies/SaveDialog.tsx";
import { VersionHistory } from "../../features/strategies/VersionHistory.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { clearDraft, loadDraft } from "../../lib/draft-storage.ts";
import { emptyGraph, type GraphDocument, parseGraphDocument } from "../../lib/graph-document.ts";
import { cancelNodeValues } from "../../lib/node-values-client.ts";
import { navigate } from "../../lib/router.ts";
import { type RouterOutputs, trpc } from "../../lib/trpc.ts";

type Strategy = RouterOutputs["strategies"]["get"];

/** Canvas + inspector, save/versions, one-click backtest with results beside the canvas, deploy. */
export function StrategyPage({ strategyId }: { strategyId: string }) {
  const strategy = useQuery({
    queryKey: ["strategy", strategyId],
    queryFn: () => trpc.strategies.get.query({ strategyId }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <QueryState query={strategy} what="strategy">
      {(s) => <LoadedStrategy strategy={s} />}
    </QueryState>
  );
}

/** Comparable form of a graph for "unsaved changes": name and layout included, key order irrelevant. */
const fingerprint = (doc: GraphDocument) => JSON.stringify({ ...doc, name: "" });

function LoadedStrategy({ strategy }: { strategy: Strategy }) {
  const client = useQueryClient();
  const dark = useComputedColorScheme("dark") === "dark";
  const [savedVersion, setSavedVersion] = useState(strategy.latestVersion);
  const [savedGraph, setSavedGraph] = useState<GraphDocument>(() =>
    strategy.latest ? parseGraphDocument(strategy.latest.graph) : emptyGraph(strategy.name),
  );
  const [restoredDraftAt, setRestoredDraftAt] = useState<number | null>(null);
  const [store] = useState(() => {
    const draft = loadDraft(strategy.id);
    if (draft && fingerprint(draft.graph) !== fingerprint(savedGraph)) {
      setRestoredDraftAt(draft.savedAt);
      return new EditorStore(draft.graph);
    }
    return new EditorStore({ ...savedGraph, name: strategy.name });
  });
  useDraftPersistence(store, strategy.id, savedVersion);
  // Re-render on every graph change, so "unsaved changes" stays current.
  useEditorState(store, (s) => s.revision);
  const errors = useEditorState(store, (s) => s.issues.filter((i) => i.severity === "error").length);
  const dirty = fingerprint(store.document()) !== fingerprint(savedGraph);

  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const [panel, setPanel] = useState<"inspector" | "results" | "compare">("inspector");
  const [settings, setSettings] = useState<BacktestFormValues>(() => loadLastSettings(strategy.id));
  const run = useBacktestRun();
  const [results, setResults] = useState<ResultsState>({ kind: "idle" });
  const [models, setModels] = useState<{
    reports: RunResultJson["models"];
    symbol: string;
    nodes: GraphNodeInfo[];
  } | null>(null);
  // Step-through debugger: a bar click on the results chart shows every node's values on the canvas.
  const [debuggerValues, setDebugger] = useState<{
    valuesAt(i: number): Record<string, Record<string, number>>;
  } | null>(null);

  const afterSave = (number: number) => {
    setSavedVersion(number);
    setSavedGraph(store.document());
    clearDraft(strategy.id);
    setRestoredDraftAt(null);
    client.invalidateQueries({ queryKey: ["versions", strategy.id] });
    client.invalidateQueries({ queryKey: ["strategies"] });
  };

  const runBacktest = async () => {
    saveLastSettings(strategy.id, settings);
    setPanel("results");
    try {
      let version = savedVersion;
      if (dirty || version < 1) {
        // A backtest always refers to an immutable version, so unsaved edits are saved first.
        const saved = await trpc.strategies.saveVersion.mutate({
          strategyId: strategy.id,
          graph: store.document(),
          message: "Saved to run a backtest",
        });
        afterSave(saved.number);
        version = saved.number;
      }
      await run.start(toStartInput(strategy.id, version, settings));
    } catch (error) {
      setResults({ kind: "failed", error: readApiError(error).message });
    }
  };

  // Follow the run into the results panel; load the full result when it succeeds.
  const { state } = run;
  useEffect(() => {
    if (state.kind === "starting") {
      setResults({ kind: "running", fraction: 0, note: "starting" });
      setModels(null);
      setDebugger(null);
      store.setDebugValues(null);
      cancelNodeValues();
    } else if (state.kind === "running")
      setResults({ kind: "running", fraction: state.fraction, ...(state.note ? { note: state.note } : {}) });
    else if (state.kind === "failed") setResults({ kind: "failed", error: state.error });
    else if (state.kind === "succeeded") {
      let cancelled = false;
      void (async () => {
        try {
          const { result } = await trpc.backtests.result.query({ runId: state.runId });
          const json = result as RunResultJson;
          const symbol = json.symbols[0] ?? "";
          // Prices come from the same stored candles the run traded on; the chart still works without them.
          const [{ candles }, version] = await Promise.all([
            loadRunCandles(json, symbol),
            trpc.strategies.version
              .query({ strategyId: strategy.id, number: state.versionNumber })
              .catch(() => null),
          ]);
          if (candles && version && !cancelled)
            setResults({ kind: "running", fraction: 1, note: "computing node values…" });
          const computed =
            candles && version
              ? await runNodeValues(parseGraphDocument(version.graph), candles, json, symbol)
              : null;
          if (cancelled) return;
          setDebugger(computed ? { valuesAt: computed.values.valuesAt } : null);
          setModels({
            reports: json.models,
            symbol,
            nodes: version ? parseGraphDocument(version.graph).nodes : [],
          });
          setResults({
            kind: "done",
            result: toResultView({
              runId: state.runId,
              label: `${strategy.name} v${state.versionNumber} · ${settings.symbols.join(", ")} ${settings.timeframe} · ${settings.from} → ${settings.to}`,
              result: json,
              symbol,
              candles,
              ...(computed ? { indicators: computed.indicators } : {}),
            }),
          });
        } catch (error) {
          if (!cancelled) setResults({ kind: "failed", error: readApiError(error).message });
        }
      })();
      return () => {
        cancelled = true;
      };
    }
    return undefined;
  }, [state, store, strategy.id, strategy.name, settings]);

  const actions = (
    <>
      {dirty ? (
        <Text size="xs" c="yellow" data-testid="unsaved">
          unsaved changes
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          {savedVersion > 0 ? `v${savedVersion} saved` : "never saved"}
        </Text>
      )}
      <Button size="xs" variant="default" onClick={() => setSaving(true)} data-testid="save-button">
        Save
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconHistory size={14} />}
        onClick={() => setHistory(true)}
      >
        Versions
      </Button>
      <BacktestControl
        settings={settings}
        onSettingsChange={setSettings}
        onRun={runBacktest}
        running={state.kind === "starting" || state.kind === "running"}
        disabled={errors > 0 ? `Fix the ${errors} error(s) on the canvas first` : null}
      />
      <Button
        size="xs"
        variant="light"
        leftSection={<IconRocket size={14} />}
        disabled={savedVersion < 1 || dirty}
        title={savedVersion < 1 || dirty ? "Save a version to deploy it" : undefined}
        onClick={() => setDeploying(true)}
        data-testid="deploy-button"
      >
        Deploy
      </Button>
      <SegmentedControl
        size="xs"
        value={panel}
        onChange={(v) => setPanel(v as "inspector" | "results" | "compare")}
        data={[
          { label: "Inspector", value: "inspector" },
          { label: "Results", value: "results" },
          { label: "Compare", value: "compare" },
        ]}
        data-testid="side-panel-tabs"
      />
    </>
  );

  return (
    <div style={{ height: "100%", display: "flex", flexDirection: "column" }}>
      {restoredDraftAt !== null ? (
        <Alert color="blue" py={4} radius={0} data-testid="draft-restored">
          <Group justify="space-between">
            <Text size="sm">
              Restored unsaved changes from{" "}
              {new Date(restoredDraftAt).toISOString().slice(0, 16).replace("T", " ")} UTC.
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                store.load({ ...savedGraph, name: strategy.name });
                clearDraft(strategy.id);
                setRestoredDraftAt(null);
              }}
            >
              Discard them
            </Button>
          </Group>
        </Alert>
      ) : null}
      <div style={{ flex: 1, minHeight: 0 }}>
        <EditorView
          store={store}
          actions={actions}
          {...(panel === "results"
            ? {
                sidePanel: (
                  <ResultsView
                    state={results}
                    dark={dark}
                    chartHeight={460}
                    {...(models
                      ? {
                          modelPanel: (
                            <ModelPanel
                              models={models.reports}
                              symbol={models.symbol}
                              nodes={models.nodes}
                              dark={dark}
                            />
                          ),
                        }
                      : {})}
                    {...(debuggerValues
                      ? { onBarClick: (i: number) => store.setDebugValues(debuggerValues.valuesAt(i)) }
                      : {})}
                  />
                ),
                sidePanelWidth: 640,
              }
            : panel === "compare"
              ? {
                  sidePanel: <CompareView strategyId={strategy.id} dark={dark} />,
                  sidePanelWidth: 640,
                }
              : {})}
        />
      </div>
      <SaveDialog
        opened={saving}
        strategyId={strategy.id}
        graph={() => store.document()}
        onClose={() => setSaving(false)}
        onSaved={(v) => {
          afterSave(v.number);
          notifications.show({ color: "teal", message: `Saved version ${v.number}: ${v.message}` });
        }}
      />
      <VersionHistory
        opened={history}
        strategyId={strategy.id}
        latest={savedVersion}
        onClose={() => setHistory(false)}
        onRestored={async (number) => {
          const v = await trpc.strategies.version.query({ strategyId: strategy.id, number });
          const graph = parseGraphDocument(v.graph);
          store.load({ ...graph, name: strategy.name });
          setSavedGraph(store.document());
          setSavedVersion(number);
          clearDraft(strategy.id);
          setHistory(false);
          notifications.show({ color: "teal", message: `Restored as version ${number}` });
        }}
      />
      {savedVersion > 0 ? (
        <DeployDialog
          opened={deploying}
          onClose={() => setDeploying(false)}
          strategyId={strategy.id}
          strategyName={strategy.name}
          versionNumber={savedVersion}
          onDeployed={async (id) => {
            try {
              await trpc.deployments.start.mutate({ deploymentId: id });
            } catch (error) {
              notifications.show({ color: "red", message: readApiError(error).message });
            }
            navigate(`/deployments/${id}`);
          }}
        />
      ) : null}
    </div>
  );
}
