import { Group, ScrollArea, SegmentedControl, Select, Table, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconChevronUp, IconSelector } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { price, quantity, signedPct, utc } from "./format.ts";
import type { TradeRow } from "./result-types.ts";
import { NO_FILTER, type TradeFilter, type TradeSortKey, tradeRows } from "./trade-table-model.ts";

interface TradeTableProps {
  trades: readonly TradeRow[];
  selected: number | null;
  onSelect(index: number, trade: TradeRow): void;
  height?: number;
}

/** Sortable, filterable list of closed trades; clicking a row scrolls the chart to it. */
export function TradeTable({ trades, selected, onSelect, height = 260 }: TradeTableProps) {
  const [filter, setFilter] = useState<TradeFilter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: TradeSortKey; descending: boolean }>({
    key: "entryTime",
    descending: false,
  });
  const rows = useMemo(() => tradeRows(trades, filter, sort), [trades, filter, sort]);
  const reasons = useMemo(() => [...new Set(trades.map((t) => t.exitReason))].sort(), [trades]);

  const header = (key: TradeSortKey, label: string) => {
    const Icon = sort.key !== key ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp;
    return (
      <Table.Th>
        <UnstyledButton
          onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : true }))}
          data-sort={key}
        >
          <Group gap={2} wrap="nowrap">
            <Text size="xs" fw={600}>
              {label}
            </Text>
            <Icon size={12} />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  if (trades.length === 0)
    return (
      <Text size="sm" c="dimmed" p="sm" data-testid="trade-table-empty">
        No trades: the entry conditions never passed every risk gate in this period.
      </Text>
    );

  return (
    <div data-testid="trade-table">
      <Group gap="xs" mb={6}>
        <SegmentedControl
          size="xs"
          value={filter.side}
          onChange={(v) => setFilter((f) => ({ ...f, side: v as TradeFilter["side"] }))}
          data={[
            { label: "All sides", value: "all" },
            { label: "Long", value: "long" },
            { label: "Short", value: "short" },
          ]}
        />
        <SegmentedControl
          size="xs"
          value={filter.outcome}
          onChange={(v) => setFilter((f) => ({ ...f, outcome: v as TradeFilter["outcome"] }))}
          data={[
            { label: "All", value: "all" },
            { label: "Winners", value: "winners" },
            { label: "Losers", value: "losers" },
          ]}
        />
        <Select
          size="xs"
          w={150}
          placeholder="Any exit reason"
          clearable
          data={reasons}
          value={filter.exitReason}
          onChange={(v) => setFilter((f) => ({ ...f, exitReason: v }))}
        />
        <Text size="xs" c="dimmed">
          {rows.length} of {trades.length} trades
        </Text>
      </Group>
      <ScrollArea h={height} type="auto" scrollbars="xy">
        <Table
          striped
          highlightOnHover
          stickyHeader
          verticalSpacing={3}
          fz="xs"
          style={{ whiteSpace: "nowrap" }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Side</Table.Th>
              {header("entryTime", "Entry (UTC)")}
              <Table.Th>Entry price</Table.Th>
              {header("exitTime", "Exit (UTC)")}
              <Table.Th>Exit price</Table.Th>
              <Table.Th>Qty</Table.Th>
              {header("pnl", "P&L")}
              {header("returnPct", "Return")}
              {header("rMultiple", "R")}
              {header("fees", "Fees")}
              {header("barsHeld", "Bars")}
              <Table.Th>Exit</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ trade, index }) => (
              <Table.Tr
                key={index}
                onClick={() => onSelect(index, trade)}
                style={{ cursor: "pointer" }}
                bg={selected === index ? "var(--mantine-color-blue-light)" : undefined}
                data-trade-index={index}
                data-entry-time={trade.entryTime}
                data-exit-time={trade.exitTime}
              >
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Text span size="xs" fw={600} c={trade.side === "long" ? "teal" : "red"}>
                    {trade.side}
                  </Text>
                </Table.Td>
                <Table.Td>{utc(trade.entryTime)}</Table.Td>
                <Table.Td>{price(trade.entryPrice)}</Table.Td>
                <Table.Td>{utc(trade.exitTime)}</Table.Td>
                <Table.Td>{price(trade.exitPrice)}</Table.Td>
                <Table.Td>{quantity(trade.quantity)}</Table.Td>
                <Table.Td c={trade.pnl > 0 ? "teal" : "red"}>{trade.pnl.toFixed(2)}</Table.Td>
                <Table.Td c={trade.returnPct > 0 ? "teal" : "red"}>{signedPct(trade.returnPct)}</Table.Td>
                <Table.Td>{trade.rMultiple === null ? "no stop" : trade.rMultiple.toFixed(2)}</Table.Td>
                <Table.Td>{trade.fees.toFixed(2)}</Table.Td>
                <Table.Td>{trade.barsHeld}</Table.Td>
                <Table.Td>
                  {trade.exitReason}
                  {trade.ambiguous ? " ⚠" : ""}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </div>
  );
}
