/**
 * The generator's view of an XML document. The runtime's parser (templates/runtime/xml.ts, the one copied
 * into every generated client) tokenises it with fast-xml-parser, decodes entities and resolves every
 * name against the xmlns declarations in scope (prefixes are arbitrary and never compared as strings).
 * This module adds what the generator's messages need: parents, element paths, `file:line:col`, and
 * SoapgenErrors.
 */
import { XMLValidator } from "fast-xml-parser";
import { SoapDecodeError } from "../../templates/runtime/errors.js";
import {
  isXmlSpace,
  parseXml as parseElements,
  XMLNS_NS,
  type NamespaceScope,
  type XmlElement as ParsedElement,
} from "../../templates/runtime/xml.js";
import { SoapgenError } from "../errors.js";
import type { QName } from "../model.js";

export class XmlElement {
  /** The tag as written, prefix included (for paths in messages). */
  readonly tag: string;
  readonly ns: string;
  readonly local: string;
  /** Attributes by local name (no namespace) or `{ns}local` (namespaced), values decoded. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly scope: NamespaceScope;
  /** Child elements in document order. */
  readonly children: XmlElement[];
  /** Direct text content (text and CDATA children concatenated, entities decoded). */
  readonly text: string;
  /** Text and child elements interleaved, for documentation that mixes both. */
  readonly content: readonly (string | XmlElement)[];
  /** Character offset of the start tag in the document. */
  readonly offset: number | undefined;

  /** Elements are built in document order, the order `nextOffset` gives the start tags' offsets in. */
  constructor(
    readonly doc: XmlDocument,
    readonly parent: XmlElement | undefined,
    parsed: ParsedElement,
    nextOffset: () => number | undefined,
  ) {
    this.offset = nextOffset();
    this.tag = parsed.name;
    this.ns = parsed.ns;
    this.local = parsed.local;
    this.scope = parsed.scope;
    this.attrs = new Map(
      parsed.attributes
        .filter((a) => a.ns !== XMLNS_NS)
        .map((a) => [a.ns === "" ? a.local : `{${a.ns}}${a.local}`, a.value]),
    );
    this.children = parsed.children.map((child) => new XmlElement(doc, this, child, nextOffset));
    let next = 0;
    this.content = parsed.mixed
      ? parsed.mixed.map((part) => (typeof part === "string" ? part : this.children[next++]!))
      : this.children.length > 0
        ? this.children
        : parsed.text === ""
          ? []
          : [parsed.text];
    this.text = parsed.mixed ? parsed.mixed.filter((part) => typeof part === "string").join("") : parsed.text;
  }

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
  readonly root: XmlElement;
  /** What was read liberally, one line each (file:line:col: what was wrong). */
  readonly warnings: string[] = [];
  private lineStarts: number[] | undefined;

  constructor(
    readonly location: string,
    private readonly source: string,
    root: ParsedElement,
    /** The offset of every start tag, in document order. */
    startTags: readonly number[],
  ) {
    let built = 0;
    this.root = new XmlElement(this, undefined, root, () => startTags[built++]);
  }

  /** 1-based line and column of a character offset (line starts computed once, then binary search). */
  position(offset: number): { line: number; column: number } {
    this.lineStarts ??= lineStarts(this.source);
    return position(this.lineStarts, offset);
  }
}

/**
 * Where a DOCTYPE (or a stray entity declaration) starts, if one follows what a prolog may hold before it:
 * whitespace, the XML declaration, PIs and comments. One pass, each item skipped with indexOf: a regular
 * expression of those alternatives backtracked exponentially over comments after the root element.
 */
function prologDeclaration(text: string): { offset: number; keyword: string } | undefined {
  let i = 0;
  for (;;) {
    while (isXmlSpace(text.charCodeAt(i))) i++;
    const [opening, terminator] = text.startsWith("<?", i)
      ? ["<?", "?>"]
      : text.startsWith("<!--", i)
        ? ["<!--", "-->"]
        : [];
    if (opening === undefined || terminator === undefined) {
      const keyword = ["DOCTYPE", "ENTITY"].find((k) => text.startsWith(`<!${k}`, i));
      return keyword === undefined ? undefined : { offset: i, keyword };
    }
    const end = text.indexOf(terminator, i + opening.length);
    // Unterminated: not well-formed, which the validator reports.
    if (end < 0) return undefined;
    i = end + terminator.length;
  }
}

/** What a DOCTYPE declares that matters to a reader that expands no entity. */
interface Doctype {
  /** Just past its `>`. */
  end: number;
  /** It names an external DTD (SYSTEM or PUBLIC), which is not read. */
  external: boolean;
  /** The general entities its internal subset declares. */
  entities: string[];
}

/**
 * Reads a DOCTYPE in one pass: the name, an external ID, and an internal subset of comments, PIs and
 * declarations. Declarations of entities, elements and notations change nothing a reader that expands
 * no entity sees; an ATTLIST may only default namespace declarations (`xmlns:p`, as W3C's
 * xmldsig-core-schema.xsd does), which the document then declares itself or fails on loudly. Anything
 * else is refused, with why.
 */
function readDoctype(text: string, start: number): Doctype | { refused: string } {
  let i = start + "<!DOCTYPE".length;
  const spaces = (): void => {
    while (isXmlSpace(text.charCodeAt(i))) i++;
  };
  /** A quoted literal or a bare token (up to space, a quote, `[` or `>`), or undefined at the end. */
  const token = (): string | undefined => {
    const from = i;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close < 0) return undefined;
      i = close + 1;
      return text.slice(from, i);
    }
    while (i < text.length && !isXmlSpace(text.charCodeAt(i)) && !"\"'[]>".includes(text[i]!)) i++;
    return i === from ? undefined : text.slice(from, i);
  };
  const unterminated = { refused: "the DOCTYPE is not terminated" };
  spaces();
  token();
  spaces();
  const keyword = text.startsWith("SYSTEM", i)
    ? "SYSTEM"
    : text.startsWith("PUBLIC", i)
      ? "PUBLIC"
      : undefined;
  if (keyword !== undefined) {
    i += keyword.length;
    // A public ID and a system literal, or a system literal.
    for (let literals = keyword === "PUBLIC" ? 2 : 1; literals > 0; literals--) {
      spaces();
      if (token() === undefined) return unterminated;
    }
    spaces();
  }
  const entities: string[] = [];
  if (text[i] === "[") {
    i++;
    for (;;) {
      spaces();
      if (i >= text.length) return unterminated;
      if (text[i] === "]") {
        i++;
        break;
      }
      const skipped = text.startsWith("<!--", i) ? "-->" : text.startsWith("<?", i) ? "?>" : undefined;
      if (skipped !== undefined) {
        const close = text.indexOf(skipped, i + 2);
        if (close < 0) return unterminated;
        i = close + skipped.length;
        continue;
      }
      if (text[i] === "%") return { refused: "its internal subset includes a parameter entity" };
      const kind = ["ENTITY", "ATTLIST", "ELEMENT", "NOTATION"].find((k) => text.startsWith(`<!${k}`, i));
      if (kind === undefined)
        return { refused: "its internal subset holds something other than declarations" };
      i += 2 + kind.length;
      const parts: string[] = [];
      for (;;) {
        spaces();
        if (text[i] === ">") break;
        const part = token();
        if (part === undefined) return unterminated;
        parts.push(part);
      }
      i++;
      if (kind === "ENTITY" && parts[0] !== "%" && parts[0] !== undefined) entities.push(parts[0]);
      if (kind === "ATTLIST" && !defaultsOnlyNamespaces(parts.slice(1)))
        return { refused: "its ATTLIST gives attributes other than namespace declarations default values" };
    }
    spaces();
  }
  if (text[i] !== ">") return unterminated;
  return { end: i + 1, external: keyword !== undefined, entities };
}

/** An ATTLIST's attribute definitions (name, type, default) name only `xmlns:p` attributes. */
function defaultsOnlyNamespaces(parts: string[]): boolean {
  let k = 0;
  while (k < parts.length) {
    if (!parts[k]!.startsWith("xmlns:")) return false;
    k++;
    // The type: a keyword, or an enumeration in parentheses, which may hold spaces.
    if (parts[k]?.startsWith("NOTATION")) k++;
    if (parts[k]?.startsWith("(")) while (k < parts.length && !parts[k]!.endsWith(")")) k++;
    k++;
    if (parts[k] === "#FIXED") k++;
    k++;
  }
  return true;
}

const NAMED_REFERENCE = /&([A-Za-z_][\w.-]*);/g;

/** Why the document cannot be read without the DOCTYPE: it uses an entity the DOCTYPE may declare. */
function usedEntity(body: string, doctype: Doctype): string | undefined {
  const declared = new Set(doctype.entities);
  for (const [, name] of body.matchAll(NAMED_REFERENCE)) {
    if (PREDEFINED_ENTITIES.has(name!)) continue;
    if (declared.has(name!)) return `it declares the entity '${name}', which the document uses`;
    if (doctype.external) return `the document uses the entity '${name}', which its external DTD may declare`;
  }
  return undefined;
}

function doctypeWarning(doctype: Doctype): string {
  const declares =
    doctype.entities.length > 0
      ? `declares entities the document never uses (${doctype.entities.join(", ")})`
      : "declares nothing the document uses";
  return `read past the DOCTYPE, which ${declares}${doctype.external ? "; its external DTD is not read" : ""}`;
}

/** Deeper than any real schema nests; the runtime parser builds the tree recursively. */
const MAX_DEPTH = 1000;

/**
 * Parses a WSDL or schema document. The checks before the runtime's parser give the errors a line and
 * column (fast-xml-parser's validator reports them); what only the parser finds (an undeclared prefix,
 * an undefined entity) names the element path instead.
 */
export function parseXml(source: string, location: string): XmlDocument {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.trim() === "")
    throw new SoapgenError({ file: location }, "the document is empty; expected a WSDL (XML) document");
  const declaration = prologDeclaration(text);
  const warnings: string[] = [];
  if (declaration) {
    const { line, column } = position(lineStarts(text), declaration.offset);
    const place = { file: location, line, column };
    const refuse = (why: string): never => {
      throw new SoapgenError(
        place,
        `${declaration.keyword} declarations are not allowed in WSDL or XML Schema documents${why}`,
      );
    };
    const doctype = declaration.keyword === "DOCTYPE" ? readDoctype(text, declaration.offset) : refuse("");
    if ("refused" in doctype) refuse(`: ${doctype.refused}`);
    else {
      const used = usedEntity(text.slice(doctype.end), doctype);
      if (used !== undefined)
        refuse(`: ${used}; soapgen expands only the five predefined entities and character references`);
      warnings.push(new SoapgenError(place, doctypeWarning(doctype)).message);
      // Blanked, line breaks kept, so that every line and column stays where it was.
      const blank = text.slice(declaration.offset, doctype.end).replace(/[^\n]/g, " ");
      text = text.slice(0, declaration.offset) + blank + text.slice(doctype.end);
    }
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new SoapgenError({ file: location, line, column: col }, `not well-formed XML: ${msg}`);
  }
  const { startTags, parsable } = scanMarkup(text);
  try {
    // Building the document reads every element, which is where the runtime's elements resolve their names.
    const doc = new XmlDocument(
      location,
      text,
      parseElements(parsable, { maxBodyBytes: Infinity, maxDepth: MAX_DEPTH }),
      startTags,
    );
    doc.warnings.push(...warnings);
    return doc;
  } catch (cause) {
    if (!(cause instanceof SoapDecodeError)) throw cause;
    throw new SoapgenError({ file: location }, `not namespace-well-formed XML: ${cause.message}`, { cause });
  }
}

/**
 * One pass over the well-formed document (a `<` outside comments, CDATA sections and PIs starts a tag):
 * the offset of every start tag, in document order, which is the order the elements are built in; and
 * the text for the runtime's parser, with the references it refuses (as a response must be refused)
 * made into what a WSDL has always been read as.
 */
function scanMarkup(text: string): { startTags: number[]; parsable: string } {
  const startTags: number[] = [];
  let parsable = "";
  let from = 0;
  for (let lt = text.indexOf("<"); lt >= 0; lt = text.indexOf("<", lt + 1)) {
    const verbatimEnd = text.startsWith("<!--", lt)
      ? text.indexOf("-->", lt) + 3
      : text.startsWith("<![CDATA[", lt)
        ? text.indexOf("]]>", lt) + 3
        : text.startsWith("<?", lt)
          ? text.indexOf("?>", lt) + 2
          : undefined;
    if (verbatimEnd === undefined) {
      if (!text.startsWith("</", lt) && !text.startsWith("<!", lt)) startTags.push(lt);
      continue;
    }
    parsable += tolerateReferences(text.slice(from, lt)) + text.slice(lt, verbatimEnd);
    from = verbatimEnd;
    lt = verbatimEnd - 1;
  }
  return { startTags, parsable: parsable + tolerateReferences(text.slice(from)) };
}

const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;?)/g;
const PREDEFINED_ENTITIES = new Set(["lt", "gt", "amp", "apos", "quot"]);

/**
 * In text and attribute values: a reference to a character XML does not allow (`&#x1;`, a lone
 * surrogate) as that character, which the emitters neutralise where they write it; an undefined entity
 * or a stray `&` as text. Every other reference is left for the runtime's parser to decode.
 */
function tolerateReferences(markup: string): string {
  if (!markup.includes("&")) return markup;
  return markup.replace(REFERENCE, (reference: string, name: string | undefined, semicolon: string) => {
    if (name !== undefined && semicolon) {
      if (name.startsWith("#")) {
        const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (isXmlChar(code)) return reference;
        if (code <= 0x10ffff) return String.fromCodePoint(code);
      } else if (PREDEFINED_ENTITIES.has(name)) return reference;
    }
    return `&amp;${reference.slice(1)}`;
  });
}

/** XML 1.0's Char production: the characters a reference may stand for. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of a character offset, by binary search over the line starts. */
function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
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
