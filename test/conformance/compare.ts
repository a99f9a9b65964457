import type { FieldMeta, ServiceMeta, ValueKind } from "../../generated/customer-service/index.js";
import {
  complexLayout,
  isValueKind,
  lookupType,
  typeKeyByXmlName,
} from "../../generated/customer-service/runtime/typeinfo.js";
import { resolveQName, XMLNS_NS, XSI_NS } from "../../generated/customer-service/runtime/xml.js";
import type { XmlAttribute } from "../../generated/customer-service/runtime/xml.js";
import type { Payload, PayloadElement as XmlElement } from "./docs.js";
import { type Message } from "../../generated/customer-service/runtime/envelope.js";

/** One way two payloads (or two decodings) differ, at an element path like `Body/Op/Response/Type`. */
export interface Difference {
  readonly path: string;
  readonly message: string;
}

/**
 * Compares two payloads element by element the way a SOAP peer sees them: namespace URIs, local names,
 * element order, xsi:nil, and values compared by the XSD type the generated `tables.ts` tables give each
 * element (numbers numerically, dateTimes as instants, booleans as booleans, binary as bytes). Prefixes,
 * whitespace between elements and an `xsi:type` that does not select a derived type do not matter.
 * `expected` is the reference side (the documentation), `actual` the side under test.
 */
export class PayloadComparer {
  /** While `elementPaths` runs: the paths `element` has been called with. */
  private visited: Set<string> | undefined;

  constructor(private readonly service: ServiceMeta) {}

  /**
   * The path of every element of a payload, named as `sequence` names them (and as library.ts names
   * the values), e.g. `Body/Op/Response/Items/Item[0]/Id`: the elements a reading of it must account for.
   */
  elementPaths(message: Message, payload: Payload): ReadonlySet<string> {
    this.visited = new Set();
    try {
      this.sequence(payload.headers, payload.headers, message.headers, "Header");
      this.sequence(payload.body, payload.body, message.body, "Body");
      return this.visited;
    } finally {
      this.visited = undefined;
    }
  }

  /** Sibling elements whose slots are `fields`: the header blocks, the Body's children, a type's content. */
  sequence(
    expected: readonly XmlElement[],
    actual: readonly XmlElement[],
    fields: readonly FieldMeta[],
    path: string,
  ): Difference[] {
    const differences: Difference[] = [];
    const occurrences = new Map<FieldMeta, number>();
    for (const [want, got] of align(expected, actual, path, differences)) {
      const field = fields.find((candidate) => candidate.name === want.local && candidate.ns === want.ns);
      if (field === undefined) {
        differences.push({
          path: `${path}/${want.local}`,
          message: `${describeElement(want)} is not an element the schema allows here`,
        });
        continue;
      }
      const index = occurrences.get(field) ?? 0;
      occurrences.set(field, index + 1);
      differences.push(
        ...this.element(
          want,
          got,
          field,
          field.repeated ? `${path}/${want.local}[${index}]` : `${path}/${want.local}`,
        ),
      );
    }
    return differences;
  }

  private element(expected: XmlElement, actual: XmlElement, field: FieldMeta, path: string): Difference[] {
    this.visited?.add(path);
    const expectedNil = isNil(expected);
    const actualNil = isNil(actual);
    if (expectedNil !== actualNil)
      return [{ path, message: `xsi:nil: expected ${expectedNil}, found ${actualNil}` }];
    if (expectedNil) return [];
    return this.typed(expected, actual, field.type, path);
  }

  private typed(expected: XmlElement, actual: XmlElement, type: string, path: string): Difference[] {
    if (isValueKind(type) || isTextType(this.service, type)) return this.leaf(expected, actual, type, path);
    const meta = lookupType(this.service, type);
    switch (meta.kind) {
      case "complex": {
        const expectedType = this.effectiveType(expected, type);
        const actualType = this.effectiveType(actual, type);
        if (expectedType !== actualType)
          return [{ path, message: `xsi:type: expected ${expectedType}, found ${actualType}` }];
        const layout = complexLayout(this.service, expectedType);
        const differences = this.attributes(expected, actual, path);
        if (layout.text !== undefined)
          differences.push(...this.text(expected.text, actual.text, layout.text, path));
        differences.push(...this.sequence(expected.children, actual.children, layout.fields, path));
        return differences;
      }
      case "array":
        return this.sequence(expected.children, actual.children, [meta.item], path);
      case "dictionary": {
        const differences: Difference[] = [];
        for (const [want, got, position] of align(expected.children, actual.children, path, differences)) {
          const entryPath = `${path}/${want.local}[${position}]`;
          if (want.local !== meta.entry.name || want.ns !== meta.entry.ns) {
            differences.push({
              path: entryPath,
              message: `${describeElement(want)} is not the dictionary's entry element`,
            });
          } else
            differences.push(
              ...this.sequence(want.children, got.children, [meta.key, meta.value], entryPath),
            );
        }
        return differences;
      }
      default:
        throw new Error(`unreachable: ${type} is a text type`);
    }
  }

  private leaf(expected: XmlElement, actual: XmlElement, type: string, path: string): Difference[] {
    for (const element of [expected, actual]) {
      if (element.children.length > 0)
        return [
          { path, message: `${describeElement(element.children[0] as XmlElement)} inside a simple value` },
        ];
    }
    return [...this.attributes(expected, actual, path), ...this.text(expected.text, actual.text, type, path)];
  }

  private text(expected: string, actual: string, type: string, path: string): Difference[] {
    if (sameText(this.service, expected, actual, type)) return [];
    return [
      {
        path,
        message: `value ${JSON.stringify(expected)} expected, found ${JSON.stringify(actual)} (compared as ${describeType(this.service, type)})`,
      },
    ];
  }

  /** Attributes other than namespace declarations and xsi:type / xsi:nil (handled above), compared as text. */
  private attributes(expected: XmlElement, actual: XmlElement, path: string): Difference[] {
    const relevant = (element: XmlElement): XmlAttribute[] =>
      element.attributes.filter(
        (a) => a.ns !== XMLNS_NS && !(a.ns === XSI_NS && (a.local === "type" || a.local === "nil")),
      );
    const found = relevant(actual);
    const differences: Difference[] = [];
    for (const attribute of relevant(expected)) {
      const match = found.find((a) => a.ns === attribute.ns && a.local === attribute.local);
      if (match === undefined)
        differences.push({ path, message: `missing attribute {${attribute.ns}}${attribute.local}` });
      else if (match.value !== attribute.value)
        differences.push({
          path,
          message: `attribute ${attribute.local}: expected ${JSON.stringify(attribute.value)}, found ${JSON.stringify(match.value)}`,
        });
    }
    for (const attribute of found) {
      if (!relevant(expected).some((a) => a.ns === attribute.ns && a.local === attribute.local)) {
        differences.push({ path, message: `unexpected attribute {${attribute.ns}}${attribute.local}` });
      }
    }
    return differences;
  }

  /** The type an element is read as: a type derived from the declared one named by xsi:type, else the declared type. */
  private effectiveType(element: XmlElement, declared: string): string {
    const xsiType = element.attributes.find((a) => a.ns === XSI_NS && a.local === "type");
    const name = xsiType === undefined ? undefined : resolveQName(element, xsiType.value);
    const key = name === undefined ? undefined : typeKeyByXmlName(this.service, name.ns, name.local);
    if (key === undefined || key === declared || lookupType(this.service, key).kind !== "complex")
      return declared;
    return complexLayout(this.service, key).lineage.has(declared) ? key : declared;
  }
}

/** Every element in the given trees, the roots included. */
export function countElements(elements: readonly XmlElement[]): number {
  return elements.reduce((total, element) => total + 1 + countElements(element.children), 0);
}

function isNil(element: XmlElement): boolean {
  const nil = element.attributes.find((a) => a.ns === XSI_NS && a.local === "nil")?.value.trim();
  return nil === "true" || nil === "1";
}

function isTextType(service: ServiceMeta, type: string): boolean {
  const kind = lookupType(service, type).kind;
  return kind === "simple" || kind === "list";
}

/**
 * Pairs up two element lists position by position. Extra, missing and differently named elements are
 * recorded as differences; only the pairs with the same namespace and local name are returned, with their position.
 */
function align(
  expected: readonly XmlElement[],
  actual: readonly XmlElement[],
  path: string,
  differences: Difference[],
): [XmlElement, XmlElement, number][] {
  const pairs: [XmlElement, XmlElement, number][] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const want = expected[i];
    const got = actual[i];
    if (want === undefined)
      differences.push({
        path,
        message: `unexpected ${describeElement(got as XmlElement)} after the last expected element`,
      });
    else if (got === undefined)
      differences.push({ path, message: `missing ${describeElement(want)} (element ${i + 1})` });
    else if (want.local !== got.local || want.ns !== got.ns) {
      differences.push({
        path,
        message: `element ${i + 1}: expected ${describeElement(want)}, found ${describeElement(got)}`,
      });
    } else pairs.push([want, got, i]);
  }
  return pairs;
}

function describeElement(element: XmlElement): string {
  return `<${element.local}> (namespace "${element.ns}")`;
}

function describeType(service: ServiceMeta, type: string): string {
  if (isValueKind(type)) return type;
  const meta = lookupType(service, type);
  return meta.kind === "simple"
    ? `${meta.xmlName}: ${meta.base}`
    : meta.kind === "list"
      ? `${meta.xmlName}: list`
      : (meta.xmlName ?? type);
}

/** Equality of two lexical values of a value kind or simple/list type. */
function sameText(service: ServiceMeta, expected: string, actual: string, type: string): boolean {
  if (!isValueKind(type)) {
    const meta = lookupType(service, type);
    if (meta.kind === "simple") return sameText(service, expected, actual, meta.base);
    if (meta.kind !== "list") throw new Error(`${type} is not a text type`);
    const expectedItems = splitList(expected);
    const actualItems = splitList(actual);
    return (
      expectedItems.length === actualItems.length &&
      expectedItems.every((item, i) => sameText(service, item, actualItems[i] as string, meta.item))
    );
  }
  return sameValue(expected, actual, type);
}

function splitList(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === "" ? [] : trimmed.split(/[ \t\r\n]+/);
}

function sameValue(expected: string, actual: string, kind: ValueKind): boolean {
  switch (kind) {
    case "string":
    case "any":
      return expected === actual;
    case "date":
    case "time":
    case "duration":
    case "qname":
      return expected.trim() === actual.trim();
    case "boolean": {
      const a = booleanValue(expected);
      return a !== undefined && a === booleanValue(actual);
    }
    case "int":
    case "long":
    case "double":
    case "decimal": {
      const a = numberValue(expected);
      const b = numberValue(actual);
      return Object.is(a, b) || a === b;
    }
    case "dateTime": {
      const a = instant(expected);
      return a !== undefined && a === instant(actual);
    }
    case "base64":
      return (
        expected.replace(/\s+/g, "") === actual.replace(/\s+/g, "") ||
        Buffer.from(expected, "base64").equals(Buffer.from(actual, "base64"))
      );
    case "hex":
      return expected.trim().toLowerCase() === actual.trim().toLowerCase();
  }
}

function booleanValue(text: string): boolean | undefined {
  const value = text.trim();
  return value === "true" || value === "1" ? true : value === "false" || value === "0" ? false : undefined;
}

function numberValue(text: string): number {
  const value = text.trim();
  if (value === "INF" || value === "+INF") return Infinity;
  if (value === "-INF") return -Infinity;
  // Number("") is 0: an empty numeric value must not equal "0".
  return value === "" ? NaN : Number(value);
}

const DATE_TIME = /^(-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)?$/;

/**
 * Milliseconds since the epoch of an xs:dateTime. A value without offset is read as UTC, the project's
 * documented convention; fractions beyond milliseconds are ignored, as the TS `Date` cannot hold them.
 */
export function instant(text: string): number | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [, local, offset] = match as unknown as [string, string, string | undefined];
  const time = Date.parse(`${local.replace(/(\.\d{3})\d+$/, "$1")}${offset ?? "Z"}`);
  return Number.isNaN(time) ? undefined : time;
}
