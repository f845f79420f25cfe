import { z } from "zod";

/** Every action that changes money-relevant state is written to the audit log. */
export const AUDIT_ACTIONS = [
  "account.created",
  "credential.added",
  "credential.removed",
  "credential.tested",
  "deployment.created",
  "deployment.start",
  "deployment.pause",
  "deployment.resume",
  "deployment.stop",
  "deployment.emergencyStop",
  "deployment.riskLimitsChanged",
  "deployment.promotionGateOverridden",
  "data.backfillStarted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const listAuditInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** Id of the last event of the previous page; events come newest first. */
    before: z.number().int().optional(),
    subjectId: z.string().max(64).optional(),
  })
  .default({ limit: 50 });

export const auditEventSchema = z.object({
  id: z.number().int(),
  action: z.enum(AUDIT_ACTIONS),
  subjectType: z.string(),
  subjectId: z.string(),
  details: z.unknown(),
  createdAt: z.date(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
