import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address is at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like trader@example.com."));

/** Long passphrases are welcome; the upper bound only stops absurd inputs from hashing megabytes. */
export const passwordSchema = z
  .string()
  .min(10, "Use a password of at least 10 characters.")
  .max(200, "Use a password of at most 200 characters.");

export const signUpInput = z.object({ email: emailSchema, password: passwordSchema });
export const signInInput = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;

export const userSchema = z.object({ id: z.string(), email: z.string(), createdAt: z.date() });
export type User = z.infer<typeof userSchema>;

/** What the start page needs to decide between "create the first account" and "sign in". */
export const setupStateSchema = z.object({ hasAnyAccount: z.boolean() });

/** Cookie that carries the session token (httpOnly, SameSite=Lax). */
export const SESSION_COOKIE = "tg_session";
/** Sessions last 30 days from sign-in. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sign-in attempts allowed per email + IP within the window before TOO_MANY_ATTEMPTS. */
export const SIGN_IN_MAX_ATTEMPTS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
