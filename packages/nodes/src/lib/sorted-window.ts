import { RingBuffer } from "./ring-buffer.ts";

/**
 * The last `size` values kept both in arrival order and sorted, so "how many are at or below x" is a
 * binary search instead of a scan of the window (percentile ranks over long lookbacks).
 * Values must not be NaN.
 */
export class SortedWindow {
  private readonly arrivals: RingBuffer;
  private readonly sorted: Float64Array;
  private length = 0;

  constructor(readonly size: number) {
    this.arrivals = new RingBuffer(size);
    this.sorted = new Float64Array(size);
  }

  get full(): boolean {
    return this.arrivals.full;
  }

  push(x: number): void {
    const sorted = this.sorted;
    const evicted = this.arrivals.push(x);
    if (!Number.isNaN(evicted)) {
      const at = this.firstAtOrAbove(evicted);
      sorted.copyWithin(at, at + 1, this.length);
      this.length--;
    }
    const at = this.countAtOrBelow(x);
    sorted.copyWithin(at + 1, at, this.length);
    sorted[at] = x;
    this.length++;
  }

  /** Number of values in the window that are ≤ x. */
  countAtOrBelow(x: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! <= x) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private firstAtOrAbove(x: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! < x) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
