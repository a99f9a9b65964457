/**
 * XML in and out: parses a document with fast-xml-parser into namespace-resolved elements within size and
 * depth limits, and escapes and serializes text. Knows nothing of SOAP or of the generated tables.
 */
import { XMLParser } from "fast-xml-parser";
import { SoapDecodeError } from "./errors.js";

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

export interface XmlLimits {
  /** Largest accepted document, in UTF-8 bytes. Default 10 MiB. */
  readonly maxBodyBytes?: number;
  /** Deepest accepted element nesting (the root is depth 1). Default 64. */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

/** Prefix → namespace URI; "" is the default namespace. Shared by elements that declare nothing. */
export type NamespaceScope = ReadonlyMap<string, string>;

export interface XmlAttribute {
  /** The name as written, e.g. `xsi:type`. */
  readonly name: string;
  readonly ns: string;
  readonly local: string;
  readonly value: string;
}

/**
 * An element with its names resolved against the namespace declarations in scope. Built from the parser's
 * tree as it is read: an element's children and text are taken from that tree on first access, so a
 * decoder descending the document makes one pass from the parser's output to its values, and content it
 * skips is never built.
 */
export class XmlElement {
  /** The name as written, e.g. `s:Envelope`. */
  readonly name: string;
  readonly ns: string;
  readonly local: string;
  readonly scope: NamespaceScope;
  /** The enclosing element, for the paths in error messages. */
  readonly parent: XmlElement | undefined;
  private readonly prefix: string;
  private readonly content: RawNode[];
  private readonly rawAttributes: Record<string, string> | undefined;
  private builtChildren: XmlElement[] | undefined;
  private builtText = "";
  private builtMixed: (XmlElement | string)[] | undefined;
  private builtAttributes: XmlAttribute[] | undefined;

  constructor(node: RawNode, parent: XmlElement | undefined, parentScope: NamespaceScope) {
    this.parent = parent;
    let key = "";
    for (const k in node) {
      if (k !== ":@") {
        key = k;
        break;
      }
    }
    const name = nameOf(key);
    this.name = name.written;
    this.local = name.local;
    this.content = node[key] as RawNode[];
    const rawAttributes = node[":@"] as Record<string, string> | undefined;
    this.rawAttributes = rawAttributes;
    let scope = parentScope;
    if (rawAttributes !== undefined) {
      for (const marked in rawAttributes) {
        const attribute = nameOf(marked);
        if (declaresNamespace(attribute)) {
          if (scope === parentScope) scope = new Map(parentScope);
          (scope as Map<string, string>).set(
            attribute.prefix === "" ? "" : attribute.local,
            decodeEntities(rawAttributes[marked] ?? "", this),
          );
        }
      }
    }
    this.scope = scope;
    this.prefix = name.prefix;
    // Most elements share their parent's prefix and scope, and so its namespace.
    this.ns =
      parent !== undefined && scope === parent.scope && name.prefix === parent.prefix
        ? parent.ns
        : resolvePrefix(scope, name.prefix, this);
    if (rawAttributes !== undefined) {
      // Unprefixed attributes are in no namespace; a prefixed one must be declared, read or not.
      for (const marked in rawAttributes) {
        const { prefix } = nameOf(marked);
        if (prefix !== "" && prefix !== "xmlns") resolvePrefix(scope, prefix, this);
      }
    }
  }

  /** All attributes, namespace declarations first (their `ns` is `XMLNS_NS`). */
  get attributes(): readonly XmlAttribute[] {
    if (this.builtAttributes === undefined) {
      const declarations: XmlAttribute[] = [];
      const others: XmlAttribute[] = [];
      for (const marked in this.rawAttributes) {
        const name = nameOf(marked);
        const attribute = {
          name: name.written,
          ns: this.attributeNs(name) ?? "",
          local: name.local,
          value: decodeEntities(this.rawAttributes[marked] ?? "", this),
        };
        (declaresNamespace(name) ? declarations : others).push(attribute);
      }
      this.builtAttributes = [...declarations, ...others];
    }
    return this.builtAttributes;
  }

  /** The value of the attribute `{ns}local`, entities decoded, without building the attribute list. */
  attribute(ns: string, local: string): string | undefined {
    for (const marked in this.rawAttributes) {
      const name = nameOf(marked);
      if (name.local === local && this.attributeNs(name) === ns)
        return decodeEntities(this.rawAttributes[marked] ?? "", this);
    }
    return undefined;
  }

  /** Unprefixed attributes are in no namespace (the default namespace is for elements only). */
  private attributeNs(name: ParsedName): string | undefined {
    if (declaresNamespace(name)) return XMLNS_NS;
    return name.prefix === "" ? "" : this.scope.get(name.prefix);
  }

  get children(): readonly XmlElement[] {
    return this.builtChildren ?? this.build();
  }

  /** The text content with entities resolved; "" when the element has children and only whitespace between them. */
  get text(): string {
    if (this.builtChildren === undefined) this.build();
    return this.builtText;
  }

  /** Text and children in document order, only for the rare element that has both non-blank text and children. */
  get mixed(): readonly (XmlElement | string)[] | undefined {
    if (this.builtChildren === undefined) this.build();
    return this.builtMixed;
  }

  /**
   * Text and children in document order, adjacent text (CDATA included) as one string, white space kept:
   * for mixed content, where the text is data.
   */
  get nodes(): (XmlElement | string)[] {
    const children = this.children;
    const nodes: (XmlElement | string)[] = [];
    let next = 0;
    for (const node of this.content) {
      const piece = textOf(node, this);
      if (piece === undefined) nodes.push(children[next++] as XmlElement);
      else if (typeof nodes[nodes.length - 1] === "string") nodes[nodes.length - 1] += piece;
      else if (piece !== "") nodes.push(piece);
    }
    return nodes;
  }

  /** Local names from the root to this element, e.g. `Envelope/Body/X`. */
  get path(): string {
    return this.parent === undefined ? this.local : `${this.parent.path}/${this.local}`;
  }

  /** Reads the content from the parser's tree, once; returns the children. */
  private build(): XmlElement[] {
    const children: XmlElement[] = [];
    let text = "";
    for (const node of this.content) {
      const piece = textOf(node, this);
      if (piece === undefined) children.push(new XmlElement(node, this, this.scope));
      else text += piece;
    }
    if (children.length > 0 && !isBlank(text)) {
      let next = 0;
      this.builtMixed = this.content.map((node) => textOf(node, this) ?? (children[next++] as XmlElement));
    }
    this.builtText = children.length > 0 && this.builtMixed === undefined ? "" : text;
    this.builtChildren = children;
    return children;
  }
}

// Options chosen for speed and fidelity: an ordered tree (so names stay as written and can be resolved
// against their own xmlns declarations), raw string values (the schema decides the types), whitespace kept,
// CDATA apart from text (it must not be entity-decoded), and no entity processing by the library:
// `decodeEntities` below resolves exactly the predefined entities and character references.
// Every element and attribute name reaches the library with NAME_MARK in front: it refuses some names
// (`constructor`, `prototype`, `__proto__`) and renames others (`toString` becomes `__toString`), which
// XML allows and a schema may use; no marked name is one of them. `nameOf` takes the mark off.
const NAME_MARK = "~";
// Options of later fast-xml-parser versions, which earlier ones ignore. Spread in, so that the option types
// of an earlier version (which lack them) accept the object: the runtime compiles against 4.x and 5.x.
const LATER_OPTIONS = {
  // With jPath on, the library builds a path string for every tag; we never read it.
  jPath: false,
  // `checkWellFormed` enforces the configured depth before the library sees the document.
  maxNestedTags: Number.MAX_SAFE_INTEGER,
};
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: NAME_MARK,
  // The library may pass a name through twice; an XML name never starts with the mark.
  transformTagName: (name) => (name.startsWith(NAME_MARK) ? name : NAME_MARK + name),
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
  ...LATER_OPTIONS,
});

type RawNode = Record<string, unknown>;

/** Parses a document into resolved elements; every failure is a `SoapDecodeError`. */
export function parseXml(xml: string, limits: XmlLimits = {}): XmlElement {
  const maxBodyBytes = limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  // A UTF-16 unit is at most 3 UTF-8 bytes, so most documents need no encoding to be measured.
  if (
    xml.length > maxBodyBytes ||
    (xml.length * 3 > maxBodyBytes && new TextEncoder().encode(xml).length > maxBodyBytes)
  ) {
    throw new SoapDecodeError(`Document larger than maxBodyBytes (${maxBodyBytes})`, { path: "" });
  }
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  checkWellFormed(text, maxDepth);
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (cause) {
    throw new SoapDecodeError("Malformed XML", { path: "", cause });
  }
  const root = (nodes as RawNode[]).find((node) => !("#text" in node));
  if (root === undefined) throw new SoapDecodeError("No root element", { path: "" });
  return new XmlElement(root, undefined, ROOT_SCOPE);
}

const ROOT_SCOPE: NamespaceScope = new Map([
  ["", ""],
  ["xml", XML_NS],
]);

/** The text of a text or CDATA node (CDATA is never entity-decoded); undefined for an element. */
function textOf(node: RawNode, at: XmlElement): string | undefined {
  const text = node["#text"];
  if (text !== undefined) return decodeEntities(text as string, at);
  const cdata = node["#cdata"] as RawNode[] | undefined;
  if (cdata !== undefined) return (cdata[0]?.["#text"] as string | undefined) ?? "";
  return undefined;
}

interface ParsedName {
  /** As written, without the parser's mark. */
  readonly written: string;
  readonly prefix: string;
  readonly local: string;
}

// A document repeats a few names many times: each marked name is split once. Bounded, as names come from
// the server.
const NAMES = new Map<string, ParsedName>();
const MAX_NAMES = 4096;

/** `xmlns` or `xmlns:p`: a namespace declaration, not an attribute in a namespace. */
function declaresNamespace(name: ParsedName): boolean {
  return name.prefix === "xmlns" || (name.prefix === "" && name.local === "xmlns");
}

function nameOf(marked: string): ParsedName {
  let name = NAMES.get(marked);
  if (name === undefined) {
    const written = marked.slice(NAME_MARK.length);
    const colon = written.indexOf(":");
    name = {
      written,
      prefix: colon === -1 ? "" : written.slice(0, colon),
      local: written.slice(colon + 1),
    };
    if (NAMES.size >= MAX_NAMES) NAMES.clear();
    NAMES.set(marked, name);
  }
  return name;
}

function localPart(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function resolvePrefix(scope: NamespaceScope, prefix: string, at: XmlElement): string {
  const ns = scope.get(prefix);
  if (ns === undefined)
    throw new SoapDecodeError(`Undeclared namespace prefix "${prefix}"`, { path: at.path });
  return ns;
}

/** Resolves a QName-valued string (`xsi:type`, a fault code) against an element's scope. */
export function resolveQName(
  element: Pick<XmlElement, "scope">,
  value: string,
): { ns: string; local: string } | undefined {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(":");
  const ns = element.scope.get(colon === -1 ? "" : trimmed.slice(0, colon));
  return ns === undefined ? undefined : { ns, local: trimmed.slice(colon + 1) };
}

export function getAttribute(element: XmlElement, ns: string, local: string): string | undefined {
  return element.attribute(ns, local);
}

export function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

const ENTITY_REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;?)/g;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** Resolves the five predefined entities and character references; anything else is an error. */
function decodeEntities(text: string, at: XmlElement): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY_REFERENCE, (reference: string, name: string | undefined, semicolon: string) => {
    if (name !== undefined && semicolon) {
      if (name.startsWith("#")) {
        const codePoint = name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (isXmlChar(codePoint)) return String.fromCodePoint(codePoint);
      } else if (Object.hasOwn(PREDEFINED_ENTITIES, name)) {
        return PREDEFINED_ENTITIES[name] as string;
      }
    }
    throw new SoapDecodeError("Undefined or malformed entity reference", {
      path: at.path,
      excerpt: reference,
    });
  });
}

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/**
 * One fast pass over the markup before the library parses it, which on its own accepts mismatched or
 * unclosed tags. Checks tag balance, a single root, no text outside it, the depth limit, and rejects
 * DOCTYPE (and with it every entity declaration) before any entity could be defined.
 */
function checkWellFormed(xml: string, maxDepth: number): void {
  const open: string[] = [];
  const fail = (message: string, at: number): never => {
    throw new SoapDecodeError(message, {
      path: open.map(localPart).join("/"),
      excerpt: xml.slice(at, at + 40),
    });
  };
  let rootSeen = false;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (open.length === 0 && textEnd > i && !isBlank(xml.slice(i, textEnd))) {
      fail(rootSeen ? "Text after the root element" : "Not XML: text before the root element", i);
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      i = skipPast(xml, "?>", lt + 2, fail);
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("!--", lt + 1)) i = skipPast(xml, "-->", lt + 4, fail);
      else if (open.length > 0 && xml.startsWith("![CDATA[", lt + 1)) i = skipPast(xml, "]]>", lt + 9, fail);
      else if (xml.startsWith("!DOCTYPE", lt + 1) || xml.startsWith("!ENTITY", lt + 1)) {
        fail("DOCTYPE and entity declarations are not allowed", lt);
      } else fail("Malformed markup", lt);
    } else if (next === 0x2f /* / */) {
      const expected = open[open.length - 1];
      const end = expected === undefined ? -1 : endTagEnd(xml, lt, expected);
      if (end === -1) {
        if (xml.indexOf(">", lt + 2) === -1) fail("Unterminated end tag", lt);
        fail(expected ? `Mismatched end tag, expected </${expected}>` : "End tag without start tag", lt);
      }
      open.pop();
      i = end + 1;
    } else {
      START_TAG_REST.lastIndex = lt + 1;
      if (!START_TAG_REST.test(xml)) fail("Unterminated start tag", lt);
      const end = START_TAG_REST.lastIndex - 1;
      TAG_NAME.lastIndex = lt + 1;
      TAG_NAME.test(xml);
      const nameEnd = Math.min(TAG_NAME.lastIndex, end);
      if (nameEnd === lt + 1) fail("Malformed start tag", lt);
      if (open.length === 0 && rootSeen) fail("More than one root element", lt);
      rootSeen = true;
      const name = xml.slice(lt + 1, nameEnd);
      const selfClosing = xml.charCodeAt(end - 1) === 0x2f; /* / */
      if (open.length + 1 > maxDepth) {
        open.push(name);
        fail(`Nesting deeper than maxDepth (${maxDepth})`, lt);
      }
      if (!selfClosing) open.push(name);
      i = end + 1;
    }
  }
  if (open.length > 0) fail(`Unexpected end of document, <${open[open.length - 1]}> not closed`, xml.length);
  if (!rootSeen) fail("No root element", 0);
}

/** Where `</name>` (with optional whitespace before the `>`) starting at `lt` ends, or -1 if it is not that. */
function endTagEnd(xml: string, lt: number, name: string): number {
  if (!xml.startsWith(name, lt + 2)) return -1;
  let end = lt + 2 + name.length;
  while (isXmlSpace(xml.charCodeAt(end))) end++;
  return xml.charCodeAt(end) === 0x3e /* > */ ? end : -1;
}

/** XML's white space (the `S` production): space, tab, line feed, carriage return. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** The rest of a start tag up to its `>`, which may also appear inside a quoted attribute value. */
const START_TAG_REST = /[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

/** A start tag's name: up to whitespace, `/` or `>`. */
const TAG_NAME = /[^ \t\r\n/>]*/y;

function skipPast(
  xml: string,
  terminator: string,
  from: number,
  fail: (message: string, at: number) => never,
): number {
  const end = xml.indexOf(terminator, from);
  if (end === -1) fail(`Missing "${terminator}"`, from);
  return end + terminator.length;
}

const TEXT_SPECIALS = /[&<>\r]/;
const ATTRIBUTE_SPECIALS = /[&<>"\r\n\t]/;
const SPECIAL_REPLACEMENTS: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  // Written as references so that end-of-line and attribute normalisation keep them.
  "\r": "&#13;",
  "\n": "&#10;",
  "\t": "&#9;",
};

export function escapeText(text: string): string {
  return TEXT_SPECIALS.test(text) ? text.replace(/[&<>\r]/g, (c) => SPECIAL_REPLACEMENTS[c] as string) : text;
}

export function escapeAttribute(text: string): string {
  return ATTRIBUTE_SPECIALS.test(text)
    ? text.replace(/[&<>"\r\n\t]/g, (c) => SPECIAL_REPLACEMENTS[c] as string)
    : text;
}

/**
 * Writes an element back as a standalone XML string, declaring on it the namespace bindings it inherited
 * and uses (in names or in `xsi:type` values), so the string can be parsed on its own.
 */
export function serializeElement(element: XmlElement): string {
  const usedPrefixes = new Set<string>();
  const body = writeElement(element, usedPrefixes);
  let declarations = "";
  for (const prefix of usedPrefixes) {
    const ns = element.scope.get(prefix);
    if (ns === undefined || prefix === "xml") continue;
    const declaredHere = element.attributes.some(
      (a) => a.ns === XMLNS_NS && (prefix === "" ? a.name === "xmlns" : a.name === `xmlns:${prefix}`),
    );
    if (declaredHere || (prefix === "" && ns === "")) continue;
    declarations +=
      prefix === "" ? ` xmlns="${escapeAttribute(ns)}"` : ` xmlns:${prefix}="${escapeAttribute(ns)}"`;
  }
  const nameEnd = 1 + element.name.length;
  return body.slice(0, nameEnd) + declarations + body.slice(nameEnd);
}

/** The content of an element (text and children) as XML, for `any` values. */
export function serializeContent(element: XmlElement): string {
  if (element.children.length === 0) return escapeText(element.text);
  return (element.mixed ?? element.children)
    .map((part) => (typeof part === "string" ? escapeText(part) : serializeElement(part)))
    .join("");
}

function writeElement(element: XmlElement, usedPrefixes: Set<string>): string {
  const colon = element.name.indexOf(":");
  usedPrefixes.add(colon === -1 ? "" : element.name.slice(0, colon));
  let xml = `<${element.name}`;
  for (const attribute of element.attributes) {
    if (attribute.ns !== XMLNS_NS) {
      const attributeColon = attribute.name.indexOf(":");
      if (attributeColon !== -1) usedPrefixes.add(attribute.name.slice(0, attributeColon));
      if (attribute.ns === XSI_NS && attribute.local === "type") {
        const valueColon = attribute.value.indexOf(":");
        usedPrefixes.add(valueColon === -1 ? "" : attribute.value.slice(0, valueColon).trim());
      }
    }
    xml += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  }
  const parts =
    element.mixed ?? (element.children.length > 0 ? element.children : element.text ? [element.text] : []);
  if (parts.length === 0) return `${xml}/>`;
  xml += ">";
  for (const part of parts)
    xml += typeof part === "string" ? escapeText(part) : writeElement(part, usedPrefixes);
  return `${xml}</${element.name}>`;
}
