import { streakNode } from "../shared/streak.ts";

export const fallingNode = streakNode("falling");
