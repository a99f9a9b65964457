/**
 * The XSD 1.0 built-in types (Part 2, section 3) and anyType: the one list of them, grouped by how their
 * values are represented. `kind` is the runtime's value kind (`ValueKind` in
 * templates/runtime/metadata.ts, which the generated tables are typed with, so a kind the runtime does
 * not know does not compile there; test/generator/builtins.test.ts checks the other direction), `ts` the
 * TypeScript type.
 */
const GROUPS = [
  {
    kind: "string",
    ts: "string",
    names: [
      "string",
      "normalizedString",
      "token",
      "language",
      "Name",
      "NCName",
      "ID",
      "IDREF",
      "IDREFS",
      "ENTITY",
      "ENTITIES",
      "NMTOKEN",
      "NMTOKENS",
      "NOTATION",
      "anyURI",
      "gYear",
      "gYearMonth",
      "gMonth",
      "gMonthDay",
      "gDay",
    ],
  },
  { kind: "qname", ts: "string", names: ["QName"] },
  { kind: "boolean", ts: "boolean", names: ["boolean"] },
  {
    kind: "int",
    ts: "number",
    names: ["int", "short", "byte", "unsignedInt", "unsignedShort", "unsignedByte"],
  },
  {
    kind: "long",
    ts: "number",
    names: [
      "long",
      "unsignedLong",
      "integer",
      "nonNegativeInteger",
      "positiveInteger",
      "nonPositiveInteger",
      "negativeInteger",
    ],
  },
  { kind: "double", ts: "number", names: ["float", "double"] },
  { kind: "decimal", ts: "number", names: ["decimal"] },
  { kind: "dateTime", ts: "Date", names: ["dateTime"] },
  { kind: "date", ts: "string", names: ["date"] },
  { kind: "time", ts: "string", names: ["time"] },
  { kind: "duration", ts: "string", names: ["duration"] },
  { kind: "base64", ts: "Uint8Array", names: ["base64Binary"] },
  { kind: "hex", ts: "Uint8Array", names: ["hexBinary"] },
  // Decoded as its text, or as RawXml when it has child elements; sent the same way.
  { kind: "any", ts: "string | RawXml", names: ["anyType"] },
  { kind: "any", ts: "unknown", names: ["anySimpleType"] },
] as const;

/** The value kinds the built-ins map to. */
export type BuiltinKind = (typeof GROUPS)[number]["kind"];

/** How an XSD built-in type is represented: its runtime value kind and its TypeScript type. */
export interface BuiltinMapping {
  readonly kind: BuiltinKind;
  readonly ts: string;
}

/** The local name of an XSD built-in type. */
export type BuiltinName = (typeof GROUPS)[number]["names"][number];

const BUILTINS: ReadonlyMap<BuiltinName, BuiltinMapping> = new Map(
  GROUPS.flatMap(({ kind, ts, names }) => names.map((name) => [name, { kind, ts }] as const)),
);

/** Every value kind: a table names a leaf by its kind and a type by its TypeScript name, so no type may take one. */
export const VALUE_KINDS: readonly BuiltinKind[] = [...new Set(GROUPS.map((group) => group.kind))];

/** The local names of the built-in types. */
export const BUILTIN_NAMES: readonly BuiltinName[] = [...BUILTINS.keys()];

/** The mapping of the built-in type `name` (every one has one). */
export function builtinMapping(name: BuiltinName): BuiltinMapping {
  return BUILTINS.get(name)!;
}

/** Is `local` an XML Schema built-in type (in the XSD namespace)? */
export function isBuiltinType(local: string): local is BuiltinName {
  const byName: ReadonlyMap<string, BuiltinMapping> = BUILTINS;
  return byName.has(local);
}
