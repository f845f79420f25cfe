// Helpers that turn configured URLs into what the clients need and into readable error text.

export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  /** BullMQ workers require null: a blocked command must wait for Redis instead of failing. */
  maxRetriesPerRequest: null;
}

/** ioredis/BullMQ connection options from a redis:// or rediss:// URL. */
export function redisConnectionOptions(redisUrl: string): RedisConnectionOptions {
  const u = new URL(redisUrl);
  const options: RedisConnectionOptions = {
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: u.port === "" ? 6379 : Number(u.port),
    maxRetriesPerRequest: null,
  };
  if (u.username !== "") options.username = decodeURIComponent(u.username);
  if (u.password !== "") options.password = decodeURIComponent(u.password);
  const db = u.pathname.replace(/^\//, "");
  if (db !== "") options.db = Number(db);
  if (u.protocol === "rediss:") options.tls = {};
  return options;
}

/** "host:port" of a connection URL, without credentials — safe to print. */
export function hostAndPort(connectionUrl: string, defaultPort: number): string {
  const u = new URL(connectionUrl);
  return `${u.hostname}:${u.port === "" ? defaultPort : u.port}`;
}

/** Database name from a PostgreSQL URL. */
export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
}

/** The same PostgreSQL URL pointing at another database on the same server. */
export function withDatabase(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}
