import { expect, it } from "vitest";
import { loadBundledCandles } from "../testing/run-node.ts";
import { SortedWindow } from "./sorted-window.ts";

it("counts values at or below x in the last n exactly as a scan does (real volumes, ties included)", () => {
  const volume = loadBundledCandles("binance_BTCUSDT_1h.csv.gz").volume.subarray(0, 3000);
  const window = new SortedWindow(50);
  for (let i = 0; i < volume.length; i++) {
    window.push(volume[i]!);
    expect(window.full).toBe(i >= 49);
    const from = Math.max(0, i - 49);
    for (const probe of [volume[i]!, volume[from]!, 0, 1e12]) {
      let scan = 0;
      for (let j = from; j <= i; j++) if (volume[j]! <= probe) scan++;
      expect(window.countAtOrBelow(probe)).toBe(scan);
    }
  }
  // Rounded prices repeat: check ties with closes too.
  const ties = new SortedWindow(3);
  for (const x of [5, 5, 7, 5]) ties.push(x);
  expect(ties.countAtOrBelow(5)).toBe(2);
  expect(ties.countAtOrBelow(7)).toBe(3);
});
