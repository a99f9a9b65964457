import type {
  ComplexMeta,
  FieldEntry,
  ServiceMeta,
  TypeMeta,
  ValueKind,
} from "../../generated/customer-service/index.js";
import { getOperation } from "../../generated/customer-service/runtime/envelope.js";

/** Text that needs escaping and is not ASCII, so every string also tests the servers' XML text handling. */
const TEXT_SUFFIX = ' <&> "æøå"';
/** A dateTime with milliseconds; each value gets its own second so swapped fields show. */
const BASE_INSTANT = Date.UTC(2024, 1, 29, 23, 59, 0, 123);

/**
 * Builds a request value with every element of its type populated, read from the generated runtime
 * tables (`tables.ts`): base-type fields included, two items per array and repeated element, three
 * entries per dictionary, two values per flag list, enumerations at their second value. Values are
 * distinct (a counter) so an element read into the wrong field is caught. A type reached again inside
 * itself (`SoExceptionInfo.InnerException`) is written once more as `null` (or left out when not
 * nillable), which is the only way such a value ends.
 */
export class ValueBuilder {
  readonly #service: ServiceMeta;
  #counter = 0;

  constructor(service: ServiceMeta) {
    this.#service = service;
  }

  /** A fully populated value of the type with this key in `service.types`. */
  value(typeKey: string): unknown {
    return this.#typed(typeKey, []);
  }

  /** Fully populated header blocks of an operation's input message, by property. */
  headers(operation: string): Record<string, unknown> {
    const meta = getOperation(this.#service, operation);
    return this.#fields(meta.input.headers, []);
  }

  /** The fully populated body of an operation's input (its wrapper element's content). */
  request(operation: string): Record<string, unknown> {
    const meta = getOperation(this.#service, operation);
    const [part] = meta.input.body;
    if (!meta.input.unwrapped || part === undefined || meta.input.body.length !== 1)
      throw new Error(`${operation}: only document/literal wrapped inputs are built`);
    return this.#typed(part.type, []) as Record<string, unknown>;
  }

  #fields(fields: readonly FieldEntry[], open: readonly string[]): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const field of fields) {
      const value = this.#field(field, open);
      if (value !== undefined) object[field.prop ?? field.name] = value;
    }
    return object;
  }

  #field(field: FieldEntry, open: readonly string[]): unknown {
    if (open.includes(field.type)) return field.nillable ? null : undefined;
    if (field.repeated) return [this.#typed(field.type, open), this.#typed(field.type, open)];
    return this.#typed(field.type, open);
  }

  #typed(type: string, open: readonly string[]): unknown {
    const meta: TypeMeta | undefined = this.#service.types[type];
    if (meta === undefined) return this.#leaf(type as ValueKind, type);
    const inside = [...open, type];
    switch (meta.kind) {
      case "complex":
        return this.#fields(this.#lineage(meta), inside);
      case "array": {
        const item = { ...meta.item, repeated: false };
        return [this.#field(item, inside), this.#field(item, inside)];
      }
      case "dictionary": {
        const entries: Record<string, unknown> = {};
        for (let i = 0; i < 3; i++)
          entries[`${meta.xmlName}Key${++this.#counter}`] = this.#field(meta.value, inside);
        return entries;
      }
      case "simple":
        if (meta.enumeration === undefined) return this.#leaf(meta.base, meta.xmlName);
        return meta.enumeration[Math.min(1, meta.enumeration.length - 1)];
      case "list": {
        const item = this.#service.types[meta.item];
        if (item?.kind !== "simple" || item.enumeration === undefined)
          return [this.#leaf(meta.item as ValueKind, meta.xmlName)];
        // Two values in declaration order: WCF writes a flag mask in that order, so an echo keeps it.
        return item.enumeration.slice(0, 2);
      }
    }
  }

  /** Base fields first, as on the wire. */
  #lineage(meta: ComplexMeta): FieldEntry[] {
    if (meta.base === undefined) return [...meta.fields];
    const base = this.#service.types[meta.base];
    if (base?.kind !== "complex") throw new Error(`${meta.xmlName}: base ${meta.base} is not a complex type`);
    return [...this.#lineage(base), ...meta.fields];
  }

  #leaf(kind: ValueKind, name: string): unknown {
    const n = ++this.#counter;
    switch (kind) {
      case "string":
        return `${name}${n}${TEXT_SUFFIX}`;
      case "boolean":
        return n % 2 === 1;
      case "int":
        return 1000 + n;
      case "long":
        return 2 ** 40 + n;
      case "double":
      case "decimal":
        return n + 0.25;
      case "dateTime":
        return new Date(BASE_INSTANT + n * 1000);
      case "duration":
        return `PT${n}S`;
      case "base64":
      case "hex":
        return new Uint8Array([n & 0xff, 0, 0xff]);
      default:
        throw new Error(`${name}: no populated value for ${kind}`);
    }
  }
}
