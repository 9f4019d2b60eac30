// SELECT * | count(*) | fields FROM Entity [WHERE a op v AND …] then, in any order: [ORDER[ ]BY f [ASC|DESC], …] [STARTPOSITION n] [MAXRESULTS n]
import { Faults } from "../faults";
import { type Token, tokenize } from "./lexer";

export type QueryValue = string | number | boolean;

export interface Condition {
  field: string;
  op: "=" | "<" | ">" | "<=" | ">=" | "!=" | "LIKE" | "IN";
  values: QueryValue[];
}

export interface Query {
  select: "all" | "count" | string[];
  entity: string;
  where: Condition[];
  orderBy: { field: string; desc: boolean }[];
  startPosition?: number;
  maxResults?: number;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { kind: "end", text: "<EOF>", column: 0 };
  }

  private next(): Token {
    const t = this.peek();
    this.pos += 1;
    return t;
  }

  private fail(t: Token): never {
    throw Faults.queryParse(`Encountered " ${t.text} " at line 1, column ${t.column}.`);
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === "ident" && t.text.toUpperCase() === word;
  }

  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(this.peek());
    this.pos += 1;
  }

  private expectIdent(): string {
    const t = this.next();
    if (t.kind !== "ident") this.fail(t);
    return t.text;
  }

  /** `item (, item)*` */
  private parseList<T>(parseItem: () => T): T[] {
    const items = [parseItem()];
    while (this.peek().kind === "comma") {
      this.pos += 1;
      items.push(parseItem());
    }
    return items;
  }

  private parseValue(): QueryValue {
    const t = this.next();
    if (t.kind === "string") return t.text;
    if (t.kind === "number") return Number(t.text);
    if (t.kind === "ident" && /^(true|false)$/i.test(t.text)) return t.text.toLowerCase() === "true";
    return this.fail(t);
  }

  /** `*`, `count(*)` or a field list; `*` with extra fields (`SELECT *, Sku`) is still every field. */
  private parseSelect(): Query["select"] {
    if (this.isKeyword("COUNT")) {
      this.pos += 1;
      for (const kind of ["lparen", "star", "rparen"]) if (this.next().kind !== kind) this.fail(this.tokens[this.pos - 1] ?? this.peek());
      return "count";
    }
    const fields = this.parseList(() => (this.peek().kind === "star" ? this.next().text : this.expectIdent()));
    return fields.includes("*") ? "all" : fields;
  }

  private parseCondition(): Condition {
    const field = this.expectIdent();
    const t = this.next();
    if (t.kind === "op") {
      const op = t.text === "<>" ? "!=" : (t.text as Condition["op"]);
      return { field, op, values: [this.parseValue()] };
    }
    if (t.kind === "ident" && t.text.toUpperCase() === "LIKE") {
      const v = this.next();
      if (v.kind !== "string") this.fail(v);
      return { field, op: "LIKE", values: [v.text] };
    }
    if (t.kind === "ident" && t.text.toUpperCase() === "IN") {
      if (this.next().kind !== "lparen") this.fail(this.tokens[this.pos - 1] ?? t);
      const values = this.parseList(() => this.parseValue());
      if (this.next().kind !== "rparen") this.fail(this.tokens[this.pos - 1] ?? t);
      return { field, op: "IN", values };
    }
    return this.fail(t);
  }

  private parsePositiveInt(): number {
    const t = this.next();
    const n = t.kind === "number" ? Number(t.text) : t.kind === "string" ? Number(t.text) : Number.NaN;
    if (!Number.isInteger(n)) this.fail(t);
    return n;
  }

  /** ORDERBY / ORDER BY, STARTPOSITION and MAXRESULTS, in any order, each at most once. */
  private parseTailClause(query: Query): void {
    const t = this.next();
    const word = t.kind === "ident" ? t.text.toUpperCase() : "";
    if ((word === "ORDERBY" || word === "ORDER") && query.orderBy.length === 0) {
      if (word === "ORDER") this.expectKeyword("BY");
      query.orderBy = this.parseList(() => {
        const field = this.expectIdent();
        const desc = this.isKeyword("ASC") || this.isKeyword("DESC") ? this.next().text.toUpperCase() === "DESC" : false;
        return { field, desc };
      });
    } else if (word === "STARTPOSITION" && query.startPosition === undefined) {
      query.startPosition = this.parsePositiveInt();
    } else if (word === "MAXRESULTS" && query.maxResults === undefined) {
      query.maxResults = this.parsePositiveInt();
    } else {
      this.fail(t);
    }
  }

  parse(): Query {
    this.expectKeyword("SELECT");
    const select = this.parseSelect();
    this.expectKeyword("FROM");
    const query: Query = { select, entity: this.expectIdent(), where: [], orderBy: [] };
    if (this.isKeyword("WHERE")) {
      this.pos += 1;
      query.where.push(this.parseCondition());
      while (this.isKeyword("AND")) {
        this.pos += 1;
        query.where.push(this.parseCondition());
      }
    }
    while (this.peek().kind !== "end") this.parseTailClause(query);
    return query;
  }
}

export function parseQuery(text: string): Query {
  return new Parser(tokenize(text.trim())).parse();
}
