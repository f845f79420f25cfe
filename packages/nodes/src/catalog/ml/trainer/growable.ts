/** Append-only Float64 column that doubles its capacity: the node's own copy of the history it learns from. */
export class GrowableColumn {
  values: Float64Array;
  length = 0;

  constructor(capacity = 256) {
    this.values = new Float64Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }

  get(index: number): number {
    return this.values[index]!;
  }

  /** JSON-safe copy (NaN becomes null; JSON numbers round-trip doubles exactly). */
  toJSON(): (number | null)[] {
    const out = new Array<number | null>(this.length);
    for (let i = 0; i < this.length; i++) {
      const v = this.values[i]!;
      out[i] = Number.isNaN(v) ? null : v;
    }
    return out;
  }

  static fromJSON(values: readonly (number | null)[]): GrowableColumn {
    const column = new GrowableColumn(values.length);
    for (const v of values) column.push(v === null ? Number.NaN : v);
    return column;
  }
}
