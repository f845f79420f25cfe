/** Seeded PRNG (mulberry32): fuzz cases are random but reproducible from the seed in the test name. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const text = () => {
    const alphabet = ["a", "Z", "0", ".", " ", '"', "\\", "\u0000", "é", "🚀", "{", "]", "\n"];
    return Array.from({ length: int(12) }, () => pick(alphabet)).join("");
  };
  const value = (depth: number): unknown => {
    const kind = int(depth > 4 ? 5 : 8);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return next() < 0.5;
      case 2:
        return pick([0, -1, 1e308, -1e-308, 42.5, Number.MAX_SAFE_INTEGER, 3]);
      case 3:
      case 4:
        return text();
      case 5:
        return Array.from({ length: int(5) }, () => value(depth + 1));
      default: {
        const keys = [
          "format",
          "formatVersion",
          "nodes",
          "edges",
          "id",
          "type",
          "version",
          "params",
          "from",
          "to",
          "port",
          "node",
          text(),
        ];
        return Object.fromEntries(Array.from({ length: int(6) }, () => [pick(keys), value(depth + 1)]));
      }
    }
  };
  return { next, int, pick, text, value };
}
