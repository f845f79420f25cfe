/**
 * The pair-ranking board of a run: each symbol's latest two published scores. Ranks compare every
 * symbol's score for its latest bar strictly before the asked time, so the order in which symbols are
 * stepped within one timestamp never matters and nothing from the future is used.
 */
import type { UniverseView } from "@tradegraph/nodes";

export class UniverseBoard implements UniverseView {
  private readonly index = new Map<string, number>();
  private readonly lastTime: Float64Array;
  private readonly lastScore: Float64Array;
  private readonly previousTime: Float64Array;
  private readonly previousScore: Float64Array;

  constructor(symbols: readonly string[]) {
    for (let k = 0; k < symbols.length; k++) this.index.set(symbols[k]!, k);
    const n = symbols.length;
    this.lastTime = new Float64Array(n).fill(Number.NaN);
    this.lastScore = new Float64Array(n).fill(Number.NaN);
    this.previousTime = new Float64Array(n).fill(Number.NaN);
    this.previousScore = new Float64Array(n).fill(Number.NaN);
  }

  publish(symbol: string, time: number, score: number): void {
    const k = this.index.get(symbol);
    if (k === undefined) return;
    if (time !== this.lastTime[k]) {
      this.previousTime[k] = this.lastTime[k]!;
      this.previousScore[k] = this.lastScore[k]!;
    }
    this.lastTime[k] = time;
    this.lastScore[k] = score;
  }

  rankBefore(symbol: string, time: number): number {
    const k = this.index.get(symbol);
    if (k === undefined) return Number.NaN;
    const own = this.scoreBefore(k, time);
    if (Number.isNaN(own)) return Number.NaN;
    let rank = 0;
    for (let other = 0; other < this.lastTime.length; other++) {
      if (other === k) continue;
      const score = this.scoreBefore(other, time);
      // Ties go to the symbol listed first, so ranks are deterministic.
      if (score > own || (score === own && other < k)) rank++;
    }
    return rank;
  }

  private scoreBefore(k: number, time: number): number {
    if (this.lastTime[k]! < time) return this.lastScore[k]!;
    if (this.previousTime[k]! < time) return this.previousScore[k]!;
    return Number.NaN;
  }
}
