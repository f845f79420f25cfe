// Usage: SECRETS_KEY=<new> SECRETS_KEY_PREVIOUS=<old> npx tsx apps/server/src/secrets/rotate-cli.ts
// Prints counts only, never key material.
import { keyIdOf, keyringOf, loadConfig } from "@tradegraph/config";
import { createPrismaClient } from "@tradegraph/db";
import { rotateSecrets } from "./rotate.ts";

const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl);
try {
  const report = await rotateSecrets(prisma, keyringOf(config));
  console.log(
    `Secrets now under key ${keyIdOf(config.secretsKey)}: ${report.reEncrypted} re-encrypted, ${report.alreadyCurrent} already current, ${report.unreadable.length} unreadable.`,
  );
  if (report.unreadable.length > 0) {
    console.error(
      `Unreadable credential ids (set SECRETS_KEY_PREVIOUS to the key they use): ${report.unreadable.join(", ")}`,
    );
    process.exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
}
