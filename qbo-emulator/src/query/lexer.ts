// Tokens of Intuit's query language: identifiers, 'strings' (backslash escapes), numbers, operators.
import { Faults } from "../faults";

export type TokenKind = "ident" | "string" | "number" | "op" | "star" | "lparen" | "rparen" | "comma" | "end";

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based column, for QueryParserError messages. */
  column: number;
}

const OPERATORS = ["<=", ">=", "!=", "<>", "=", "<", ">"];

function readString(src: string, start: number): { text: string; end: number } {
  let out = "";
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\" && i + 1 < src.length) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === "'") return { text: out, end: i + 1 };
    out += ch;
    i += 1;
  }
  throw Faults.queryParse(`Lexical error at line 1, column ${start + 1}. Unterminated string literal.`);
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    const column = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'") {
      const s = readString(src, i);
      tokens.push({ kind: "string", text: s.text, column });
      i = s.end;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
      const text = m?.[0] ?? ch;
      tokens.push({ kind: "ident", text, column });
      i += text.length;
    } else if (/[0-9-]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i));
      if (!m) throw Faults.queryParse(`Lexical error at line 1, column ${column}. Encountered: "${ch}"`);
      tokens.push({ kind: "number", text: m[0], column });
      i += m[0].length;
    } else if (ch === "*") {
      tokens.push({ kind: "star", text: ch, column });
      i += 1;
    } else if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ kind: ch === "(" ? "lparen" : ch === ")" ? "rparen" : "comma", text: ch, column });
      i += 1;
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (!op) throw Faults.queryParse(`Lexical error at line 1, column ${column}. Encountered: "${ch}"`);
      tokens.push({ kind: "op", text: op, column });
      i += op.length;
    }
  }
  tokens.push({ kind: "end", text: "<EOF>", column: src.length + 1 });
  return tokens;
}
