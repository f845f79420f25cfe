import { DOWN, NEUTRAL, type Task, UP } from "../models/types.ts";

export interface LabelSpec {
  task: Task;
  /** Bars ahead the forward return is measured over. */
  horizon: number;
  /** |forward return| at or below this fraction is `neutral` (direction only; 0 = no neutral class). */
  neutralBand: number;
}

/** 2 classes (down, up), 3 with a neutral band, 1 output for regression. */
export function classCount(spec: LabelSpec): number {
  if (spec.task === "return") return 1;
  return spec.neutralBand > 0 ? 3 : 2;
}

/** Forward return close[j+h]/close[j] − 1, NaN when a close is missing or not positive. */
export function forwardReturn(entryClose: number, exitClose: number): number {
  if (!(entryClose > 0) || !(exitClose > 0)) return Number.NaN;
  return exitClose / entryClose - 1;
}

/** Label of a forward return: the class id for direction (a zero return is not up), the return itself otherwise. */
export function labelOf(spec: LabelSpec, ret: number): number {
  if (Number.isNaN(ret) || spec.task === "return") return ret;
  if (spec.neutralBand > 0 && Math.abs(ret) <= spec.neutralBand) return NEUTRAL;
  return ret > 0 ? UP : DOWN;
}
