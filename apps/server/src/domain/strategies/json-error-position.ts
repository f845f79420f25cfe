/**
 * Offset of the first syntax error in `text` (a string JSON.parse rejected), found by a small
 * non-recursive JSON scanner, because V8's messages only sometimes include a position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  // Stack of open containers: "{" or "[".
  const stack: string[] = [];
  const ws = () => {
    while (i < n && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string): boolean => {
    if (!text.startsWith(word, i)) return false;
    i += word.length;
    return true;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return true;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else if (c < " ") return false;
      else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // A state machine, not recursion: a file of a million "[" must not overflow the stack.
  let expect: "value" | "key" | "after" = "value";
  for (;;) {
    ws();
    if (expect === "value") {
      const c = text[i];
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          expect = "after";
        } else expect = c === "{" ? "key" : "value";
        continue;
      }
      if (!(string() || number() || literal("true") || literal("false") || literal("null"))) return i;
      expect = "after";
      continue;
    }
    if (expect === "key") {
      if (!string()) return i;
      ws();
      if (text[i] !== ":") return i;
      i++;
      expect = "value";
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i;
    if (text[i] === (top === "{" ? "}" : "]")) {
      stack.pop();
      i++;
      continue;
    }
    if (text[i] !== ",") return i;
    i++;
    expect = top === "{" ? "key" : "value";
  }
}

/** "line 3, column 14" of a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}
