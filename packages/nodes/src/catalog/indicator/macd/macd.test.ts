import { expect, it } from "vitest";
import { runNode } from "../../../testing/run-node.ts";
import { btc, mean } from "../test-data.ts";
import { macdNode } from "./definition.ts";

it("MACD seeds both EMAs at bar 25 (TA-Lib) and starts all lines at bar 33", () => {
  const { out } = runNode(macdNode, {}, { source: btc.close });
  let fast = mean(btc.close, 14, 25);
  let slow = mean(btc.close, 0, 25);
  const lines: number[] = [fast - slow];
  for (let i = 26; i <= 40; i++) {
    fast += (btc.close[i]! - fast) * (2 / 13);
    slow += (btc.close[i]! - slow) * (2 / 27);
    lines.push(fast - slow);
  }
  let signal = lines.slice(0, 9).reduce((a, b) => a + b, 0) / 9;
  expect(out.macd[32]).toBeNaN();
  expect(out.macd[33]).toBeCloseTo(lines[8]!, 8);
  expect(out.signal[33]).toBeCloseTo(signal, 8);
  for (let i = 34; i <= 40; i++) {
    signal += (lines[i - 25]! - signal) * (2 / 10);
    expect(out.macd[i]).toBeCloseTo(lines[i - 25]!, 8);
    expect(out.signal[i]).toBeCloseTo(signal, 8);
    expect(out.histogram[i]).toBeCloseTo(lines[i - 25]! - signal, 8);
  }
});

it("rejects a fast period that is not shorter than the slow one", () => {
  expect(() => macdNode.params.parse({ fastPeriod: 26, slowPeriod: 12 })).toThrow(/fast period/);
});
