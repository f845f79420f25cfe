import { z } from "zod";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Session params shared by the session filter and the trading-hours gate (UTC). */
export const sessionParams = {
  weekdays: z
    .array(z.enum(WEEKDAYS))
    .min(1)
    .default([...WEEKDAYS])
    .meta({ label: "Days (UTC)", description: "Days of the week the session is open." }),
  startHour: z
    .number()
    .int()
    .min(0)
    .max(23)
    .default(0)
    .meta({ label: "From hour (UTC)", unit: "h", min: 0, max: 23, step: 1 }),
  endHour: z.number().int().min(1).max(24).default(24).meta({
    label: "Until hour (UTC)",
    unit: "h",
    min: 1,
    max: 24,
    step: 1,
    description: "Exclusive. Earlier than the start wraps past midnight.",
  }),
};

export interface SessionParams {
  weekdays: readonly (typeof WEEKDAYS)[number][];
  startHour: number;
  endHour: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Whether an instant (epoch ms) falls inside the session: its UTC weekday is allowed and its hour is in range. */
export function inSession(time: number, p: SessionParams): boolean {
  const dayIndex = Math.floor(time / DAY_MS);
  const weekday = WEEKDAYS[(((dayIndex + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
  if (!p.weekdays.includes(weekday)) return false;
  const hour = Math.floor((time - dayIndex * DAY_MS) / HOUR_MS);
  if (p.startHour < p.endHour) return hour >= p.startHour && hour < p.endHour;
  if (p.startHour === p.endHour) return true;
  return hour >= p.startHour || hour < p.endHour;
}
