import { z } from "zod";
import { barsParam } from "../../params.ts";
import { accountGateNode, deny } from "../shared/gate.ts";

export const cooldownGate = accountGateNode({
  type: "risk.cooldown",
  title: "Cooldown between trades",
  description: "Refuses entries until this many bars have closed since the last exit fill.",
  params: z.object({ bars: barsParam({ label: "Cooldown", optimisable: true }, 6) }),
  createCheck: (p, info) => (order, account) => {
    if (Number.isNaN(account.lastExitTime)) return { allowed: true };
    // Bars from the exit bar to the signal bar; the order goes out at the signal bar's close.
    const barsSinceExit = Math.round((order.intent.time - account.lastExitTime) / info.timeframeMs);
    return barsSinceExit < p.bars
      ? deny(`last exit was ${barsSinceExit} bars ago (cooldown ${p.bars} bars)`)
      : { allowed: true };
  },
});
