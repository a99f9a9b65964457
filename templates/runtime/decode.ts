/**
 * `Decoder`: turns parsed XML elements into TypeScript values, strictly or tolerantly. Reads only the
 * generated tables (typed by metadata.ts), never the WSDL.
 */
import { SoapDecodeError } from "./errors.js";
import type {
  ArrayMeta,
  DictionaryMeta,
  FieldMeta,
  ListMeta,
  MemberMeta,
  ServiceMeta,
  SimpleMeta,
  ValueKind,
} from "./metadata.js";
import {
  complexLayout,
  describeChoice,
  isValueKind,
  lookupType,
  propOf,
  typeKeyByXmlName,
} from "./typeinfo.js";
import type { ComplexLayout } from "./typeinfo.js";
import { RawXml } from "./values.js";
import {
  getAttribute,
  isBlank,
  resolveQName,
  serializeContent,
  serializeElement,
  XMLNS_NS,
  XSI_NS,
} from "./xml.js";
import type { XmlElement } from "./xml.js";

/** What tolerant decoding accepted that the schema does not allow, kept so it can be logged. */
export interface Deviation {
  /**
   * - `unknownElement`, `unknownHeader`: an element or header block the schema does not declare, skipped;
   * - `unknownValue`: an enumeration value or list flag the schema does not list, kept as its text;
   * - `nilNotNillable`: `xsi:nil` on an optional element that is not nillable, read as absent;
   * - `emptyValue`: empty text for an optional number, boolean, date or enumeration, read as absent;
   *   for a dictionary key, kept as the key "".
   */
  readonly kind: "unknownElement" | "unknownHeader" | "unknownValue" | "nilNotNillable" | "emptyValue";
  /** The element's path, e.g. `Envelope/Body/GetXResponse/Response/NewField`. */
  readonly path: string;
  /** The unknown element's namespace URI, or the unknown value's text. */
  readonly detail: string;
}

export interface DecodeOptions {
  /**
   * Exact checking, for tests: anything a `Deviation` describes is a `SoapDecodeError` instead.
   * By default the decoder accepts what a newer version of the service adds.
   */
  readonly strict?: boolean | undefined;
}

/** Where the decoder is, kept as a chain so the string is only built for an error message. */
export interface DecodePath {
  readonly parent: DecodePath | undefined;
  readonly step: string;
  /** Position among the repeated elements of one field, or -1. */
  readonly index: number;
}

export function childPath(parent: DecodePath | undefined, step: string, index = -1): DecodePath {
  return { parent, step, index };
}

export function formatPath(path: DecodePath | undefined): string {
  const steps: string[] = [];
  for (let p = path; p !== undefined; p = p.parent)
    steps.push(p.index < 0 ? p.step : `${p.step}[${p.index}]`);
  return steps.reverse().join("/");
}

function fail(message: string, path: DecodePath | undefined, excerpt?: string): never {
  throw new SoapDecodeError(message, {
    path: formatPath(path),
    excerpt: excerpt === undefined ? undefined : shorten(excerpt),
  });
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

/**
 * Decodes elements into TypeScript values as the metadata describes:
 * - complex → object (fields, then attributes, then `$value` for simple content and `$any` for `xs:any`);
 *   an absent optional element leaves its property absent, a repeated field is always an array; an
 *   `xsi:type` naming a derived type decodes as that type, named in `$type`;
 * - array wrapper → array; dictionary → null-prototype record; list → array; enumeration → its string;
 * - `xsi:nil` → null (where nillable);
 * - unless `strict`, what a newer schema may add is accepted and listed in `deviations`.
 */
export class Decoder {
  private readonly service: ServiceMeta;
  private readonly strict: boolean;
  /** What was tolerated, in document order. */
  readonly deviations: Deviation[] = [];

  constructor(service: ServiceMeta, options: DecodeOptions = {}) {
    this.service = service;
    this.strict = options.strict === true;
  }

  /** An element the schema does not declare here: skipped, or an error when strict. */
  unknownElement(child: XmlElement, path: DecodePath, expected = ""): void {
    if (this.strict) fail(`Unexpected element <${child.name}> (namespace "${child.ns}")${expected}`, path);
    this.deviations.push({
      kind: "unknownElement",
      path: formatPath(childPath(path, child.local)),
      detail: child.ns,
    });
  }

  /** A header block the operation does not declare (WS-Addressing, diagnostics, a newer version's). */
  unknownHeader(block: XmlElement, path: DecodePath): void {
    this.deviations.push({
      kind: "unknownHeader",
      path: formatPath(childPath(path, block.local)),
      detail: block.ns,
    });
  }

  /**
   * Decodes the element filling a field slot (the field's occurrence count is the caller's concern).
   * Returns undefined when tolerant decoding reads the element as absent.
   */
  field(element: XmlElement, field: FieldMeta, path: DecodePath): unknown {
    const nil = getAttribute(element, XSI_NS, "nil");
    if (nil !== undefined && (nil.trim() === "true" || nil.trim() === "1")) {
      if (field.nillable) return null;
      if (!this.strict && (field.optional || field.repeated)) {
        this.deviations.push({ kind: "nilNotNillable", path: formatPath(path), detail: "" });
        return undefined;
      }
      fail(`${field.name} is not nillable but has xsi:nil`, path);
    }
    if (
      !this.strict &&
      (field.optional || field.repeated) &&
      element.children.length === 0 &&
      isBlank(element.text) &&
      this.emptyIsInvalid(field.type)
    ) {
      this.deviations.push({ kind: "emptyValue", path: formatPath(path), detail: "" });
      return undefined;
    }
    return this.typed(element, field.type, path);
  }

  /** Whether empty text is no value of the type: numbers, booleans, dates, enumerations without "". */
  private emptyIsInvalid(type: string): boolean {
    if (isValueKind(type)) return !EMPTY_IS_VALID.has(type);
    const meta = lookupType(this.service, type);
    if (meta.kind !== "simple") return false;
    if (meta.enumeration !== undefined) return !meta.enumeration.includes("");
    return !EMPTY_IS_VALID.has(meta.base);
  }

  /** Decodes an element's content as the type `type` (a value kind or a type key). */
  typed(element: XmlElement, type: string, path: DecodePath): unknown {
    if (isValueKind(type)) {
      if (type === "any")
        return element.children.length > 0 ? new RawXml(serializeContent(element)) : element.text;
      return this.simpleContent(element, type, path);
    }
    const meta = lookupType(this.service, type);
    switch (meta.kind) {
      case "complex": {
        const actual = this.derivedTypeKey(element, type);
        const value = this.complex(element, actual, path);
        return actual === type ? value : { $type: actual, ...value };
      }
      case "array":
        return this.array(element, meta, path);
      case "dictionary":
        return this.dictionary(element, meta, path);
      case "simple":
      case "list":
        return this.simpleContent(element, type, path);
    }
  }

  /** Decodes a text value (element content or attribute) of a value kind or simple/list type key. */
  simpleValue(text: string, type: string, path: DecodePath): unknown {
    if (isValueKind(type)) return decodeValue(text, type, path);
    const meta = lookupType(this.service, type);
    if (meta.kind === "simple") return this.enumerated(text, meta, path);
    if (meta.kind === "list") return this.list(text, meta, path);
    return fail(`Type ${type} cannot be used for a text value`, path);
  }

  private simpleContent(element: XmlElement, type: string, path: DecodePath): unknown {
    if (element.children.length > 0)
      fail(`Unexpected element <${element.children[0]?.name}> in a simple value`, path);
    return this.simpleValue(element.text, type, path);
  }

  /** `xsi:type` selects a type derived from the declared one; any other `xsi:type` is ignored. */
  private derivedTypeKey(element: XmlElement, declared: string): string {
    const xsiType = getAttribute(element, XSI_NS, "type");
    if (xsiType === undefined) return declared;
    const name = resolveQName(element, xsiType);
    const key = name && typeKeyByXmlName(this.service, name.ns, name.local);
    if (key === undefined || key === declared) return declared;
    const meta = lookupType(this.service, key);
    return meta.kind === "complex" && complexLayout(this.service, key).lineage.has(declared) ? key : declared;
  }

  /** Decodes a complex type's content into an object. */
  complex(element: XmlElement, key: string, path: DecodePath): Record<string, unknown> {
    const layout = complexLayout(this.service, key);
    const anyElements: string[] | undefined = layout.any ? [] : undefined;
    const result = this.fields(element, layout.fields, path, anyElements, layout);
    for (const attribute of layout.attributes) {
      const text = getAttribute(element, attribute.ns, attribute.name);
      if (text !== undefined)
        result[propOf(attribute)] = this.simpleValue(
          text,
          attribute.type,
          childPath(path, `@${attribute.name}`),
        );
      else if (!attribute.optional) fail(`Missing required attribute ${attribute.name}`, path);
    }
    if (layout.anyAttribute) {
      const open = openAttributes(element, layout);
      if (open !== undefined) result["$attributes"] = open;
    }
    for (const choice of layout.choices)
      if (!choice.optional && !choice.props.some((prop) => result[prop] !== undefined))
        fail(`Missing required element: one of ${describeChoice(choice, layout)}`, path);
    if (layout.text !== undefined) result["$value"] = this.simpleValue(element.text, layout.text, path);
    else if (!layout.mixed && !isBlank(element.text))
      fail("Unexpected text in element-only content", path, element.text);
    if (anyElements !== undefined) result["$any"] = anyElements;
    return result;
  }

  /**
   * Decodes child elements into one property per field, in field order; the elements of an ordered group
   * (and, in mixed content, the text) into the group's array in document order. Unknown children are kept
   * as XML in `anyElements` when given (`xs:any`), otherwise skipped (an error when strict).
   */
  fields(
    element: XmlElement,
    fields: readonly FieldMeta[],
    path: DecodePath,
    anyElements?: string[],
    ordered?: Pick<ComplexLayout, "groups" | "mixed" | "choiceProps">,
  ): Record<string, unknown> {
    const values: unknown[] = new Array(fields.length);
    const seen: boolean[] = new Array(fields.length);
    const groups =
      ordered !== undefined && ordered.groups.size > 0 ? new Map<string, unknown[]>() : undefined;
    const textGroup = ordered?.mixed ? [...ordered.groups].find(([, group]) => group.text)?.[0] : undefined;
    // Elements usually arrive in schema order, so the search starts where the last one matched.
    let hint = 0;
    for (const child of textGroup === undefined ? element.children : element.nodes) {
      if (typeof child === "string") {
        itemsOf(groups!, textGroup!).push(child);
        continue;
      }
      let index = -1;
      let member: MemberMeta | undefined;
      for (let n = 0; n < fields.length; n++) {
        const candidate = (hint + n) % fields.length;
        const field = fields[candidate] as FieldMeta;
        if (field.members !== undefined)
          member = field.members.find((m) => m.name === child.local && m.ns === child.ns);
        if (member !== undefined || (field.name === child.local && field.ns === child.ns && !field.members)) {
          index = candidate;
          break;
        }
      }
      if (index === -1) {
        if (anyElements !== undefined) anyElements.push(serializeElement(child));
        else this.unknownElement(child, path);
        continue;
      }
      hint = index;
      const field = fields[index] as FieldMeta;
      if (groups !== undefined && field.group !== undefined) {
        const items = itemsOf(groups, field.group);
        const item = this.occurrence(child, field, member, childPath(path, child.local, items.length));
        // A computed key is an own property even when it is `__proto__`.
        if (item !== undefined) items.push({ [propOf(field)]: item });
      } else if (field.repeated) {
        const items = (values[index] ??= []) as unknown[];
        const item = this.occurrence(child, field, member, childPath(path, child.local, items.length));
        if (item !== undefined) items.push(item);
      } else {
        if (seen[index]) fail(`Element <${child.name}> occurs more than once`, path);
        seen[index] = true;
        values[index] = this.occurrence(child, field, member, childPath(path, child.local));
      }
    }

    const result: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as FieldMeta;
      if (groups !== undefined && field.group !== undefined) continue;
      const value = values[i];
      if (value !== undefined) result[propOf(field)] = value;
      else if (field.repeated && !ordered?.choiceProps.has(propOf(field))) result[propOf(field)] = [];
      else if (!field.optional) fail(`Missing required element <${field.name}>`, path);
    }
    for (const [name, group] of ordered?.groups ?? []) {
      const items = groups?.get(name) ?? [];
      if (!group.optional && !items.some((item) => typeof item !== "string")) {
        const names = fields.filter((field) => field.group === name).map((field) => `<${field.name}>`);
        fail(`Missing required element: one of ${names.join(", ")}`, path);
      }
      result[name] = items;
    }
    return result;
  }

  /** A field's element; a substitution group member decodes as its own type and says which it was in `$element`. */
  private occurrence(
    child: XmlElement,
    field: FieldMeta,
    member: MemberMeta | undefined,
    path: DecodePath,
  ): unknown {
    if (member === undefined) return this.field(child, field, path);
    const value = this.field(child, { ...field, type: member.type }, path);
    const complex = !isValueKind(member.type) && lookupType(this.service, member.type).kind === "complex";
    return complex && value !== null && value !== undefined
      ? { $element: member.name, ...(value as object) }
      : value;
  }

  private array(element: XmlElement, meta: ArrayMeta, path: DecodePath): unknown[] {
    if (!isBlank(element.text)) fail("Unexpected text in an array", path, element.text);
    const { item } = meta;
    const items: unknown[] = [];
    for (const child of element.children) {
      if (child.local !== item.name || child.ns !== item.ns) {
        this.unknownElement(child, path, `, expected <${item.name}>`);
        continue;
      }
      const value = this.field(child, item, childPath(path, child.local, items.length));
      if (value !== undefined) items.push(value);
    }
    return items;
  }

  private dictionary(element: XmlElement, meta: DictionaryMeta, path: DecodePath): Record<string, unknown> {
    if (!isBlank(element.text)) fail("Unexpected text in a dictionary", path, element.text);
    // Keys come from the server: a null prototype makes `__proto__` or `constructor` ordinary keys.
    const result = Object.create(null) as Record<string, unknown>;
    let index = 0;
    for (const entry of element.children) {
      const entryPath = childPath(path, entry.local, index++);
      if (entry.local !== meta.entry.name || entry.ns !== meta.entry.ns) {
        this.unknownElement(entry, path, `, expected <${meta.entry.name}>`);
        continue;
      }
      let keyElement: XmlElement | undefined;
      let valueElement: XmlElement | undefined;
      for (const child of entry.children) {
        if (child.local === meta.key.name && child.ns === meta.key.ns && keyElement === undefined)
          keyElement = child;
        else if (child.local === meta.value.name && child.ns === meta.value.ns && valueElement === undefined)
          valueElement = child;
        else if (child.local === meta.key.name || child.local === meta.value.name)
          fail(`Element <${child.name}> occurs more than once in a dictionary entry`, entryPath);
        else this.unknownElement(child, entryPath, " in a dictionary entry");
      }
      if (keyElement === undefined)
        return fail(`Missing <${meta.key.name}> in a dictionary entry`, entryPath);
      if (valueElement === undefined)
        return fail(`Missing <${meta.value.name}> in a dictionary entry`, entryPath);
      const key = this.dictionaryKey(keyElement, meta, childPath(entryPath, keyElement.local));
      if (key === undefined) return fail(`Missing <${meta.key.name}> in a dictionary entry`, entryPath);
      const value = this.field(valueElement, meta.value, childPath(entryPath, valueElement.local));
      if (value !== undefined) result[keyText(key, keyElement.text)] = value;
    }
    return result;
  }

  /**
   * A dictionary entry's key. Empty text where the key's type has no empty value (a dateTime key left
   * empty) is kept as the key "" with an `emptyValue` deviation, so the rest of the message is still
   * read; strict decoding refuses it as the invalid value it is.
   */
  private dictionaryKey(element: XmlElement, meta: DictionaryMeta, path: DecodePath): unknown {
    if (
      !this.strict &&
      element.children.length === 0 &&
      isBlank(element.text) &&
      getAttribute(element, XSI_NS, "nil") === undefined &&
      this.emptyIsInvalid(meta.key.type)
    ) {
      this.deviations.push({ kind: "emptyValue", path: formatPath(path), detail: "" });
      return "";
    }
    return this.field(element, meta.key, path);
  }

  private list(text: string, meta: ListMeta, path: DecodePath): unknown[] {
    const trimmed = text.trim();
    if (trimmed === "") return [];
    return trimmed.split(/[ \t\r\n]+/).map((item) => this.simpleValue(item, meta.item, path));
  }

  /** A value of a restricted simple type; one outside its enumeration is kept as its text unless strict. */
  private enumerated(text: string, meta: SimpleMeta, path: DecodePath): unknown {
    const value = decodeValue(text, meta.base, path);
    if (meta.enumeration !== undefined) {
      const lexical = typeof value === "string" ? value : text.trim();
      if (!meta.enumeration.includes(lexical)) {
        if (this.strict) fail(`Value is not one of the ${meta.xmlName} enumeration values`, path, text);
        this.deviations.push({ kind: "unknownValue", path: formatPath(path), detail: lexical });
      }
    }
    return value;
  }
}

/**
 * The attributes an `xs:anyAttribute` admits: all but the declared ones, namespace declarations and the
 * `xsi:` attributes the decoder reads itself; keyed `local`, or `{namespace}local` when qualified.
 */
function openAttributes(element: XmlElement, layout: ComplexLayout): Record<string, string> | undefined {
  let open: Record<string, string> | undefined;
  for (const attribute of element.attributes) {
    if (attribute.ns === XMLNS_NS || attribute.ns === XSI_NS) continue;
    if (layout.attributes.some((a) => a.name === attribute.local && a.ns === attribute.ns)) continue;
    // Names come from the server: a null prototype makes `__proto__` an ordinary key.
    open ??= Object.create(null) as Record<string, string>;
    open[attribute.ns === "" ? attribute.local : `{${attribute.ns}}${attribute.local}`] = attribute.value;
  }
  return open;
}

/** The array of an ordered group, made on its first item. */
function itemsOf(groups: Map<string, unknown[]>, name: string): unknown[] {
  let items = groups.get(name);
  if (items === undefined) groups.set(name, (items = []));
  return items;
}

/** Value kinds for which empty text is a value (""; no bytes); for every other kind it is none. */
const EMPTY_IS_VALID: ReadonlySet<ValueKind> = new Set<ValueKind>(["string", "any", "base64", "hex"]);

/**
 * A dictionary key as TypeScript holds it: the canonical lexical form of the decoded key, the same in
 * every time zone (a dateTime is ISO 8601 in UTC), which the encoder reads back to the same value.
 */
function keyText(key: unknown, text: string): string {
  if (key instanceof Date) return key.toISOString();
  if (typeof key === "string") return key;
  if (typeof key === "number" || typeof key === "boolean") return String(key);
  if (Array.isArray(key)) return key.join(" ");
  return text.trim();
}

const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE_TIME = /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Decodes the lexical form of a value kind. Except for strings, XSD collapses surrounding whitespace. */
function decodeValue(text: string, kind: ValueKind, path: DecodePath): unknown {
  if (kind === "string" || kind === "any") return text;
  const value = text.trim();
  switch (kind) {
    case "boolean":
      if (value === "true" || value === "1") return true;
      if (value === "false" || value === "0") return false;
      return fail("Not a boolean", path, text);
    case "int":
    case "long": {
      if (!INTEGER.test(value)) return fail(`Not an integer (${kind})`, path, text);
      const number = Number(value);
      // Beyond 2^53 a double cannot hold every integer: refuse rather than round.
      if (!Number.isSafeInteger(number)) return fail(`Integer beyond ±(2^53-1) (${kind})`, path, text);
      return number;
    }
    case "double":
      if (!DOUBLE.test(value)) return fail("Not a double", path, text);
      return value.endsWith("INF") ? (value.startsWith("-") ? -Infinity : Infinity) : Number(value);
    case "decimal":
      if (!DECIMAL.test(value)) return fail("Not a decimal", path, text);
      return Number(value);
    case "dateTime":
      return parseDateTime(value, path);
    case "date":
    case "time":
    case "duration":
    case "qname":
      return value;
    case "base64": {
      const compact = value.replace(/[ \t\r\n]+/g, "");
      if (!BASE64.test(compact)) return fail("Not base64", path, text);
      const binary = atob(compact);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }
    case "hex": {
      if (!HEX.test(value)) return fail("Not hexBinary", path, text);
      const bytes = new Uint8Array(value.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(value.slice(2 * i, 2 * i + 2), 16);
      return bytes;
    }
  }
}

function parseDateTime(value: string, path: DecodePath): Date {
  const match = DATE_TIME.exec(value);
  if (match === null) return fail("Not a dateTime", path, value);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999 (WCF sends 0001-01-01 often).
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const endOfDay = hour === "24" && minute === "00" && second === "00" && !/[1-9]/.test(fraction ?? "");
  if (
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day) ||
    (Number(hour) > 23 && !endOfDay) ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    return fail("Not a dateTime", path, value);
  }
  const milliseconds = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  date.setUTCHours(Number(hour), Number(minute), Number(second), milliseconds);
  if (offset !== undefined && offset !== "Z") {
    const sign = offset.startsWith("-") ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
    date.setTime(date.getTime() - sign * minutes * 60_000);
  }
  return date;
}
