/**
 * XML parsing into a small namespace-resolved element tree. fast-xml-parser does the tokenising
 * (preserveOrder keeps sibling order, captureMetaData gives each element's offset for line numbers);
 * everything namespace-related is done here, from the xmlns declarations in scope, because prefixes
 * are arbitrary and must never be compared as strings.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { SoapgenError } from "../errors.js";
import { XML_NS } from "../lib/namespaces.js";
import type { QName } from "../model.js";

/** Prefix → namespace URI; "" is the default namespace. Shared with the parent when nothing is declared. */
type Scope = ReadonlyMap<string, string>;

const ROOT_SCOPE: Scope = new Map([["xml", XML_NS]]);

export class XmlElement {
  /** Child elements in document order. */
  readonly children: XmlElement[] = [];
  /** Direct text content (text and CDATA children concatenated, entities decoded). */
  text = "";
  /** Text and child elements interleaved, for documentation that mixes both. */
  readonly content: (string | XmlElement)[] = [];

  constructor(
    readonly doc: XmlDocument,
    readonly parent: XmlElement | undefined,
    /** The tag as written, prefix included (for paths in messages). */
    readonly tag: string,
    readonly ns: string,
    readonly local: string,
    /** Attributes by local name (no namespace) or `{ns}local` (namespaced), values decoded. */
    readonly attrs: ReadonlyMap<string, string>,
    readonly scope: Scope,
    readonly offset: number | undefined,
  ) {}

  is(ns: string, local: string): boolean {
    return this.ns === ns && this.local === local;
  }

  attr(name: string): string | undefined {
    return this.attrs.get(name);
  }

  /** Children in namespace `ns` (optionally only those named `local`). */
  childrenIn(ns: string, local?: string): XmlElement[] {
    return this.children.filter((c) => c.ns === ns && (local === undefined || c.local === local));
  }

  /** `wsdl:definitions/wsdl:types/xs:schema[1]/xs:complexType[@name='Foo']`: computed on demand for errors. */
  get path(): string {
    const name = this.attrs.get("name");
    let step = this.tag;
    if (name !== undefined) step += `[@name='${name}']`;
    else if (this.parent) {
      const same = this.parent.children.filter((c) => c.tag === this.tag);
      if (same.length > 1) step += `[${same.indexOf(this) + 1}]`;
    }
    return this.parent ? `${this.parent.path}/${step}` : step;
  }

  /** Resolves a QName-valued attribute (`tns:Foo`) with the prefixes in scope here. */
  resolveQName(value: string, what: string): QName {
    const colon = value.indexOf(":");
    const prefix = colon < 0 ? "" : value.slice(0, colon);
    const local = value.slice(colon + 1).trim();
    const ns = this.scope.get(prefix);
    if (ns === undefined && prefix !== "")
      throw this.error(`${what} '${value}' uses undeclared namespace prefix '${prefix}'`);
    return { ns: ns ?? "", local };
  }

  /** `file:line:col` of this element, for messages that point at a second place. */
  get location(): string {
    if (this.offset === undefined) return this.doc.location;
    const { line, column } = this.doc.position(this.offset);
    return `${this.doc.location}:${line}:${column}`;
  }

  fail(detail: string): never {
    throw this.error(detail);
  }

  error(detail: string): SoapgenError {
    const { line, column } =
      this.offset === undefined ? { line: undefined, column: undefined } : this.doc.position(this.offset);
    return new SoapgenError({ file: this.doc.location, where: this.path, line, column }, detail);
  }
}

export class XmlDocument {
  root!: XmlElement;
  private lineStarts: number[] | undefined;

  constructor(
    readonly location: string,
    private readonly source: string,
  ) {}

  /** 1-based line and column of a character offset (line starts computed once, then binary search). */
  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.source.indexOf("\n"); i >= 0; i = this.source.indexOf("\n", i + 1))
        this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

/**
 * Every element and attribute name reaches the library with NAME_MARK in front: it refuses some names
 * (`constructor`, `prototype`, `__proto__`) and renames others (`toString`), which XML allows, in
 * documentation or foreign attributes say. No marked name is one of them; `buildElement` takes it off.
 */
const NAME_MARK = "~";

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: NAME_MARK,
  // The library may pass a name through twice; an XML name never starts with the mark.
  transformTagName: (name) => (name.startsWith(NAME_MARK) ? name : NAME_MARK + name),
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded here (the five predefined and character references only): DOCTYPEs are rejected.
  processEntities: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  // The default (100) is close to what deeply nested anonymous types reach; recursion here is per level.
  maxNestedTags: 1000,
});
const META = XMLParser.getMetaDataSymbol();

/** Prolog items that may precede a DOCTYPE: whitespace, the XML declaration, PIs and comments. */
const DOCTYPE_IN_PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<!(DOCTYPE|ENTITY)/;

export function parseXml(source: string, location: string): XmlDocument {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const doc = new XmlDocument(location, text);
  if (text.trim() === "")
    throw new SoapgenError({ file: location }, "the document is empty; expected a WSDL (XML) document");
  const doctype = DOCTYPE_IN_PROLOG.exec(text);
  if (doctype) {
    const { line, column } = doc.position(doctype[0].length - doctype[1]!.length - 2);
    throw new SoapgenError(
      { file: location, line, column },
      `${doctype[1]} declarations are not allowed in WSDL or XML Schema documents`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new SoapgenError({ file: location, line, column: col }, `not well-formed XML: ${msg}`);
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (cause) {
    throw new SoapgenError(
      { file: location },
      `not well-formed XML: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const roots = (nodes as OrderedNode[]).filter((n) => elementTag(n) !== undefined);
  if (roots.length !== 1)
    throw new SoapgenError({ file: location }, `expected exactly one root element, found ${roots.length}`);
  doc.root = buildElement(doc, undefined, roots[0]!, ROOT_SCOPE);
  return doc;
}

/** One node of fast-xml-parser's preserveOrder output: `{ tag: children, ":@": attrs }` or `{ "#text": s }`. */
type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function elementTag(node: OrderedNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ":@" && key !== "#text" && key !== "#cdata") return key;
  return undefined;
}

function buildElement(
  doc: XmlDocument,
  parent: XmlElement | undefined,
  node: OrderedNode,
  parentScope: Scope,
): XmlElement {
  const markedTag = elementTag(node)!;
  const tag = markedTag.slice(NAME_MARK.length);
  const rawAttrs = Object.fromEntries(
    Object.entries(node[":@"] ?? {}).map(([name, value]) => [name.slice(NAME_MARK.length), value]),
  );
  let scope = parentScope;
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(name === "xmlns" ? "" : name.slice(6), decodeEntities(value));
    }
  }
  const place = () => ({ file: doc.location, where: parent ? `${parent.path}/${tag}` : tag });
  const split = (qname: string, useDefault: boolean): [string, string] => {
    const colon = qname.indexOf(":");
    if (colon < 0) return [useDefault ? (scope.get("") ?? "") : "", qname];
    const prefix = qname.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined)
      throw new SoapgenError(place(), `namespace prefix '${prefix}' of '${qname}' is not declared`);
    return [ns, qname.slice(colon + 1)];
  };
  const attrs = new Map<string, string>();
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    const [ns, local] = split(name, false);
    attrs.set(ns === "" ? local : `{${ns}}${local}`, decodeEntities(value));
  }
  const [ns, local] = split(tag, true);
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  const element = new XmlElement(doc, parent, tag, ns, local, attrs, scope, meta?.startIndex);
  for (const child of node[markedTag] as OrderedNode[]) {
    if ("#text" in child) element.content.push(decodeEntities(String(child["#text"])));
    else if ("#cdata" in child) {
      for (const part of child["#cdata"] as OrderedNode[]) element.content.push(String(part["#text"] ?? ""));
    } else if (elementTag(child) !== undefined) {
      const sub = buildElement(doc, element, child, scope);
      element.children.push(sub);
      element.content.push(sub);
    }
  }
  element.text = element.content.filter((c): c is string => typeof c === "string").join("");
  return element;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return safeCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return safeCodePoint(parseInt(ref.slice(1), 10), whole);
    return PREDEFINED[ref] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/**
 * Documentation text of an element (wsdl:documentation, xs:documentation): all text inside it, child
 * element boundaries treated as line breaks (SuperOffice wraps it in `<summary>`), each line trimmed
 * and its whitespace collapsed, blank-line runs collapsed. Undefined when there is no text.
 */
export function documentationText(element: XmlElement): string | undefined {
  const parts: string[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.content) {
      if (typeof c === "string") parts.push(c);
      else {
        parts.push("\n");
        walk(c);
        parts.push("\n");
      }
    }
  };
  walk(element);
  const lines = parts
    .join("")
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim());
  const kept = lines.filter((l, i) => l !== "" || (i > 0 && lines[i - 1] !== ""));
  const text = kept.join("\n").trim();
  return text === "" ? undefined : text;
}
