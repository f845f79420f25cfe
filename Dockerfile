# One image for server, runner and the one-shot migrate job (they differ only in command).
FROM node:20-bookworm-slim
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
# Manifests first so the dependency layer is cached across source edits.
COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/runner/package.json apps/runner/
COPY apps/web/package.json apps/web/
COPY packages packages
COPY prisma prisma
COPY prisma.config.ts ./
COPY scripts scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/prisma-generate.mjs && npm run build -w apps/web
ENV NODE_ENV=production SERVER_HOST=0.0.0.0 SERVER_PORT=3000
EXPOSE 3000
CMD ["node", "node_modules/tsx/dist/cli.mjs", "apps/server/src/main.ts"]
