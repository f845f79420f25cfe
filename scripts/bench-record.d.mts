export interface BenchEntry {
  name: string;
  unit: string;
  value: number;
  /** Value compared with, same unit (e.g. a reference implementation). */
  baseline?: number;
  /** Defaults to value / baseline. */
  ratio?: number;
}
export function recordBench(entry: BenchEntry): BenchEntry;
