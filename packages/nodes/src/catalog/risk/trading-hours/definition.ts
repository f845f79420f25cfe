import { z } from "zod";
import { inSession, sessionParams } from "../../session.ts";
import { accountGateNode, deny } from "../shared/gate.ts";

export const tradingHoursGate = accountGateNode({
  type: "risk.tradingHours",
  title: "Allowed trading hours",
  description:
    "Refuses entries sent outside the allowed UTC days and hours. An order is sent at the signal bar's close, so that instant is checked.",
  params: z.object(sessionParams),
  createCheck: (p, info) => (order) => {
    const sentAt = order.intent.time + info.timeframeMs;
    return inSession(sentAt, p)
      ? { allowed: true }
      : deny(`${new Date(sentAt).toISOString()} is outside the allowed trading hours`);
  },
});
