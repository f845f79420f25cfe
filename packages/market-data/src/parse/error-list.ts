import type { CandleFileError } from "./types.ts";

/** Keeps at most this many in memory however bad the file is; the count stays exact. */
const HARD_CAP = 10_000;

/** Collects errors, keeps counting past the cap, and reports the first `cap` by line. */
export class ErrorList {
  private readonly all: CandleFileError[] = [];
  total = 0;

  constructor(readonly cap: number) {}

  add(line: number, message: string): void {
    this.total++;
    if (this.all.length < HARD_CAP) this.all.push({ line, message });
  }

  /** Sorted by line (stable, so a line's errors keep their order), first `cap` only. */
  get items(): CandleFileError[] {
    return [...this.all].sort((a, b) => a.line - b.line).slice(0, this.cap);
  }
}
