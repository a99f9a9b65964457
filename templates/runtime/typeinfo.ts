/**
 * Lookups the encoder and decoder share over the generated tables (typed by metadata.ts): types by key or
 * XML name, a complex type flattened along its base chain, value kinds.
 */
import type {
  AttributeMeta,
  ChoiceMeta,
  ComplexMeta,
  FieldMeta,
  GroupMeta,
  ServiceMeta,
  TypeMeta,
  ValueKind,
} from "./metadata.js";

const VALUE_KINDS: ReadonlySet<string> = new Set<ValueKind>([
  "string",
  "boolean",
  "int",
  "long",
  "double",
  "decimal",
  "dateTime",
  "date",
  "time",
  "duration",
  "base64",
  "hex",
  "qname",
  "any",
]);

/** The TypeScript property a field or attribute is read from and written to. */
export function propOf(slot: FieldMeta | AttributeMeta): string {
  return slot.prop ?? slot.name;
}

export function isValueKind(type: string): type is ValueKind {
  return VALUE_KINDS.has(type);
}

/** A complex type flattened along its base chain, computed once per type. */
export interface ComplexLayout {
  /** Base fields first, then own fields, in schema order. */
  readonly fields: readonly FieldMeta[];
  readonly attributes: readonly AttributeMeta[];
  readonly text: string | undefined;
  readonly any: boolean;
  /** `xs:anyAttribute` somewhere in the chain: undeclared attributes go to `$attributes`. */
  readonly anyAttribute: boolean;
  /** Ordered groups (repeated choices, mixed content) by property name. */
  readonly groups: ReadonlyMap<string, GroupMeta>;
  /** Some group is mixed content: text between the elements is content, not an error. */
  readonly mixed: boolean;
  readonly choices: readonly ChoiceMeta[];
  /** Properties of the choices' branches: a repeated one is absent rather than `[]` when empty. */
  readonly choiceProps: ReadonlySet<string>;
  /** Every property a value of this type may have. */
  readonly props: ReadonlySet<string>;
  /** Type keys of this type and its bases. */
  readonly lineage: ReadonlySet<string>;
}

interface ServiceIndex {
  readonly layouts: Map<string, ComplexLayout>;
  /** `{ns}local` → type key, for `xsi:type`. */
  readonly byXmlName: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<ServiceMeta, ServiceIndex>();

function indexOf(service: ServiceMeta): ServiceIndex {
  let index = indexes.get(service);
  if (index === undefined) {
    const byXmlName = new Map<string, string>();
    for (const [key, type] of Object.entries(service.types))
      if (type.xmlName !== undefined) byXmlName.set(`{${type.xmlNs}}${type.xmlName}`, key);
    index = { layouts: new Map(), byXmlName };
    indexes.set(service, index);
  }
  return index;
}

/** The metadata is generated, so a dangling type key is a generator bug, reported as such. */
export function lookupType(service: ServiceMeta, key: string): TypeMeta {
  const type = Object.hasOwn(service.types, key) ? service.types[key] : undefined;
  if (type === undefined) throw new Error(`soapgen metadata: unknown type "${key}"`);
  return type;
}

export function typeKeyByXmlName(service: ServiceMeta, ns: string, local: string): string | undefined {
  return indexOf(service).byXmlName.get(`{${ns}}${local}`);
}

export function complexLayout(service: ServiceMeta, key: string): ComplexLayout {
  const layouts = indexOf(service).layouts;
  let layout = layouts.get(key);
  if (layout === undefined) {
    const chain: ComplexMeta[] = [];
    const lineage = new Set<string>();
    for (let k: string | undefined = key; k !== undefined;) {
      if (lineage.has(k)) throw new Error(`soapgen metadata: circular base chain at "${k}"`);
      const type = lookupType(service, k);
      if (type.kind !== "complex") throw new Error(`soapgen metadata: "${k}" is not a complex type`);
      lineage.add(k);
      chain.unshift(type);
      k = type.base;
    }
    const fields = chain.flatMap((type) =>
      type.fields.map((field): FieldMeta => ({ ...field, ns: field.ns ?? type.xmlNs })),
    );
    const attributes = chain.flatMap((type) => type.attributes ?? []);
    let text: string | undefined;
    for (const type of chain) text = type.text ?? text;
    const any = chain.some((type) => type.any === true);
    const groups = new Map(chain.flatMap((type) => Object.entries(type.groups ?? {})));
    const mixed = [...groups.values()].some((group) => group.text === true);
    // `$type` names a derived type to send (`xsi:type`); the encoder checks it against the lineage.
    // A grouped field is an item's key inside its group's array, not a property of the object.
    const props = new Set([
      "$type",
      ...fields.filter((field) => field.group === undefined).map((field) => propOf(field)),
      ...attributes.map((attribute) => propOf(attribute)),
      ...groups.keys(),
    ]);
    if (text !== undefined) props.add("$value");
    if (any) props.add("$any");
    const anyAttribute = chain.some((type) => type.anyAttribute === true);
    if (anyAttribute) props.add("$attributes");
    const choices = chain.flatMap((type) => type.choices ?? []);
    const choiceProps = new Set(choices.flatMap((choice) => choice.props));
    layout = {
      fields,
      attributes,
      text,
      any,
      anyAttribute,
      groups,
      mixed,
      choices,
      choiceProps,
      props,
      lineage,
    };
    layouts.set(key, layout);
  }
  return layout;
}

/** The elements of a choice's branches, for a message: `<A>, <B>`. */
export function describeChoice(choice: ChoiceMeta, layout: ComplexLayout): string {
  return choice.props
    .map((prop) => {
      const field = layout.fields.find((f) => propOf(f) === prop && f.group === undefined);
      return field === undefined ? prop : `<${field.name}>`;
    })
    .join(", ");
}
