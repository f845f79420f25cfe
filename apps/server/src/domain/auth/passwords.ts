import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's minimum recommendation).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown makes both paths cost the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("tradegraph timing equaliser");
  return dummyHash;
}
