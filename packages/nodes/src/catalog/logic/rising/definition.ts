import { streakNode } from "../shared/streak.ts";

export const risingNode = streakNode("rising");
