// qbXML in: the request text → a small ordered element tree (fast-xml-parser, order kept: qbXML is xsd:sequence).
import { XMLParser } from "fast-xml-parser";
import { QbXmlProcessError } from "./errors";

export type TNode = { name: string; attrs: Record<string, string>; children: TNode[]; text: string };

type TRaw = Record<string, unknown> & { ":@"?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignorePiTags: false,
});

function toNode(raw: TRaw): TNode | null {
  const name = Object.keys(raw).find((key) => key !== ":@");
  if (!name || name === "#text") return null;
  const content = (raw[name] as TRaw[]) ?? [];
  const children: TNode[] = [];
  let text = "";
  for (const item of content) {
    if ("#text" in item) text += String(item["#text"]);
    else {
      const child = toNode(item);
      if (child) children.push(child);
    }
  }
  return { name, attrs: raw[":@"] ?? {}, children, text };
}

/** The QBXML element of a request, after checking the `<?qbxml version?>` instruction. Throws the parse HRESULT otherwise. */
export function parseQbXml(xml: string): { version: string; root: TNode } {
  let raws: TRaw[];
  try {
    raws = parser.parse(xml, true) as TRaw[];
  } catch {
    throw QbXmlProcessError.parse("the text is not well-formed XML");
  }
  const nodes = raws.map(toNode).filter((node): node is TNode => node !== null);
  const pi = nodes.find((node) => node.name === "?qbxml");
  if (!pi?.attrs.version) throw QbXmlProcessError.parse("the <?qbxml version=\"…\"?> instruction is missing");
  const root = nodes.find((node) => node.name === "QBXML");
  if (!root) throw QbXmlProcessError.parse("the QBXML element is missing");
  return { version: pi.attrs.version, root };
}

export function child(node: TNode, name: string): TNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function childrenNamed(node: TNode, name: string): TNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The text of a child element, or undefined when absent. */
export function text(node: TNode, name: string): string | undefined {
  return child(node, name)?.text;
}

export function texts(node: TNode, name: string): string[] {
  return childrenNamed(node, name).map((c) => c.text);
}

/**
 * Checks that the children appear in the schema's order (each name at most where `order` allows) and that
 * none is unknown: QuickBooks refuses an out-of-order or unknown element as a parse error of the whole request.
 */
export function ensureOrder(node: TNode, order: readonly string[]): void {
  let last = -1;
  for (const c of node.children) {
    const at = order.indexOf(c.name);
    if (at < 0) throw QbXmlProcessError.parse(`<${c.name}> is not allowed in <${node.name}>`);
    if (at < last) throw QbXmlProcessError.parse(`<${c.name}> is out of order in <${node.name}>`);
    last = at;
  }
}

/** An xsd:choice: children from at most one of `groups` (each a list of element names). */
export function ensureChoice(node: TNode, groups: readonly (readonly string[])[]): void {
  const used = groups.filter((group) => node.children.some((c) => group.includes(c.name)));
  if (used.length > 1) throw QbXmlProcessError.parse(`<${used[0]?.[0]}> and <${used[1]?.[0]}> cannot be used together in <${node.name}>`);
}
