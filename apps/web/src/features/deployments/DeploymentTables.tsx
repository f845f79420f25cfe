import { Badge, Code, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { ColorType, createChart, LineSeries, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { type RouterOutputs, trpc } from "../../lib/trpc.ts";
import { isOpenOrder } from "./deployment-model.ts";

const utc = (iso: string) => iso.slice(0, 19).replace("T", " ");
const num = (v: number | null) => (v === null ? "—" : Number(v.toPrecision(8)).toString());

/** Polling interval while pushes are not arriving; false while `deployments.watch` is live. */
export type Poll = number | false;

const NOT_KNOWN = "not known yet";

export function PositionsTable({ deploymentId, poll }: { deploymentId: string; poll: Poll }) {
  const q = useQuery({
    queryKey: ["deployment", deploymentId, "positions"],
    queryFn: () => trpc.deployments.positions.query({ deploymentId }),
    refetchInterval: poll,
  });
  return (
    <QueryState
      query={q}
      what="positions"
      empty={<EmptyState title="No positions">Flat: nothing is held.</EmptyState>}
    >
      {(rows) => (
        <Table fz="sm" data-testid="positions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Symbol</Table.Th>
              <Table.Th>Quantity</Table.Th>
              <Table.Th>Avg entry</Table.Th>
              <Table.Th>Mark (last close)</Table.Th>
              <Table.Th>Unrealised P&L</Table.Th>
              <Table.Th>Realised P&L</Table.Th>
              <Table.Th>Fees</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.symbol} data-position={p.symbol}>
                <Table.Td>{p.symbol}</Table.Td>
                <Table.Td>{p.quantity === 0 ? "flat" : num(p.quantity)}</Table.Td>
                <Table.Td>{p.averageEntryPrice === null ? "—" : num(p.averageEntryPrice)}</Table.Td>
                <Table.Td data-cell="mark">
                  {p.markPrice === null || p.markTime === null ? (
                    <Text span size="sm" c="dimmed">
                      {NOT_KNOWN}: no candle closed since the start
                    </Text>
                  ) : (
                    <>
                      {num(p.markPrice)}
                      <Text size="xs" c="dimmed">
                        bar of {utc(new Date(p.markTime).toISOString())} UTC
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td
                  data-cell="unrealised"
                  c={
                    p.unrealizedPnl === null
                      ? "dimmed"
                      : p.unrealizedPnl > 0
                        ? "teal"
                        : p.unrealizedPnl < 0
                          ? "red"
                          : undefined
                  }
                >
                  {p.unrealizedPnl === null ? NOT_KNOWN : p.unrealizedPnl.toFixed(2)}
                </Table.Td>
                <Table.Td c={p.realizedPnl >= 0 ? "teal" : "red"}>{p.realizedPnl.toFixed(2)}</Table.Td>
                <Table.Td>{p.feesPaid.toFixed(2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

export function OrdersTable({ deploymentId, poll }: { deploymentId: string; poll: Poll }) {
  const q = useQuery({
    queryKey: ["deployment", deploymentId, "orders"],
    queryFn: () => trpc.deployments.orders.query({ deploymentId, limit: 200 }),
    refetchInterval: poll,
  });
  return (
    <QueryState query={q} what="orders">
      {(all) => {
        const rows = all.filter((o) => isOpenOrder(o.status));
        if (rows.length === 0)
          return (
            <EmptyState title="No open orders">
              {all.length > 0
                ? `${all.length} earlier orders are filled, cancelled or rejected.`
                : "No order placed yet."}
            </EmptyState>
          );
        return (
          <Table fz="sm" data-testid="orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Placed (UTC)</Table.Th>
                <Table.Th>Symbol</Table.Th>
                <Table.Th>Side</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Qty</Table.Th>
                <Table.Th>Price</Table.Th>
                <Table.Th>Filled</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{utc(o.createdAt)}</Table.Td>
                  <Table.Td>{o.symbol}</Table.Td>
                  <Table.Td c={o.side === "buy" ? "teal" : "red"}>{o.side}</Table.Td>
                  <Table.Td>{o.type}</Table.Td>
                  <Table.Td>{num(o.quantity)}</Table.Td>
                  <Table.Td>{num(o.price ?? o.stopPrice)}</Table.Td>
                  <Table.Td>{num(o.filledQuantity)}</Table.Td>
                  <Table.Td>{o.status}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        );
      }}
    </QueryState>
  );
}

export function FillsTable({ deploymentId, poll }: { deploymentId: string; poll: Poll }) {
  const q = useQuery({
    queryKey: ["deployment", deploymentId, "fills"],
    queryFn: () => trpc.deployments.fills.query({ deploymentId, limit: 200 }),
    refetchInterval: poll,
  });
  return (
    <QueryState query={q} what="fills" empty={<EmptyState title="No fills yet" />}>
      {(rows) => (
        <Table fz="sm" data-testid="fills-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time (UTC)</Table.Th>
              <Table.Th>Symbol</Table.Th>
              <Table.Th>Side</Table.Th>
              <Table.Th>Qty</Table.Th>
              <Table.Th>Price</Table.Th>
              <Table.Th>Fee</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{utc(f.time)}</Table.Td>
                <Table.Td>{f.symbol}</Table.Td>
                <Table.Td c={f.side === "buy" ? "teal" : "red"}>{f.side}</Table.Td>
                <Table.Td>{num(f.quantity)}</Table.Td>
                <Table.Td>{num(f.price)}</Table.Td>
                <Table.Td>
                  {num(f.fee)} {f.feeCurrency}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

type Pnl = RouterOutputs["deployments"]["pnl"];

export function PnlPanel({
  query,
}: {
  query: { isPending: boolean; error: unknown; data: Pnl | undefined; refetch(): unknown };
}) {
  return (
    <QueryState query={query} what="P&L">
      {(pnl) =>
        pnl.curve.length === 0 ? (
          <EmptyState title="No closed trades yet">
            Realised P&L is drawn once the first trade closes.
          </EmptyState>
        ) : (
          <PnlChart curve={pnl.curve} />
        )
      }
    </QueryState>
  );
}

function PnlChart({ curve }: { curve: Pnl["curve"] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = createChart(el.current, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: "#1a1b1e" },
        textColor: "#c1c2c5",
        attributionLogo: false,
      },
      grid: { vertLines: { visible: false }, horzLines: { color: "#2c2e33" } },
      timeScale: { timeVisible: true },
    });
    const series = chart.addSeries(LineSeries, {
      color: "#20c997",
      lineWidth: 2,
      title: "Realised P&L (USDT)",
    });
    // Several trades can close in the same second; the chart needs strictly increasing times.
    const points = new Map<number, number>();
    for (const p of curve) points.set(Math.floor(Date.parse(p.time) / 1000), p.cumulativePnl);
    series.setData([...points].map(([time, value]) => ({ time: time as UTCTimestamp, value })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [curve]);
  return <div ref={el} style={{ height: 280 }} data-testid="pnl-chart" />;
}

const LEVEL_COLORS: Record<string, string> = { info: "blue", warn: "yellow", error: "red" };

export function EventLog({ deploymentId, poll }: { deploymentId: string; poll: Poll }) {
  const q = useQuery({
    queryKey: ["deployment", deploymentId, "events"],
    queryFn: () => trpc.deployments.events.query({ deploymentId, limit: 200 }),
    refetchInterval: poll,
  });
  return (
    <QueryState
      query={q}
      what="events"
      empty={<EmptyState title="No events yet">The runner logs what it does here.</EmptyState>}
    >
      {(rows) => (
        <Table fz="xs" verticalSpacing={3} data-testid="event-log">
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{utc(e.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge size="xs" color={LEVEL_COLORS[e.level] ?? "gray"} variant="light">
                    {e.kind}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{e.message}</Text>
                  {e.details && typeof e.details === "object" && Object.keys(e.details).length > 0 ? (
                    <Code block fz={10} mt={2}>
                      {JSON.stringify(e.details)}
                    </Code>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
