import type { ValueKind } from "../../templates/runtime/metadata.js";

/** How each XSD built-in type is represented: its runtime value kind and its TypeScript type. */
export interface BuiltinMapping {
  kind: ValueKind;
  ts: string;
}

const STRING: BuiltinMapping = { kind: "string", ts: "string" };
const INT: BuiltinMapping = { kind: "int", ts: "number" };
const LONG: BuiltinMapping = { kind: "long", ts: "number" };

const BUILTINS: Record<string, BuiltinMapping> = {
  string: STRING,
  normalizedString: STRING,
  token: STRING,
  language: STRING,
  Name: STRING,
  NCName: STRING,
  ID: STRING,
  IDREF: STRING,
  IDREFS: STRING,
  ENTITY: STRING,
  ENTITIES: STRING,
  NMTOKEN: STRING,
  NMTOKENS: STRING,
  NOTATION: STRING,
  anyURI: STRING,
  gYear: STRING,
  gYearMonth: STRING,
  gMonth: STRING,
  gMonthDay: STRING,
  gDay: STRING,
  QName: { kind: "qname", ts: "string" },
  boolean: { kind: "boolean", ts: "boolean" },
  int: INT,
  short: INT,
  byte: INT,
  unsignedInt: INT,
  unsignedShort: INT,
  unsignedByte: INT,
  long: LONG,
  unsignedLong: LONG,
  integer: LONG,
  nonNegativeInteger: LONG,
  positiveInteger: LONG,
  nonPositiveInteger: LONG,
  negativeInteger: LONG,
  float: { kind: "double", ts: "number" },
  double: { kind: "double", ts: "number" },
  decimal: { kind: "decimal", ts: "number" },
  dateTime: { kind: "dateTime", ts: "Date" },
  date: { kind: "date", ts: "string" },
  time: { kind: "time", ts: "string" },
  duration: { kind: "duration", ts: "string" },
  base64Binary: { kind: "base64", ts: "Uint8Array" },
  hexBinary: { kind: "hex", ts: "Uint8Array" },
  // Decoded as its text, or as RawXml when it has child elements; sent the same way.
  anyType: { kind: "any", ts: "string | RawXml" },
  anySimpleType: { kind: "any", ts: "unknown" },
};

export function builtinMapping(name: string): BuiltinMapping | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}
