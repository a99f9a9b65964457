/**
 * `Encoder`: writes TypeScript values as XML elements, checking them against the schema as it goes. Reads
 * only the generated tables (typed by metadata.ts), never the WSDL.
 */
import { SoapDecodeError, SoapEncodeError } from "./errors.js";
import type {
  ArrayMeta,
  ComplexMeta,
  DictionaryMeta,
  FieldMeta,
  GroupMeta,
  ListMeta,
  MemberMeta,
  ServiceMeta,
  SimpleMeta,
  ValueKind,
} from "./metadata.js";
import { complexLayout, describeChoice, isValueKind, lookupType, propOf } from "./typeinfo.js";
import type { ComplexLayout } from "./typeinfo.js";
import { RawXml } from "./values.js";
import { escapeAttribute, escapeText, parseXml, XML_NS, XMLNS_NS, XSI_NS } from "./xml.js";
import type { XmlElement } from "./xml.js";

export interface EncodeOptions {
  /** Refuse enumeration values the schema does not list, even ones a newer server sent. */
  readonly strict?: boolean | undefined;
}

// XML 1.0 (fifth edition) NameStartChar and NameChar without ":", astral characters as surrogate pairs.
const NAME_START =
  "A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_REST = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const ASTRAL = "[\\uD800-\\uDB7F][\\uDC00-\\uDFFF]";
/** `local` or `{namespace}local`, `local` an NCName. */
const CLARK_NAME = new RegExp(
  `^(?:\\{([^{}]+)\\})?((?:[${NAME_START}]|${ASTRAL})(?:[${NAME_REST}]|${ASTRAL})*)$`,
);

/** Characters XML 1.0 cannot carry, even as character references. */
const NON_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Writes TypeScript values as XML, the reverse of `Decoder`. Namespaces get prefixes `ns0`, `ns1`, ... in
 * first-use order (XSI gets `xsi`); the caller declares them all on one ancestor via `declarations()`.
 * Unqualified elements are written without prefix, and no default namespace is ever declared, so they are
 * in no namespace.
 */
export class Encoder {
  private readonly prefixes = new Map<string, string>();
  private namespaceCount = 0;
  private readonly service: ServiceMeta;
  private readonly strict: boolean;

  constructor(
    service: ServiceMeta,
    reserved: ReadonlyMap<string, string> = new Map(),
    options: EncodeOptions = {},
  ) {
    this.service = service;
    this.strict = options.strict === true;
    for (const [ns, prefix] of reserved) this.prefixes.set(ns, prefix);
  }

  /** `xmlns` attributes (with a leading space) for every namespace used so far. */
  declarations(): string {
    let xml = "";
    for (const [ns, prefix] of this.prefixes) xml += ` xmlns:${prefix}="${escapeAttribute(ns)}"`;
    return xml;
  }

  qualify(name: string, ns: string): string {
    if (ns === "") return name;
    // The `xml` prefix is bound by definition, and no other prefix may be bound to its namespace.
    if (ns === XML_NS) return `xml:${name}`;
    let prefix = this.prefixes.get(ns);
    if (prefix === undefined) {
      prefix = ns === XSI_NS ? "xsi" : `ns${this.namespaceCount++}`;
      this.prefixes.set(ns, prefix);
    }
    return `${prefix}:${name}`;
  }

  /** Writes a field slot: nothing when absent and optional, one element per item when repeated. */
  field(field: FieldMeta, value: unknown, path: string): string {
    if (value === undefined) {
      if (field.optional) return "";
      throw new SoapEncodeError(`Missing required element ${field.name}`, path);
    }
    if (!field.repeated) return this.occurrence(field, value, path);
    if (!Array.isArray(value))
      throw new SoapEncodeError(`Expected an array for repeated element ${field.name}`, path);
    if (value.length === 0 && !field.optional)
      throw new SoapEncodeError(`At least one ${field.name} is required`, path);
    let xml = "";
    for (let i = 0; i < value.length; i++) xml += this.occurrence(field, value[i], `${path}[${i}]`);
    return xml;
  }

  /** Writes an object's properties as the given fields, rejecting properties no field knows. */
  fields(fields: readonly FieldMeta[], value: unknown, path: string): string {
    const object = expectObject(value, path);
    rejectUnknownProperties(object, new Set(fields.map((field) => propOf(field))), path);
    let xml = "";
    for (const field of fields) xml += this.field(field, object[propOf(field)], `${path}.${propOf(field)}`);
    return xml;
  }

  private occurrence(field: FieldMeta, value: unknown, path: string): string {
    const members = field.members;
    const name = this.qualify(members?.[0]?.name ?? field.name, members?.[0]?.ns ?? field.ns);
    if (value === null) {
      if (!field.nillable) throw new SoapEncodeError(`${field.name} is not nillable`, path);
      return `<${name} ${this.qualify("nil", XSI_NS)}="true"/>`;
    }
    if (value === undefined) throw new SoapEncodeError(`Missing value for ${field.name}`, path);
    if (members !== undefined) return this.member(members, value, path);
    return this.element(name, field.type, value, path);
  }

  /** A substitution group slot: the member `$element` names (the first without one), as its own type. */
  private member(members: readonly MemberMeta[], value: unknown, path: string): string {
    const object =
      typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    const label = object?.["$element"];
    const member = label === undefined ? members[0] : members.find((m) => m.name === label);
    if (member === undefined)
      throw new SoapEncodeError(
        `$element ${JSON.stringify(label)} is not one of ${members.map((m) => m.name).join(", ")}`,
        `${path}.$element`,
      );
    let content = value;
    if (label !== undefined) {
      const rest = { ...object };
      delete rest["$element"];
      content = rest;
    }
    return this.element(this.qualify(member.name, member.ns), member.type, content, path);
  }

  private element(name: string, type: string, value: unknown, path: string): string {
    if (type === "any" && value instanceof RawXml) return wrap(name, "", wellFormedContent(value.xml, path));
    if (isValueKind(type)) return wrap(name, "", escapeText(this.text(value, type, path)));
    const meta = lookupType(this.service, type);
    switch (meta.kind) {
      case "complex":
        return this.complex(name, type, value, path);
      case "array":
        return wrap(name, "", this.array(meta, value, path));
      case "dictionary":
        return wrap(name, "", this.dictionary(meta, value, path));
      case "simple":
      case "list":
        return wrap(name, "", escapeText(this.text(value, type, path)));
    }
  }

  private complex(name: string, declared: string, value: unknown, path: string): string {
    const object = expectObject(value, path);
    const key = this.actualType(object, declared, path);
    const layout = complexLayout(this.service, key);
    rejectUnknownProperties(object, layout.props, path);
    let attributes = "";
    if (key !== declared) {
      const meta = lookupType(this.service, key) as ComplexMeta & { xmlName: string }; // named: see actualType
      attributes += ` ${this.qualify("type", XSI_NS)}="${escapeAttribute(this.qualify(meta.xmlName, meta.xmlNs))}"`;
    }
    for (const attribute of layout.attributes) {
      const attributeValue = object[propOf(attribute)];
      if (attributeValue === undefined || attributeValue === null) {
        if (attribute.optional) continue;
        throw new SoapEncodeError(
          `Missing required attribute ${attribute.name}`,
          `${path}.${propOf(attribute)}`,
        );
      }
      const text = this.text(attributeValue, attribute.type, `${path}.${propOf(attribute)}`);
      attributes += ` ${this.qualify(attribute.name, attribute.ns)}="${escapeAttribute(text)}"`;
    }
    if (layout.anyAttribute && object["$attributes"] !== undefined)
      attributes += this.openAttributes(object["$attributes"], layout, `${path}.$attributes`);
    for (const choice of layout.choices)
      if (!choice.optional && !choice.props.some((prop) => object[prop] !== undefined))
        throw new SoapEncodeError(`Missing required element: one of ${describeChoice(choice, layout)}`, path);
    let content = "";
    const written = new Set<string>();
    for (const field of layout.fields) {
      if (field.group === undefined)
        content += this.field(field, object[propOf(field)], `${path}.${propOf(field)}`);
      else if (!written.has(field.group)) {
        written.add(field.group);
        content += this.group(layout, field.group, object[field.group], `${path}.${field.group}`);
      }
    }
    // A mixed type without elements of its own: its group has no field to stand at.
    for (const name of layout.groups.keys())
      if (!written.has(name)) content += this.group(layout, name, object[name], `${path}.${name}`);
    if (layout.text !== undefined && object["$value"] !== undefined) {
      content += escapeText(this.text(object["$value"], layout.text, `${path}.$value`));
    }
    if (layout.any && object["$any"] !== undefined) content += rawElements(object["$any"], `${path}.$any`);
    return wrap(name, attributes, content);
  }

  /**
   * An ordered group's items in their order: each a single-key object naming one of the group's elements
   * (`{ [prop]: value }`), or in mixed content a string of text.
   */
  private group(layout: ComplexLayout, name: string, value: unknown, path: string): string {
    const group = layout.groups.get(name) as GroupMeta;
    if (value !== undefined && !Array.isArray(value))
      throw new SoapEncodeError(`Expected an array of items for ${name}`, path);
    const fields = layout.fields.filter((field) => field.group === name);
    const items: readonly unknown[] = value ?? [];
    // Text does not make up for a required element.
    if (!group.optional && !items.some((item) => typeof item !== "string"))
      throw new SoapEncodeError(
        `At least one element is required: one of ${fields.map((field) => propOf(field)).join(", ")}`,
        path,
      );
    let xml = "";
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const itemPath = `${path}[${i}]`;
      if (typeof item === "string" && group.text) {
        if (NON_XML_CHARACTERS.test(item))
          throw new SoapEncodeError("String contains a character XML cannot carry", itemPath);
        xml += escapeText(item);
        continue;
      }
      const object = expectObject(item, itemPath);
      const keys = Object.keys(object);
      const field = keys.length === 1 ? fields.find((f) => propOf(f) === keys[0]) : undefined;
      if (field === undefined)
        throw new SoapEncodeError(
          `Expected ${group.text ? "a string or " : ""}an object with one of ${fields.map((f) => propOf(f)).join(", ")}, got ${keys.length === 0 ? "no property" : keys.join(", ")}`,
          itemPath,
        );
      xml += this.occurrence(field, object[propOf(field)], `${itemPath}.${propOf(field)}`);
    }
    return xml;
  }

  /**
   * `$attributes` of an `xs:anyAttribute`: keys `local` or `{namespace}local`, string values. A key that
   * is no such name, a namespace declaration, an `xsi:` attribute or a declared attribute is refused:
   * each would change what the element means rather than add to it.
   */
  private openAttributes(value: unknown, layout: ComplexLayout, path: string): string {
    const object = expectObject(value, path);
    let xml = "";
    for (const key of Object.keys(object)) {
      const keyPath = `${path}[${JSON.stringify(key)}]`;
      const match = CLARK_NAME.exec(key);
      const ns = match?.[1] ?? "";
      const local = match?.[2] ?? "";
      if (match === null || ns === XMLNS_NS || ns === XSI_NS || (ns === "" && local === "xmlns"))
        throw new SoapEncodeError(
          `Not an attribute name this element may have: expected "local" or "{namespace}local"`,
          keyPath,
        );
      if (layout.attributes.some((a) => a.name === local && a.ns === ns))
        throw new SoapEncodeError(`Declared attribute ${local} belongs in its own property`, keyPath);
      const text = object[key];
      if (typeof text !== "string") throw typeError("string", text, keyPath);
      if (NON_XML_CHARACTERS.test(text))
        throw new SoapEncodeError("String contains a character XML cannot carry", keyPath);
      xml += ` ${this.qualify(local, ns)}="${escapeAttribute(text)}"`;
    }
    return xml;
  }

  /** The type a value is written as: its `$type` when that names the declared type or one derived from it. */
  private actualType(object: Record<string, unknown>, declared: string, path: string): string {
    const actual = object["$type"];
    if (actual === undefined || actual === declared) return declared;
    const meta =
      typeof actual === "string" && Object.hasOwn(this.service.types, actual)
        ? this.service.types[actual]
        : undefined;
    // An anonymous type has no name an xsi:type could give.
    if (
      meta?.kind !== "complex" ||
      meta.xmlName === undefined ||
      !complexLayout(this.service, actual as string).lineage.has(declared)
    )
      throw new SoapEncodeError(
        `$type ${describe(actual)} is not ${declared} or a type derived from it`,
        `${path}.$type`,
      );
    return actual as string;
  }

  private array(meta: ArrayMeta, value: unknown, path: string): string {
    if (!Array.isArray(value)) throw new SoapEncodeError("Expected an array", path);
    let xml = "";
    for (let i = 0; i < value.length; i++) xml += this.occurrence(meta.item, value[i], `${path}[${i}]`);
    return xml;
  }

  private dictionary(meta: DictionaryMeta, value: unknown, path: string): string {
    const object = expectObject(value, path);
    const entry = this.qualify(meta.entry.name, meta.entry.ns);
    let xml = "";
    for (const key of Object.keys(object)) {
      const entryPath = `${path}[${JSON.stringify(key)}]`;
      const keyXml = this.occurrence(meta.key, keyValue(key, meta.key.type), entryPath);
      xml += `<${entry}>${keyXml}${this.occurrence(meta.value, object[key], entryPath)}</${entry}>`;
    }
    return xml;
  }

  /** The lexical form of a value of a value kind or simple/list type key (not yet escaped). */
  text(value: unknown, type: string, path: string): string {
    if (isValueKind(type)) return encodeValue(value, type, path);
    const meta = lookupType(this.service, type);
    if (meta.kind === "simple") return this.enumerated(value, meta, path);
    if (meta.kind === "list") return this.list(value, meta, path);
    throw new SoapEncodeError(`Type ${type} cannot be written as text`, path);
  }

  private list(value: unknown, meta: ListMeta, path: string): string {
    if (!Array.isArray(value)) throw new SoapEncodeError("Expected an array for a list value", path);
    return value
      .map((item, i) => {
        const text = this.text(item, meta.item, `${path}[${i}]`);
        if (text === "" || /[ \t\r\n]/.test(text))
          throw new SoapEncodeError(
            `List item ${JSON.stringify(text)} is empty or contains white space`,
            `${path}[${i}]`,
          );
        return text;
      })
      .join(" ");
  }

  /**
   * A value of a restricted simple type. One outside the enumeration is refused when strict; otherwise it
   * is written as given: the types only let values decoded from the service (`UnknownEnumValue`) through.
   */
  private enumerated(value: unknown, meta: SimpleMeta, path: string): string {
    const text = encodeValue(value, meta.base, path);
    if (this.strict && meta.enumeration !== undefined && !meta.enumeration.includes(text)) {
      throw new SoapEncodeError(
        `${JSON.stringify(text)} is not one of the ${meta.xmlName} enumeration values`,
        path,
      );
    }
    return text;
  }
}

function wrap(name: string, attributes: string, content: string): string {
  return content === "" ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Date ||
    value instanceof Uint8Array
  ) {
    throw new SoapEncodeError(`Expected an object, got ${describe(value)}`, path);
  }
  return value as Record<string, unknown>;
}

/** Unknown properties are refused rather than dropped: they are almost always a misspelt field. */
function rejectUnknownProperties(
  object: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
): void {
  const unknown = Object.keys(object).filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new SoapEncodeError(
      `Unknown propert${unknown.length === 1 ? "y" : "ies"} ${unknown.join(", ")}`,
      path,
    );
}

/**
 * Dictionary keys are strings in TS, the decoder's canonical lexical form of the key (see `keyText` in
 * decode.ts); a key of another value kind needs its value back.
 */
function keyValue(key: string, type: string): unknown {
  switch (type) {
    case "int":
    case "long":
    case "double":
    case "decimal":
      return key === "INF" || key === "-INF" ? Number(key.replace("INF", "Infinity")) : Number(key);
    case "boolean":
      return key === "true" || key === "1" ? true : key === "false" || key === "0" ? false : key;
    case "dateTime": {
      const date = new Date(key);
      return Number.isNaN(date.getTime()) ? key : date;
    }
    default:
      return key;
  }
}

/** `$any` holds complete XML elements; each is checked to be one well-formed element before being written. */
function rawElements(value: unknown, path: string): string {
  if (!Array.isArray(value)) throw new SoapEncodeError("Expected an array of XML strings", path);
  return value
    .map((xml, i) => {
      if (typeof xml !== "string") throw new SoapEncodeError("Expected an XML string", `${path}[${i}]`);
      return wellFormedElement(xml, `${path}[${i}]`);
    })
    .join("");
}

/**
 * One complete, well-formed element declaring every prefix it uses (it is written where other prefixes
 * are in scope, and must not depend on them), so that it cannot break the document it goes into.
 */
export function wellFormedElement(xml: string, path: string): string {
  try {
    const visit = (element: XmlElement): void => {
      void element.attributes;
      element.children.forEach(visit);
    };
    visit(parseXml(xml));
  } catch (error) {
    if (error instanceof SoapDecodeError)
      throw new SoapEncodeError(`Not a well-formed XML element (${error.message})`, path);
    throw error;
  }
  return xml;
}

/** Raw XML content (elements and text), checked to be well-formed so it cannot break the envelope. */
function wellFormedContent(xml: string, path: string): string {
  try {
    parseXml(`<content>${xml}</content>`);
  } catch (error) {
    if (error instanceof SoapDecodeError)
      throw new SoapEncodeError(`Not well-formed XML content (${error.message})`, path);
    throw error;
  }
  return xml;
}

function encodeValue(value: unknown, kind: ValueKind, path: string): string {
  switch (kind) {
    case "string":
    case "date":
    case "time":
    case "duration":
    case "qname":
      if (typeof value !== "string") throw typeError(kind, value, path);
      if (NON_XML_CHARACTERS.test(value))
        throw new SoapEncodeError("String contains a character XML cannot carry", path);
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw typeError(kind, value, path);
      return value ? "true" : "false";
    case "int":
    case "long":
      if (!Number.isSafeInteger(value)) throw typeError(kind, value, path);
      return String(value);
    case "double":
      if (typeof value !== "number") throw typeError(kind, value, path);
      if (Number.isNaN(value)) return "NaN";
      if (!Number.isFinite(value)) return value > 0 ? "INF" : "-INF";
      // xs:double has a negative zero, which String() would write as "0".
      return Object.is(value, -0) ? "-0" : String(value);
    case "decimal":
      if (typeof value !== "number" || !Number.isFinite(value)) throw typeError(kind, value, path);
      return decimalString(value);
    case "dateTime":
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw typeError(kind, value, path);
      return value.toISOString();
    case "base64":
      if (!(value instanceof Uint8Array)) throw typeError(kind, value, path);
      return base64(value);
    case "hex":
      if (!(value instanceof Uint8Array)) throw typeError(kind, value, path);
      return Array.from(value, (byte) => byte.toString(16).padStart(2, "0").toUpperCase()).join("");
    case "any":
      if (value instanceof Date) return encodeValue(value, "dateTime", path);
      if (typeof value === "number") return encodeValue(value, "double", path);
      if (typeof value === "boolean") return encodeValue(value, "boolean", path);
      return encodeValue(value, "string", path);
  }
}

function typeError(kind: ValueKind, value: unknown, path: string): SoapEncodeError {
  return new SoapEncodeError(`Expected a value of kind ${kind}, got ${describe(value)}`, path);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (value instanceof Date) return "a Date";
  return typeof value;
}

/** xs:decimal has no exponent notation, which `String` uses below 1e-6 and from 1e21. */
function decimalString(value: number): string {
  const text = String(value);
  const e = text.indexOf("e");
  if (e === -1) return text;
  const sign = text.startsWith("-") ? "-" : "";
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const position = (point === -1 ? mantissa.length : point) + exponent;
  if (position <= 0) return `${sign}0.${"0".repeat(-position)}${digits}`;
  if (position >= digits.length) return sign + digits + "0".repeat(position - digits.length);
  return `${sign}${digits.slice(0, position)}.${digits.slice(position)}`;
}

/** `bytes` as base64 text (`xs:base64Binary`). */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  // Chunked: spreading a large array into fromCharCode would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
