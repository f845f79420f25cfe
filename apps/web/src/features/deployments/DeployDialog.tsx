import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { createDeploymentInput, type DeploymentMode, type RiskLimits } from "@tradegraph/contracts";
import { useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";
import { symbolsHint } from "./deploy-symbols.ts";

interface Props {
  opened: boolean;
  onClose(): void;
  strategyId: string;
  strategyName: string;
  versionNumber: number;
  onDeployed(deploymentId: string): void;
}

const DEFAULT_LIMITS: RiskLimits = {
  maxNotionalPerOrder: 1000,
  maxOrdersPerDay: 20,
  minSecondsBetweenOrders: 60,
  dailyLossLimitPct: 3,
  maxDrawdownPct: 10,
};

const MODE_HELP: Record<DeploymentMode, string> = {
  paper: "Simulated fills on live closed candles; no exchange account, no money at risk.",
  testnet: "Real orders on the exchange's test network with a testnet API key; test money only.",
  live: "Real orders with real money through your exchange API key.",
};

/** Paper, testnet or live: credential, symbols, risk limits, the promotion gate, and a typed confirmation for live. */
export function DeployDialog({
  opened,
  onClose,
  strategyId,
  strategyName,
  versionNumber,
  onDeployed,
}: Props) {
  const [mode, setMode] = useState<DeploymentMode>("paper");
  const [credentialId, setCredentialId] = useState<string | null>(null);
  const [symbols, setSymbols] = useState<string[]>(["BTC/USDT"]);
  const [timeframe, setTimeframe] = useState<"1m" | "5m" | "15m" | "1h" | "4h" | "1d">("1h");
  const [paperCash, setPaperCash] = useState<number>(10_000);
  const [limits, setLimits] = useState<RiskLimits>(DEFAULT_LIMITS);
  const [confirmName, setConfirmName] = useState("");
  const credentials = useQuery({
    queryKey: ["credentials"],
    queryFn: () => trpc.credentials.list.query(),
    enabled: opened && mode !== "paper",
  });
  const gate = useQuery({
    queryKey: ["promotionGate", strategyId, versionNumber],
    queryFn: () => trpc.deployments.promotionGate.query({ strategyId, number: versionNumber }),
    enabled: opened && mode === "live",
  });
  const input = {
    strategyId,
    versionNumber,
    mode,
    ...(mode !== "paper" && credentialId ? { credentialId } : {}),
    symbols,
    timeframe,
    ...(mode === "paper" ? { paperCash } : {}),
    riskLimits: limits,
    ...(mode === "live" && gate.data && !gate.data.passed ? { overrideConfirmation: confirmName } : {}),
  };
  const parsed = createDeploymentInput.safeParse(input);
  const fieldError = (path: string) =>
    parsed.success ? undefined : parsed.error.issues.find((i) => i.path.join(".").startsWith(path))?.message;
  const symbolsCheck = symbolsHint(mode, symbols);
  const liveConfirmed = mode !== "live" || confirmName === strategyName;
  const needsCredential = mode !== "paper" && !credentialId;
  const deploy = useMutation({
    mutationFn: () => trpc.deployments.create.mutate(input),
    onSuccess: (d) => {
      onClose();
      onDeployed(d.id);
    },
  });
  const setLimit = (key: keyof RiskLimits) => (v: string | number) =>
    typeof v === "number" && setLimits((l) => ({ ...l, [key]: v }));
  const usable = (credentials.data ?? []).filter((c) => c.mode === mode);
  return (
    <Modal opened={opened} onClose={onClose} title={`Deploy ${strategyName} v${versionNumber}`} size="lg">
      <Stack gap="sm" data-testid="deploy-dialog">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as DeploymentMode)}
          data={[
            { label: "Paper", value: "paper" },
            { label: "Testnet", value: "testnet" },
            { label: "Live", value: "live" },
          ]}
          color={mode === "live" ? "red" : undefined}
        />
        <Text size="sm" c={mode === "live" ? "red" : "dimmed"}>
          {MODE_HELP[mode]}
        </Text>
        {mode !== "paper" ? (
          <Select
            label="Exchange credential"
            placeholder={
              usable.length === 0 ? `No ${mode} credential: add one in Settings` : "Pick an API key"
            }
            data={usable.map((c) => ({ value: c.id, label: `${c.label} (${c.exchange}, …${c.last4})` }))}
            value={credentialId}
            onChange={setCredentialId}
            error={needsCredential ? `A ${mode} deployment needs a ${mode} API key.` : undefined}
          />
        ) : (
          <NumberInput
            label="Paper starting cash"
            suffix=" USDT"
            thousandSeparator=","
            min={1}
            value={paperCash}
            onChange={(v) => typeof v === "number" && setPaperCash(v)}
          />
        )}
        <Group grow align="flex-start">
          <TagsInput
            label="Symbols"
            value={symbols}
            onChange={(v) => setSymbols(v.map((s) => s.trim().toUpperCase()))}
            description={symbolsCheck.description || undefined}
            error={symbolsCheck.error ?? fieldError("symbols")}
            data-testid="deploy-symbols"
          />
          <Select
            label="Timeframe"
            data={["1m", "5m", "15m", "1h", "4h", "1d"]}
            value={timeframe}
            allowDeselect={false}
            onChange={(v) => v && setTimeframe(v as typeof timeframe)}
          />
        </Group>
        <Text fw={600} size="sm">
          Account risk limits (enforced on every order, on top of the graph's risk gates)
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          <NumberInput
            size="xs"
            label="Max order value"
            suffix=" USDT"
            value={limits.maxNotionalPerOrder}
            onChange={setLimit("maxNotionalPerOrder")}
            error={fieldError("riskLimits.maxNotionalPerOrder")}
          />
          <NumberInput
            size="xs"
            label="Max orders per day"
            value={limits.maxOrdersPerDay}
            onChange={setLimit("maxOrdersPerDay")}
            error={fieldError("riskLimits.maxOrdersPerDay")}
          />
          <NumberInput
            size="xs"
            label="Min time between orders"
            suffix=" s"
            value={limits.minSecondsBetweenOrders}
            onChange={setLimit("minSecondsBetweenOrders")}
            error={fieldError("riskLimits.minSecondsBetweenOrders")}
          />
          <NumberInput
            size="xs"
            label="Daily loss limit"
            suffix=" %"
            value={limits.dailyLossLimitPct}
            onChange={setLimit("dailyLossLimitPct")}
            error={fieldError("riskLimits.dailyLossLimitPct")}
          />
          <NumberInput
            size="xs"
            label="Max drawdown"
            suffix=" %"
            value={limits.maxDrawdownPct}
            onChange={setLimit("maxDrawdownPct")}
            error={fieldError("riskLimits.maxDrawdownPct")}
          />
        </SimpleGrid>
        {mode === "live" ? (
          <Alert
            color={gate.data?.passed ? "teal" : "orange"}
            title={
              gate.isPending
                ? "Checking the promotion gate…"
                : gate.data?.passed
                  ? "Promotion gate passed"
                  : "Promotion gate not passed"
            }
            data-testid="promotion-gate"
          >
            <Text size="sm">
              Live trading needs at least 20 closed paper/testnet trades of this version, a win rate above 50%
              and a profit factor above 1.3.
            </Text>
            {gate.data && !gate.data.passed ? (
              <List size="sm" mt={4}>
                {gate.data.reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            ) : null}
            {gate.error ? <Text size="sm">{readApiError(gate.error).message}</Text> : null}
          </Alert>
        ) : null}
        {mode === "live" ? (
          <TextInput
            label={`Type the strategy name "${strategyName}" to confirm live trading`}
            value={confirmName}
            onChange={(e) => setConfirmName(e.currentTarget.value)}
            error={confirmName && !liveConfirmed ? "The name does not match." : undefined}
            data-testid="live-confirm"
          />
        ) : null}
        {deploy.error ? <Alert color="red">{readApiError(deploy.error).message}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color={mode === "live" ? "red" : undefined}
            disabled={
              !parsed.success || symbolsCheck.error !== undefined || needsCredential || !liveConfirmed
            }
            loading={deploy.isPending}
            onClick={() => deploy.mutate()}
            data-testid="deploy-submit"
          >
            {mode === "live" ? "Deploy live" : `Deploy to ${mode}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
