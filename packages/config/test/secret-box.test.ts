import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  blobKeyId,
  decryptSecret,
  encryptSecret,
  keyIdOf,
  openExchangeKeys,
  SecretDecryptError,
  sealExchangeKeys,
} from "../src/index.ts";

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const secret = JSON.stringify({ apiKey: "AKIA-live-1234", secret: "s3cr3t-value-xyz" });

describe("exchange secret encryption (AES-256-GCM)", () => {
  it("round-trips and never contains the plaintext", () => {
    const blob = encryptSecret(secret, { current: keyA }, "exchange-credential:1");
    expect(blob.includes(Buffer.from("s3cr3t-value-xyz"))).toBe(false);
    expect(decryptSecret(blob, { current: keyA }, "exchange-credential:1")).toBe(secret);
  });

  it("uses a fresh IV every time, so equal secrets give different blobs", () => {
    const a = encryptSecret(secret, { current: keyA }, "x");
    const b = encryptSecret(secret, { current: keyA }, "x");
    expect(a.equals(b)).toBe(false);
  });

  it("records which key encrypted the blob and decrypts with the previous key during a rotation", () => {
    const blob = encryptSecret(secret, { current: keyA }, "row");
    expect(blobKeyId(blob)).toBe(keyIdOf(keyA));
    expect(decryptSecret(blob, { current: keyB, previous: keyA }, "row")).toBe(secret);
    expect(() => decryptSecret(blob, { current: keyB }, "row")).toThrow(
      /neither SECRETS_KEY nor SECRETS_KEY_PREVIOUS/,
    );
  });

  it("rejects a blob moved to another row (AAD) or tampered with", () => {
    const blob = encryptSecret(secret, { current: keyA }, "exchange-credential:1");
    expect(() => decryptSecret(blob, { current: keyA }, "exchange-credential:2")).toThrow(SecretDecryptError);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    expect(() => decryptSecret(tampered, { current: keyA }, "exchange-credential:1")).toThrow(/integrity/);
    expect(() => decryptSecret(new Uint8Array(3), { current: keyA }, "x")).toThrow(/damaged/);
  });

  it("key ids are fingerprints that do not reveal the key", () => {
    expect(keyIdOf(keyA)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(keyA)).not.toBe(keyIdOf(keyB));
    expect(keyA.toString("hex")).not.toContain(keyIdOf(keyA));
  });
});

describe("exchange keys sealed into a credential row", () => {
  it("open only on the row they were sealed for, with the keys intact", () => {
    const keys = { apiKey: "key-abcd", secret: "secret-efgh" };
    const blob = sealExchangeKeys(keys, { current: keyA }, "cred-1");
    expect(openExchangeKeys(blob, { current: keyA }, "cred-1")).toEqual(keys);
    expect(() => openExchangeKeys(blob, { current: keyA }, "cred-2")).toThrow(SecretDecryptError);
  });

  it("refuse a blob that is not an API key and secret, without quoting it", () => {
    const blob = encryptSecret(
      JSON.stringify({ apiKey: "leak-me" }),
      { current: keyA },
      "exchange-credential:c",
    );
    expect(() => openExchangeKeys(blob, { current: keyA }, "c")).toThrow(
      /does not hold an API key and secret/,
    );
    const error = (() => {
      try {
        openExchangeKeys(blob, { current: keyA }, "c");
      } catch (e) {
        return String(e);
      }
      return "no error";
    })();
    expect(error).not.toContain("leak-me");
  });
});
