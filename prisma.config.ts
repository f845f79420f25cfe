// Prisma CLI configuration. The CLI never needs a running database for `generate`;
// migrations are applied by our own script (npm run db:migrate), compatible with `prisma migrate deploy`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/tradegraph" },
});
