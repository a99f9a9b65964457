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

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Deeper than any real schema nests; the runtime parser builds the tree recursively. */
const MAX_DEPTH = 1000;

/**
 * Parses a WSDL or schema document. The checks before the runtime's parser give the errors a line and
 * column (fast-xml-parser's validator reports them); what only the parser finds (an undeclared prefix,
 * an undefined entity) names the element path instead.
 */
export function parseXml(source: string, location: string): XmlDocument {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.trim() === "")
    throw new SoapgenError({ file: location }, "the document is empty; expected a WSDL (XML) document");
  const doctype = prologDeclaration(text);
  if (doctype) {
    const { line, column } = position(lineStarts(text), doctype.offset);
    throw new SoapgenError(
      { file: location, line, column },
      `${doctype.keyword} declarations are not allowed in WSDL or XML Schema documents`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new SoapgenError({ file: location, line, column: col }, `not well-formed XML: ${msg}`);
  }
  const { startTags, parsable } = scanMarkup(text);
  try {
    // Building the document reads every element, which is where the runtime's elements resolve their names.
    return new XmlDocument(
      location,
      text,
      parseElements(parsable, { maxBodyBytes: Infinity, maxDepth: MAX_DEPTH }),
      startTags,
    );
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
