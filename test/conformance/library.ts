import type { Deviation, FieldMeta, ServiceMeta, ValueKind } from "../../generated/customer-service/index.js";
import {
  complexLayout,
  isValueKind,
  lookupType,
  propOf,
} from "../../generated/customer-service/runtime/typeinfo.js";
import type { Difference } from "./compare.js";
import { instant } from "./compare.js";
import { show } from "./values.js";
import { type Message } from "../../generated/customer-service/runtime/envelope.js";

/**
 * How another SOAP stack's reading of a message (zeep's `serialize_object`, node-soap's parsed `args`)
 * maps onto the generated client's typed values. The agreed mapping:
 * - an `ArrayOfX` wrapper is an object holding the item list (`{ X: [...] }`): flattened to the list;
 * - a DataContract dictionary is a list of KeyValuePair entries (`{ StringKeyValuePair: [{ Key, Value }] }`):
 *   read as a record, in entry order;
 * - `null`/missing stands for an absent element and for `xsi:nil` alike (neither library tells them apart),
 *   but not for an element the message has and we read as absent (see `present` of `compareReading`);
 * - dateTimes are compared as instants, numbers numerically, binary as bytes (base64 in JSON);
 * - a dictionary key, text in our record, is compared as a value of the key's type;
 * - an unwrapped message whose wrapper element is empty may be read as `null` rather than `{}`: both
 *   libraries do, always, and it is counted in `counts.emptyWrapperAsNone`.
 * A library quirk that needs a further mapping is named in `LibraryQuirks` and counted where it applies.
 */
export interface LibraryQuirks {
  /**
   * zeep reads an empty element of a string type (`<Config></Config>`) as `None`, not `""`: lxml gives
   * no text for it and zeep never turns that into an empty string. When enabled, `None` against our `""`
   * is accepted and counted in `counts.emptyStringAsNone`.
   */
  readonly emptyStringAsNone: boolean;
  /**
   * The paths (`Body/Op/Response/Items/Item[0]/Id`) of the elements our tolerant decoding read as
   * absent, because the page puts `xsi:nil` on a non-nillable element or empty text in a non-string
   * one (`toleratedAbsences` of the decoding's deviations). zeep reads both as `None`: at exactly these
   * paths our absence against zeep's `None` is the same reading, counted in `counts.toleratedAsNone`.
   */
  readonly toleratedAsNone: ReadonlySet<string>;
  /**
   * zeep reads `xsi:nil` on an `ArrayOfX` wrapper (`<ChildItems xsi:nil="true"/>`) as the wrapper with
   * no items (`{ X: [] }`), not `None`. When enabled, that against our `null` is accepted and counted
   * in `counts.nilArrayAsEmpty`.
   */
  readonly nilArrayAsEmpty: boolean;
  /**
   * zeep reads a nil item of a complex type (`<X xsi:nil="true"/>` inside an `ArrayOfX`) as an object
   * of that type whose every field is `None`. When enabled, that against our `null` is accepted and
   * counted in `counts.nilItemAsEmptyObject`.
   */
  readonly nilItemAsEmptyObject: boolean;
  /**
   * node-soap reads an `ArrayOfX` wrapper whose items are all nil (`<ChildItems><X xsi:nil="true"/>
   * </ChildItems>`) as `null`: the nil items leave it nothing to show. When enabled, `null` against our
   * list of nulls is accepted and counted in `counts.nilItemsArrayAsNull`.
   */
  readonly nilItemsArrayAsNull: boolean;
  /**
   * zeep reads `xsi:nil="true"` on an element of complex type (`<InnerException i:nil="true"/>`) as an
   * object whose every field is None. When enabled, such an object against our `null` is accepted and
   * counted in `counts.nilComplexAsEmpty`.
   */
  readonly nilComplexAsEmpty: boolean;
  /**
   * node-soap's client leaves an `xs:list` as its space-separated text (`"Read Write"`) and the simple
   * values of header blocks as text (`"true"`). When enabled, such text is read with the schema's type
   * and counted in `counts.untypedText`.
   */
  readonly untypedText: boolean;
  /**
   * zeep and node-soap read an empty element of a binary type (`<Image></Image>`, no bytes) as
   * `None`/`null`, not as empty bytes. When enabled, that against our `Uint8Array(0)` is accepted and
   * counted in `counts.emptyBytesAsNone`.
   */
  readonly emptyBytesAsNone: boolean;
  /**
   * zeep and node-soap read an `ArrayOfX` wrapper without items (`<DuplicatePersonIds/>`) as
   * `None`/`null`, not as an empty list. When enabled, that against our `[]` is accepted and counted
   * in `counts.emptyArrayAsNone`.
   */
  readonly emptyArrayAsNone: boolean;
}

/**
 * How often each quirk mapping applied; how often the empty-wrapper mapping (always on) did; and how
 * often zeep, having read a documented request, could not write it back as its own request envelope
 * (the oracle's last step, whose envelope no column compares: the readings are compared all the same).
 */
export type QuirkCounts = {
  -readonly [Name in keyof LibraryQuirks | "emptyWrapperAsNone" | "cannotWriteBack"]: number;
};

/** No quirk mapping: the reading must match by the agreed mapping alone. */
export const NO_QUIRKS: LibraryQuirks = {
  emptyStringAsNone: false,
  toleratedAsNone: new Set(),
  nilArrayAsEmpty: false,
  nilItemAsEmptyObject: false,
  nilItemsArrayAsNull: false,
  nilComplexAsEmpty: false,
  untypedText: false,
  emptyBytesAsNone: false,
  emptyArrayAsNone: false,
};

/** Counts that start at zero. */
export function noQuirkCounts(): QuirkCounts {
  return {
    emptyStringAsNone: 0,
    toleratedAsNone: 0,
    nilArrayAsEmpty: 0,
    nilItemAsEmptyObject: 0,
    nilItemsArrayAsNull: 0,
    nilComplexAsEmpty: 0,
    untypedText: 0,
    emptyBytesAsNone: 0,
    emptyArrayAsNone: 0,
    emptyWrapperAsNone: 0,
    cannotWriteBack: 0,
  };
}

/** The deviations whose element zeep reads as `None`, as we read it as absent. */
export const TOLERATED_AS_NONE: ReadonlySet<Deviation["kind"]> = new Set(["nilNotNillable", "emptyValue"]);

/** A library's reading of one message: the header blocks by element name and the body (wrapper content). */
export interface LibraryReading {
  readonly header: unknown;
  readonly body: unknown;
}

/**
 * Compares a library's reading of a message with the generated client's `{ body, headers }` for it.
 * `present` (when given) holds the paths of the elements the message has (`PayloadComparer.elementPaths`):
 * an element we read as absent while the message has it agrees with the library's None only under
 * `toleratedAsNone`, never by the absent-or-nil rule.
 */
export function compareReading(
  service: ServiceMeta,
  message: Message,
  ours: { readonly body: unknown; readonly headers: Readonly<Record<string, unknown>> },
  theirs: LibraryReading,
  quirks: LibraryQuirks,
  counts: QuirkCounts,
  present?: ReadonlySet<string>,
): Difference[] {
  const walker = new ReadingWalker(service, quirks, counts, present);
  const headerFields = new Map(message.headers.map((field) => [field.name, field]));
  const differences: Difference[] = [];
  const theirHeader = theirs.header ?? {};
  if (!isObject(theirHeader))
    return [{ path: "Header", message: `expected an object of header blocks, found ${show(theirHeader)}` }];
  for (const name of Object.keys(theirHeader)) {
    if (!headerFields.has(name))
      differences.push({ path: `Header/${name}`, message: "a header block the operation does not declare" });
  }
  for (const field of message.headers) {
    differences.push(
      ...walker.field(ours.headers[propOf(field)], theirHeader[field.name], field, `Header/${field.name}`),
    );
  }
  if (!message.unwrapped) throw new Error("the Services88 messages are all document/literal wrapped");
  const part = message.body[0] as FieldMeta;
  // An empty wrapper element has nothing to show; both libraries then give null for the body.
  const emptyOnBothSides =
    (theirs.body === null || theirs.body === undefined) &&
    isObject(ours.body) &&
    Object.keys(ours.body).length === 0;
  if (emptyOnBothSides) counts.emptyWrapperAsNone++;
  else differences.push(...walker.typed(ours.body, theirs.body, part.type, `Body/${part.name}`));
  return differences;
}

class ReadingWalker {
  constructor(
    private readonly service: ServiceMeta,
    private readonly quirks: LibraryQuirks,
    private readonly counts: QuirkCounts,
    private readonly present: ReadonlySet<string> | undefined,
  ) {}

  /** One field slot: absent, nil, a single value or (repeated) a list. */
  field(ours: unknown, theirs: unknown, field: FieldMeta, path: string): Difference[] {
    if (theirs === null || theirs === undefined) return this.nothing(ours, field, path);
    if (ours === null && this.quirks.nilComplexAsEmpty && isObject(theirs)) {
      if (Object.values(theirs).every((value) => value === null || value === undefined)) {
        this.counts.nilComplexAsEmpty++;
        return [];
      }
    }
    if (!field.repeated) {
      if (ours === null && this.nilReadAsValue(theirs, field.type)) return [];
      return ours === null || ours === undefined
        ? [mismatch(path, ours, theirs)]
        : this.typed(ours, theirs, field.type, path);
    }
    if (!Array.isArray(ours) || !Array.isArray(theirs)) return [mismatch(path, ours, theirs)];
    return this.items(ours, theirs, field, path);
  }

  /**
   * The library has no value: fine for an absent or nil element, and for "" and for what tolerant
   * decoding read as absent under the named zeep quirks.
   */
  private nothing(ours: unknown, field: FieldMeta, path: string): Difference[] {
    // A dictionary key read from empty text is "" (the rest of the entry is kept), not absent.
    if ((ours === undefined || ours === "") && this.quirks.toleratedAsNone.has(path)) {
      this.counts.toleratedAsNone++;
      return [];
    }
    if (ours === undefined && this.present?.has(path) === true)
      return [{ path, message: "the message has this element, ours has nothing, and no deviation says why" }];
    if (ours === undefined || ours === null) return [];
    if (field.repeated && Array.isArray(ours) && ours.length === 0) return [];
    if (ours === "" && this.quirks.emptyStringAsNone && this.isStringLike(field.type)) {
      this.counts.emptyStringAsNone++;
      return [];
    }
    if (this.quirks.emptyBytesAsNone && ours instanceof Uint8Array && ours.length === 0) {
      this.counts.emptyBytesAsNone++;
      return [];
    }
    if (
      this.quirks.emptyArrayAsNone &&
      !field.repeated &&
      this.kindOf(field.type) === "array" &&
      Array.isArray(ours) &&
      ours.length === 0
    ) {
      this.counts.emptyArrayAsNone++;
      return [];
    }
    if (
      this.quirks.nilItemsArrayAsNull &&
      !field.repeated &&
      this.kindOf(field.type) === "array" &&
      Array.isArray(ours) &&
      ours.length > 0 &&
      ours.every((item) => item === null)
    ) {
      this.counts.nilItemsArrayAsNull++;
      return [];
    }
    return [mismatch(path, ours, null)];
  }

  /** Our `null` against a value the library made of `xsi:nil`, under the named zeep quirks. */
  private nilReadAsValue(theirs: unknown, type: string): boolean {
    if (!isObject(theirs)) return false;
    const meta = isValueKind(type) ? undefined : lookupType(this.service, type);
    if (this.quirks.nilArrayAsEmpty && meta?.kind === "array") {
      const items = theirs[meta.item.name];
      if (Object.keys(theirs).length === 1 && Array.isArray(items) && items.length === 0) {
        this.counts.nilArrayAsEmpty++;
        return true;
      }
    }
    if (this.quirks.nilItemAsEmptyObject && meta?.kind === "complex" && this.isEmptyObject(theirs, type)) {
      this.counts.nilItemAsEmptyObject++;
      return true;
    }
    return false;
  }

  /**
   * zeep's object for a nil item of a complex type: every field of the type (or, for a type that
   * extends another, zeep sometimes gives only the type's own fields) and each one None, or an ArrayOf
   * wrapper without items.
   */
  private isEmptyObject(theirs: Record<string, unknown>, type: string): boolean {
    const layout = complexLayout(this.service, type).fields;
    const own = (lookupType(this.service, type) as { fields: readonly FieldMeta[] }).fields;
    const keys = Object.keys(theirs);
    const sameNames = (fields: readonly FieldMeta[]): boolean =>
      keys.length === fields.length && fields.every((field) => keys.includes(field.name));
    if (!sameNames(layout) && !sameNames(own)) return false;
    return layout.every((field) => {
      const value = theirs[field.name];
      if (value === null || value === undefined) return true;
      const meta = isValueKind(field.type) ? undefined : lookupType(this.service, field.type);
      if (meta?.kind !== "array" || !isObject(value)) return false;
      const items = value[meta.item.name];
      return Object.keys(value).length === 1 && Array.isArray(items) && items.length === 0;
    });
  }

  private kindOf(type: string): string {
    return isValueKind(type) ? "value" : lookupType(this.service, type).kind;
  }

  private items(
    ours: readonly unknown[],
    theirs: readonly unknown[],
    item: FieldMeta,
    path: string,
  ): Difference[] {
    const read = this.withoutToleratedItems(theirs, path);
    if (ours.length !== read.length)
      return [{ path, message: `expected ${ours.length} items, the library read ${read.length}` }];
    const single = { ...item, repeated: false };
    return ours.flatMap((value, i) => this.field(value, read[i], single, `${path}[${i}]`));
  }

  /**
   * The library's items without the None of each item our tolerant decoding read as absent (left out of
   * our list), found at its deviation's path. The decoder numbers an item by the items kept before it.
   */
  private withoutToleratedItems(theirs: readonly unknown[], path: string): readonly unknown[] {
    if (this.quirks.toleratedAsNone.size === 0) return theirs;
    const kept: unknown[] = [];
    for (const value of theirs) {
      if (
        (value === null || value === undefined) &&
        this.quirks.toleratedAsNone.has(`${path}[${kept.length}]`)
      )
        this.counts.toleratedAsNone++;
      else kept.push(value);
    }
    return kept;
  }

  typed(ours: unknown, theirs: unknown, type: string, path: string): Difference[] {
    if (isValueKind(type)) {
      if (type === "boolean" && typeof theirs === "string" && this.quirks.untypedText) {
        this.counts.untypedText++;
        return String(ours) === theirs ? [] : [mismatch(path, ours, theirs)];
      }
      return sameValue(ours, theirs, type) ? [] : [mismatch(path, ours, theirs)];
    }
    const meta = lookupType(this.service, type);
    switch (meta.kind) {
      case "simple":
        return this.typed(ours, theirs, meta.base, path);
      case "list": {
        let items = theirs;
        if (typeof theirs === "string" && this.quirks.untypedText) {
          this.counts.untypedText++;
          items = theirs.split(/\s+/).filter((item) => item !== "");
        }
        if (!Array.isArray(ours) || !Array.isArray(items) || ours.length !== items.length)
          return [mismatch(path, ours, theirs)];
        return ours.flatMap((item, i) => this.typed(item, items[i], meta.item, `${path}[${i}]`));
      }
      case "array": {
        // ArrayOf wrapper: the library shows the wrapper as an object holding the item list.
        if (!Array.isArray(ours)) return [mismatch(path, ours, theirs)];
        if (!isObject(theirs))
          return [
            {
              path,
              message: `the library read ${show(theirs)}, not a ${meta.xmlName} wrapper holding <${meta.item.name}> items`,
            },
          ];
        const unknown = Object.keys(theirs).filter((key) => key !== meta.item.name);
        if (unknown.length > 0)
          return [{ path, message: `the library read unknown elements ${unknown.join(", ")} in an array` }];
        const items = asList(theirs[meta.item.name]);
        if (items === undefined) return [mismatch(path, ours, theirs)];
        return this.items(ours, items, meta.item, `${path}/${meta.item.name}`);
      }
      case "dictionary": {
        // Dictionary: the library shows the KeyValuePair entries; we have a record in entry order.
        if (!isObject(ours) || !isObject(theirs)) return [mismatch(path, ours, theirs)];
        const entries = asList(theirs[meta.entry.name]);
        if (entries === undefined) return [mismatch(path, ours, theirs)];
        const keys = Object.keys(ours);
        if (entries.length !== keys.length)
          return [{ path, message: `expected ${keys.length} entries, the library read ${entries.length}` }];
        return keys.flatMap((key, i) => {
          const entry = entries[i];
          const entryPath = `${path}/${meta.entry.name}[${i}]`;
          if (!isObject(entry)) return [mismatch(entryPath, { [key]: ours[key] }, entry)];
          return [
            ...this.field(
              keyValue(key, meta.key.type),
              entry[meta.key.name],
              meta.key,
              `${entryPath}/${meta.key.name}`,
            ),
            ...this.field(ours[key], entry[meta.value.name], meta.value, `${entryPath}/${meta.value.name}`),
          ];
        });
      }
      case "complex": {
        if (!isObject(ours) || !isObject(theirs)) return [mismatch(path, ours, theirs)];
        const layout = complexLayout(this.service, type);
        const names = new Set(layout.fields.map((field) => field.name));
        const differences: Difference[] = Object.keys(theirs)
          .filter((key) => !names.has(key))
          .map((key) => ({
            path: `${path}/${key}`,
            message: `the library read an element ${type} does not have`,
          }));
        for (const field of layout.fields)
          differences.push(
            ...this.field(ours[propOf(field)], theirs[field.name], field, `${path}/${field.name}`),
          );
        return differences;
      }
    }
  }

  private isStringLike(type: string): boolean {
    if (isValueKind(type)) return type === "string";
    const meta = lookupType(this.service, type);
    return meta.kind === "simple" && meta.base === "string";
  }
}

function sameValue(ours: unknown, theirs: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case "int":
    case "long":
    case "double":
    case "decimal": {
      const number = typeof theirs === "string" ? Number(theirs) : theirs;
      return typeof number === "number" && (Object.is(ours, number) || ours === number);
    }
    case "dateTime": {
      const time =
        theirs instanceof Date
          ? theirs.getTime()
          : typeof theirs === "string"
            ? pythonInstant(theirs)
            : undefined;
      return ours instanceof Date && time !== undefined && ours.getTime() === time;
    }
    case "base64":
    case "hex":
      return (
        ours instanceof Uint8Array &&
        typeof theirs === "string" &&
        Buffer.from(theirs, "base64").equals(Buffer.from(ours))
      );
    default:
      return ours === theirs;
  }
}

/**
 * A dictionary key (text in our record) as a value of the key's type, to compare with the library's
 * typed key: a number for a numeric key, a boolean, a Date; "" (the key of an empty text) stays "".
 */
function keyValue(key: string, type: string): unknown {
  if (key === "") return key;
  switch (type) {
    case "int":
    case "long":
    case "double":
    case "decimal":
      return Number(key.replace("INF", "Infinity"));
    case "boolean":
      return key === "true";
    case "dateTime":
      return new Date(key);
    default:
      return key;
  }
}

/** Python's isoformat keeps up to microseconds and writes UTC as `+00:00`; both are valid xs:dateTime. */
function pythonInstant(text: string): number | undefined {
  return instant(text.replace(" ", "T"));
}

/** The item list of a wrapper: none when the library shows no items, otherwise it must be a list. */
function asList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function mismatch(path: string, ours: unknown, theirs: unknown): Difference {
  return { path, message: `ours ${show(ours)}, the library read ${show(theirs)}` };
}
