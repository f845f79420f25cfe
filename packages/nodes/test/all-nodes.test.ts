import { beforeAll, describe, expect, it } from "vitest";
import {
  CANDLE_FIELDS,
  type CandleColumns,
  type CompiledPlan,
  listNodeDefinitions,
  type OrderIntent,
} from "../src/index.ts";
import { autoWire, NODE_UNDER_TEST } from "../src/testing/auto-wire.ts";
import { loadBundledCandles } from "../src/testing/load-candles.ts";
import {
  allColumns,
  compileOrThrow,
  type GraphRun,
  runBatch,
  runStreaming,
} from "../src/testing/run-graph.ts";
import { sliceCandles } from "../src/testing/run-node.ts";

/**
 * Every node type in the registry, wired automatically from its port types, on 3,000 real BTC/USDT
 * hours (from 2022-01-01): batch = streaming, truncated history = prefix of the full history (no
 * look-ahead), and the node never writes into its inputs. Each type runs on the base clock and, fed by
 * a 4h view, on the 4h clock.
 */
const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
const start = btc.time.indexOf(Date.UTC(2022, 0, 1));
const BARS = 3000;
/** The ML predictor trains walk-forward models, several seconds per run. */
const SLOW = 120_000;
const candles = sliceCandles(btc, start, start + BARS);

function intentKey(intent: OrderIntent): string {
  const { riskGates, ...rest } = intent;
  return JSON.stringify({ ...rest, gates: riskGates.map((g) => g.nodeId) });
}

function expectSameColumns(
  a: Map<string, Float64Array>,
  b: Map<string, Float64Array>,
  upTo: number,
  what: string,
) {
  for (const [key, values] of a) {
    const other = b.get(key);
    if (!other) throw new Error(`${what}: column ${key} missing`);
    for (let i = 0; i < upTo; i++) {
      if (!Object.is(values[i], other[i]))
        throw new Error(`${what}: ${key}[${i}] is ${other[i]}, expected ${values[i]}`);
    }
  }
}

function withoutSubject(plan: CompiledPlan): CompiledPlan {
  const dropped = new Set([NODE_UNDER_TEST]);
  const nodes = plan.nodes.filter((n) => {
    const feedsFromDropped = Object.values(n.inputs).some((sources) =>
      sources.some((s) => dropped.has(s.node)),
    );
    if (n.id === NODE_UNDER_TEST || feedsFromDropped) {
      dropped.add(n.id);
      return false;
    }
    return true;
  });
  return { ...plan, nodes, orderNodeIds: plan.orderNodeIds.filter((id) => !dropped.has(id)) };
}

function copyCandles(c: CandleColumns): CandleColumns {
  return sliceCandles(c, 0, c.time.length);
}

const variants = [
  { name: "base clock", higherTimeframe: undefined },
  { name: "4h clock", higherTimeframe: "4h" },
] as const;

describe.each(listNodeDefinitions().map((d) => [d.type, d] as const))("%s", (_type, definition) => {
  for (const variant of variants) {
    if (variant.higherTimeframe && (definition.definesClock || Object.keys(definition.inputs).length === 0))
      continue;
    describe(variant.name, () => {
      let plan: CompiledPlan;
      let input: CandleColumns;
      let full: GraphRun;
      let fullColumns: Map<string, Float64Array>;
      beforeAll(() => {
        plan = compileOrThrow(autoWire(definition, { higherTimeframe: variant.higherTimeframe }));
        input = copyCandles(candles);
        full = runBatch(plan, input);
        fullColumns = allColumns(full);
      }, SLOW);

      it(
        "produces ready values (or orders) on real data",
        () => {
          const own = [...fullColumns].filter(([key]) => key.startsWith(`${NODE_UNDER_TEST}.`));
          for (const [key, values] of own) {
            expect(
              values.some((v) => !Number.isNaN(v)),
              `${key} is never ready`,
            ).toBe(true);
          }
          if (definition.emitsOrders)
            expect(full.intents.some((x) => x.nodeId === NODE_UNDER_TEST)).toBe(true);
        },
        SLOW,
      );

      it(
        "gives identical values and intents in batch and streaming",
        () => {
          const stream = runStreaming(plan, candles, { capacity: 32 });
          expectSameColumns(fullColumns, allColumns(stream), BARS, "streaming");
          expect(stream.intents.map(intentKey)).toEqual(full.intents.map(intentKey));
        },
        SLOW,
      );

      it(
        "never looks ahead: a history cut at bar t gives the same values up to t",
        () => {
          for (const t of [1, 97, 1234, 2501]) {
            const cut = runBatch(plan, sliceCandles(candles, 0, t));
            expectSameColumns(allColumns(cut), fullColumns, t, `cut at ${t}`);
            expect(cut.intents.map(intentKey)).toEqual(
              full.intents.filter((x) => x.barIndex < t).map(intentKey),
            );
          }
        },
        SLOW,
      );

      it(
        "never mutates its inputs",
        () => {
          for (const field of CANDLE_FIELDS) {
            expect(
              Buffer.from(input[field].buffer).equals(Buffer.from(candles[field].buffer)),
              `candles.${field}`,
            ).toBe(true);
          }
          const upstream = allColumns(runBatch(withoutSubject(plan), copyCandles(candles)));
          // Upstream columns (all of them for a node with inputs) are the same with and without the node.
          if (Object.keys(definition.inputs).length > 0) expect(upstream.size).toBeGreaterThan(0);
          expectSameColumns(upstream, fullColumns, BARS, "upstream without the node");
        },
        SLOW,
      );
    });
  }
});

it("covers at least 45 node types across every category", () => {
  const definitions = listNodeDefinitions();
  expect(definitions.length).toBeGreaterThanOrEqual(45);
  expect(new Set(definitions.map((d) => d.category))).toEqual(
    new Set(["data", "indicator", "math", "logic", "ml", "risk", "order"]),
  );
});
