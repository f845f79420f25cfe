/** Fixed-size ring of the last `size` values, for rolling-window kernels (no allocation per bar). */
export class RingBuffer {
  readonly values: Float64Array;
  /** Number of values pushed so far, capped at the size. */
  count = 0;
  private next = 0;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  /** Adds a value and returns the one it pushed out (NaN while the window is not full). */
  push(value: number): number {
    const evicted = this.count === this.size ? this.values[this.next]! : Number.NaN;
    this.values[this.next] = value;
    this.next = this.next + 1 === this.size ? 0 : this.next + 1;
    if (this.count < this.size) this.count++;
    return evicted;
  }

  get full(): boolean {
    return this.count === this.size;
  }

  /** Value pushed `ago` pushes back (0 = the latest). */
  ago(ago: number): number {
    let index = this.next - 1 - ago;
    if (index < 0) index += this.size;
    return this.values[index]!;
  }
}
