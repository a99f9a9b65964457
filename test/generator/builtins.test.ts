// The generator's one table of XSD built-in types, checked against the runtime's value kinds.
import { describe, expect, it } from "vitest";
import { builtinMapping, isBuiltinType, type BuiltinKind } from "../../generator/lib/builtins.js";
import type { ValueKind } from "../../templates/runtime/metadata.js";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Checked by `tsc` (npm test): every runtime value kind is some built-in's, and no built-in has another.
const kindsMatch: Same<BuiltinKind, ValueKind> = true;
// @ts-expect-error: the check above can fail.
const kindsDiffer: Same<BuiltinKind, Exclude<ValueKind, "hex">> = true;

/** XML Schema 1.0 Part 2, section 3: the 44 built-in datatypes, and the two ur-types. */
const XSD_BUILTINS =
  "anyType anySimpleType string normalizedString token language Name NCName ID IDREF IDREFS ENTITY " +
  "ENTITIES NMTOKEN NMTOKENS boolean decimal integer nonPositiveInteger negativeInteger long int short " +
  "byte nonNegativeInteger unsignedLong unsignedInt unsignedShort unsignedByte positiveInteger float " +
  "double duration dateTime time date gYearMonth gYear gMonthDay gDay gMonth hexBinary base64Binary " +
  "anyURI QName NOTATION";

describe("built-in types", () => {
  it("maps every XSD built-in and nothing else", () => {
    expect([kindsMatch, kindsDiffer]).toEqual([true, true]);
    const names = XSD_BUILTINS.split(" ");
    expect(names).toHaveLength(46);
    expect(names.filter((name) => !isBuiltinType(name))).toEqual([]);
    for (const other of ["guid", "char", "String", "constructor", "toString", "__proto__", ""])
      expect(isBuiltinType(other), other).toBe(false);
  });

  it("gives each the runtime kind and TypeScript type its values decode to", () => {
    expect(builtinMapping("unsignedShort")).toEqual({ kind: "int", ts: "number" });
    expect(builtinMapping("unsignedLong")).toEqual({ kind: "long", ts: "number" });
    expect(builtinMapping("float")).toEqual({ kind: "double", ts: "number" });
    expect(builtinMapping("dateTime")).toEqual({ kind: "dateTime", ts: "Date" });
    expect(builtinMapping("date")).toEqual({ kind: "date", ts: "string" });
    expect(builtinMapping("base64Binary")).toEqual({ kind: "base64", ts: "Uint8Array" });
    expect(builtinMapping("QName")).toEqual({ kind: "qname", ts: "string" });
    expect(builtinMapping("anyType")).toEqual({ kind: "any", ts: "string | RawXml" });
    expect(builtinMapping("anySimpleType")).toEqual({ kind: "any", ts: "unknown" });
    expect(builtinMapping("gMonthDay")).toEqual({ kind: "string", ts: "string" });
  });
});
