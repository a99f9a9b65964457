import { XMLParser } from "fast-xml-parser";
import { SoapDecodeError } from "./errors.js";

const XML_NS = "http://www.w3.org/XML/1998/namespace";
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

/** An element with its names resolved against the namespace declarations in scope. */
export interface XmlElement {
  /** The name as written, e.g. `s:Envelope`. */
  readonly name: string;
  readonly ns: string;
  readonly local: string;
  /** All attributes, namespace declarations included (their `ns` is `XMLNS_NS`). */
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** The text content with entities resolved; "" when the element has children and only whitespace between them. */
  readonly text: string;
  /** Text and children in document order, only for the rare element that has both non-blank text and children. */
  readonly mixed: readonly (XmlElement | string)[] | undefined;
  readonly scope: NamespaceScope;
}

// Options chosen for speed and fidelity: an ordered tree (so names stay as written and can be resolved
// against their own xmlns declarations), raw string values (the schema decides the types), whitespace kept,
// CDATA apart from text (it must not be entity-decoded), and no entity processing by the library:
// `decodeEntities` below resolves exactly the predefined entities and character references.
// Every element and attribute name reaches the library with NAME_MARK in front: it refuses some names
// (`constructor`, `prototype`, `__proto__`) and renames others (`toString` becomes `__toString`), which
// XML allows and a schema may use; no marked name is one of them. `toElement` takes the mark off.
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
  return toElement(root, ROOT_SCOPE, maxDepth, []);
}

const ROOT_SCOPE: NamespaceScope = new Map([
  ["", ""],
  ["xml", XML_NS],
]);

/** `open` holds the names of the ancestors; the path string is only built for an error. */
function toElement(node: RawNode, parentScope: NamespaceScope, maxDepth: number, open: string[]): XmlElement {
  let name = "";
  for (const key in node) {
    if (key !== ":@") {
      name = key;
      break;
    }
  }
  const rawChildren = node[name] as RawNode[];
  name = name.slice(NAME_MARK.length);
  open.push(name);
  const path = (): string => open.map(localPart).join("/");
  if (open.length > maxDepth)
    throw new SoapDecodeError(`Nesting deeper than maxDepth (${maxDepth})`, { path: path() });

  const rawAttributes = node[":@"] as Record<string, string> | undefined;
  let scope = parentScope;
  const attributes: XmlAttribute[] = [];
  if (rawAttributes !== undefined) {
    for (const markedName in rawAttributes) {
      const attributeName = markedName.slice(NAME_MARK.length);
      if (attributeName === "xmlns" || attributeName.startsWith("xmlns:")) {
        const value = decodeEntities(rawAttributes[markedName] ?? "", path);
        if (scope === parentScope) scope = new Map(parentScope);
        (scope as Map<string, string>).set(attributeName === "xmlns" ? "" : attributeName.slice(6), value);
        attributes.push({ name: attributeName, ns: XMLNS_NS, local: localPart(attributeName), value });
      }
    }
    for (const markedName in rawAttributes) {
      const attributeName = markedName.slice(NAME_MARK.length);
      if (attributeName === "xmlns" || attributeName.startsWith("xmlns:")) continue;
      const value = decodeEntities(rawAttributes[markedName] ?? "", path);
      const colon = attributeName.indexOf(":");
      // Unprefixed attributes are in no namespace; the default namespace applies to elements only.
      const ns = colon === -1 ? "" : resolvePrefix(scope, attributeName.slice(0, colon), path);
      attributes.push({ name: attributeName, ns, local: attributeName.slice(colon + 1), value });
    }
  }

  const colon = name.indexOf(":");
  const ns = resolvePrefix(scope, colon === -1 ? "" : name.slice(0, colon), path);
  const children: XmlElement[] = [];
  let text = "";
  for (const child of rawChildren) {
    const piece = textOf(child, path);
    if (piece === undefined) children.push(toElement(child, scope, maxDepth, open));
    else text += piece;
  }
  const mixed = children.length > 0 && !isBlank(text) ? interleave(rawChildren, children, path) : undefined;
  open.pop();
  return {
    name,
    ns,
    local: name.slice(colon + 1),
    attributes,
    children,
    text: children.length > 0 && mixed === undefined ? "" : text,
    mixed,
    scope,
  };
}

/** The text of a text or CDATA node (CDATA is never entity-decoded); undefined for an element. */
function textOf(node: RawNode, path: () => string): string | undefined {
  if ("#text" in node) return decodeEntities(node["#text"] as string, path);
  if ("#cdata" in node) return ((node["#cdata"] as RawNode[])[0]?.["#text"] as string | undefined) ?? "";
  return undefined;
}

/** Rebuilds the document order of text and elements, for the rare mixed-content element. */
function interleave(
  rawChildren: RawNode[],
  children: XmlElement[],
  path: () => string,
): (XmlElement | string)[] {
  let elementIndex = 0;
  return rawChildren.map((node) => textOf(node, path) ?? (children[elementIndex++] as XmlElement));
}

function localPart(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function resolvePrefix(scope: NamespaceScope, prefix: string, path: () => string): string {
  const ns = scope.get(prefix);
  if (ns === undefined)
    throw new SoapDecodeError(`Undeclared namespace prefix "${prefix}"`, { path: path() });
  return ns;
}

/** Resolves a QName-valued string (`xsi:type`, a fault code) against an element's scope. */
export function resolveQName(element: XmlElement, value: string): { ns: string; local: string } | undefined {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(":");
  const ns = element.scope.get(colon === -1 ? "" : trimmed.slice(0, colon));
  return ns === undefined ? undefined : { ns, local: trimmed.slice(colon + 1) };
}

export function getAttribute(element: XmlElement, ns: string, local: string): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.local === local && attribute.ns === ns) return attribute.value;
  }
  return undefined;
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
function decodeEntities(text: string, path: () => string): string {
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
      path: path(),
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
      const end = xml.indexOf(">", lt + 2);
      if (end === -1) fail("Unterminated end tag", lt);
      const name = xml.slice(lt + 2, end).trimEnd();
      if (open[open.length - 1] !== name)
        fail(
          open.length
            ? `Mismatched end tag, expected </${open[open.length - 1]}>`
            : "End tag without start tag",
          lt,
        );
      open.pop();
      i = end + 1;
    } else {
      let end = lt + 1;
      let quote = 0;
      for (; end < xml.length; end++) {
        const c = xml.charCodeAt(end);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e /* > */) break;
      }
      if (end >= xml.length) fail("Unterminated start tag", lt);
      let nameEnd = lt + 1;
      while (nameEnd < end && !isNameTerminator(xml.charCodeAt(nameEnd))) nameEnd++;
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

/** Whitespace, `/` or `>`. */
function isNameTerminator(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x2f || c === 0x3e;
}

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
