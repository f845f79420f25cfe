/**
 * Append-only Float64 column that doubles its capacity: the node's own copy of the history it learns from.
 * Indices are absolute sample numbers; a column restored from a trimmed snapshot starts at `first`, and the
 * samples before it read as NaN (no longer held).
 */
export class GrowableColumn {
  values: Float64Array;
  length = 0;
  /** Absolute index of `values[0]` (0 unless restored from a trimmed snapshot). */
  first = 0;

  constructor(capacity = 256) {
    this.values = new Float64Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length - this.first === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++ - this.first] = value;
  }

  get(index: number): number {
    return index < this.first ? Number.NaN : this.values[index - this.first]!;
  }

  /** Stored values of absolute indices [start, end) (a view, not a copy); start must be held. */
  range(start: number, end: number): Float64Array {
    return this.values.subarray(start - this.first, end - this.first);
  }

  /** JSON-safe copy from absolute index `from` (NaN becomes null; JSON numbers round-trip doubles exactly). */
  toJSON(from = this.first): (number | null)[] {
    const start = Math.max(from, this.first);
    const out = new Array<number | null>(this.length - start);
    for (let i = start; i < this.length; i++) {
      const v = this.values[i - this.first]!;
      out[i - start] = Number.isNaN(v) ? null : v;
    }
    return out;
  }

  /** Rebuilds a column whose first value is absolute index `first`. */
  static fromJSON(values: readonly (number | null)[], first = 0): GrowableColumn {
    const column = new GrowableColumn(values.length);
    column.first = first;
    column.length = first;
    for (const v of values) column.push(v === null ? Number.NaN : v);
    return column;
  }
}
