import fc from "fast-check";
import type {
  ComplexMeta,
  FieldEntry,
  ServiceMeta,
  TypeMeta,
  ValueKind,
} from "../../generated/customer-service/index.js";
import { getOperation } from "../../generated/customer-service/runtime/envelope.js";

/**
 * fast-check arbitraries for the values of a service's messages, read from its runtime tables
 * (`tables.ts`): every optional element present or absent, every nillable one sometimes `null`, arrays
 * and repeated elements of zero to three items, dictionaries of up to three entries, every enumeration
 * value and flag combination, strings of any XML character (markup, `\r`, non-ASCII, astral). A type
 * reached again inside itself (`SoExceptionInfo.InnerException`) is `null` or absent there, which is the
 * only way such a value ends.
 */
export class ValueArbitraries {
  readonly #service: ServiceMeta;

  constructor(service: ServiceMeta) {
    this.#service = service;
  }

  /** The body of an operation's input or output message, as the generated client types it. */
  body(operation: string, direction: "input" | "output"): fc.Arbitrary<Record<string, unknown>> {
    const message = this.#message(operation, direction);
    const [part] = message.body;
    if (message.unwrapped && part !== undefined)
      return this.#typed(part.type, []) as fc.Arbitrary<Record<string, unknown>>;
    return this.#fields(message.body, []);
  }

  /** The header blocks of an operation's message, by property. */
  headers(operation: string, direction: "input" | "output"): fc.Arbitrary<Record<string, unknown>> {
    return this.#fields(
      this.#message(operation, direction).headers.map((field) => ({ ...field, optional: true })),
      [],
    );
  }

  #message(operation: string, direction: "input" | "output") {
    const meta = getOperation(this.#service, operation);
    const message = direction === "input" ? meta.input : meta.output;
    if (message === undefined) throw new Error(`${operation} has no ${direction}`);
    return message;
  }

  #fields(fields: readonly FieldEntry[], open: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const field of fields) {
      const prop = field.prop ?? field.name;
      model[prop] = this.#field(field, open);
      if (!field.optional) required.push(prop);
    }
    return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  }

  #field(field: FieldEntry, open: readonly string[]): fc.Arbitrary<unknown> {
    if (open.includes(field.type)) return fc.constant(field.nillable ? null : undefined);
    const one = field.nillable
      ? fc.oneof(
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 4, arbitrary: this.#typed(field.type, open) },
        )
      : this.#typed(field.type, open);
    return field.repeated ? fc.array(one, { minLength: field.optional ? 0 : 1, maxLength: 3 }) : one;
  }

  #typed(type: string, open: readonly string[]): fc.Arbitrary<unknown> {
    const meta: TypeMeta | undefined = this.#service.types[type];
    if (meta === undefined) return leaf(type as ValueKind);
    const inside = [...open, type];
    switch (meta.kind) {
      case "complex":
        return this.#fields(this.#lineage(meta), inside);
      case "array":
        return fc.array(this.#field({ ...meta.item, repeated: false }, inside), { maxLength: 3 });
      case "dictionary":
        return fc.dictionary(
          fc.string({ unit: xmlCharacter(), maxLength: 8 }),
          this.#field(meta.value, inside),
          {
            maxKeys: 3,
            noNullPrototype: true,
          },
        );
      case "simple":
        return meta.enumeration === undefined ? leaf(meta.base) : fc.constantFrom(...meta.enumeration);
      case "list": {
        const item = this.#service.types[meta.item];
        if (item?.kind !== "simple" || item.enumeration === undefined)
          return fc.array(leaf(meta.item as ValueKind));
        // A flag mask: any set of the flags, in declaration order (as WCF writes it).
        return fc.subarray([...item.enumeration]);
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
}

/** Any character XML 1.0 can carry, favouring the ones that need escaping. */
function xmlCharacter(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("<", ">", "&", '"', "'", "\r", "\n", "\t", " ", "æ", "\u{1F600}"),
    fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 1 })
      .filter((c) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(c)),
  );
}

function leaf(kind: ValueKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case "string":
      return fc.string({ unit: xmlCharacter(), maxLength: 12 });
    case "boolean":
      return fc.boolean();
    case "int":
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case "long":
      return fc.maxSafeInteger();
    case "double":
      return fc.double();
    case "decimal":
      return fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((cents) => cents / 100);
    case "dateTime":
      return fc.date({
        min: new Date("0001-01-01T00:00:00.000Z"),
        max: new Date("9999-12-31T23:59:59.999Z"),
        noInvalidDate: true,
      });
    case "duration":
      return fc.nat({ max: 10 ** 6 }).map((seconds) => `PT${seconds}S`);
    case "base64":
    case "hex":
      return fc.uint8Array({ maxLength: 8 });
    default:
      throw new Error(`no arbitrary for value kind ${kind}`);
  }
}
