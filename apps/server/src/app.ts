import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { registerObservability } from "./http/observability-routes.ts";
import { fastifyCookieAccess, requestInfo } from "./http/request-info.ts";
import { type AppRouter, appRouter } from "./routers/index.ts";
import type { Context } from "./trpc.ts";

export const defaultWebDistDir = join(import.meta.dirname, "..", "..", "web", "dist");

export interface BuildServerOptions {
  context: Context;
  /** Built web app to serve at /; skipped when the folder does not exist. */
  webDistDir?: string;
  logLevel?: string;
  /** Redacting logger (observability/logger.ts); replaces fastify's default one. */
  logger?: FastifyBaseLogger;
  /** Session cookie `Secure` flag: on in production (HTTPS), off on a developer machine. */
  secureCookies?: boolean;
}

/** The HTTP server: tRPC under /trpc (queries, mutations, SSE subscriptions), /health, the web app. */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger }
      : { logger: { level: options.logLevel ?? "info" } }),
    disableRequestLogging: true,
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(fastifyCookie);
  const { deps } = options.context;
  if (deps) registerObservability(app, deps);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        deps
          ? {
              ...options.context,
              request: requestInfo(
                deps.prisma,
                req.ip,
                fastifyCookieAccess(req, res, options.secureCookies ?? false),
              ),
            }
          : options.context,
      onError({ path, error }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          app.log.error({ path, err: error }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  app.get("/health", async (_request, reply) => {
    const checks = { postgres: "ok", redis: "ok" };
    await options.context.prisma.$queryRaw`SELECT 1`.catch((e: Error) => {
      checks.postgres = e.message;
    });
    // Any queue command needs Redis; a count is the cheapest.
    await options.context.skeleton.queue.getJobCounts("waiting").catch((e: Error) => {
      checks.redis = e.message;
    });
    const healthy = checks.postgres === "ok" && checks.redis === "ok";
    return reply.code(healthy ? 200 : 503).send({ status: healthy ? "ok" : "unavailable", ...checks });
  });

  const webDistDir = options.webDistDir ?? defaultWebDistDir;
  if (existsSync(join(webDistDir, "index.html"))) {
    await app.register(fastifyStatic, { root: webDistDir, prefix: "/", wildcard: false });
    // Client-side routes: any other GET outside /trpc gets the app's index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === "GET" && !request.url.startsWith("/trpc")) return reply.sendFile("index.html");
      return reply.code(404).send({ error: `No route for ${request.method} ${request.url}` });
    });
  } else {
    app.get("/", async (_request, reply) =>
      reply
        .type("text/plain")
        .send(`The web app is not built (${webDistDir} is missing). Run: npm run build -w apps/web`),
    );
  }
  return app;
}
