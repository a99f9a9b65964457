/** `xs:simpleType` → a type alias: a string-literal union for enumerations, an array for `xs:list`. */
import type { TypeAliasDeclarationStructure } from "ts-morph";
import { StructureKind } from "../lib/ts-morph.js";
import type { SchemaType, SimpleType, TypeRef, TypeKey } from "../model.js";
import { builtinMapping } from "../lib/builtins.js";
import {
  jsDoc,
  stringLiteral,
  tsAlternatives,
  tsArray,
  tsDistinctUnion,
  tsType,
  type TypeExpression,
} from "../lib/ts.js";

/**
 * What this emitter asks of its context: type names and type expressions. The `EmitContext` class gives
 * them, and writes anonymous simple types inline with `simpleTypeExpression`, so importing the class here
 * would make the two modules import each other.
 */
interface TypeNaming {
  type(key: TypeKey): SchemaType;
  typeName(key: TypeKey): string;
  typeExpression(ref: TypeRef): TypeExpression;
}

export function emitSimpleType(
  ctx: TypeNaming,
  key: TypeKey,
  type: SimpleType,
): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: ctx.typeName(key),
    isExported: true,
    docs: jsDoc(type.documentation, wireNote(type)),
    type: simpleTypeText(ctx, type),
  };
}

/** The TypeScript type of a simple type's values. Anonymous simple types are written inline with this. */
export function simpleTypeText(ctx: TypeNaming, type: SimpleType): string {
  return simpleTypeExpression(ctx, type).text;
}

export function simpleTypeExpression(ctx: TypeNaming, type: SimpleType): TypeExpression {
  switch (type.variety) {
    case "list":
      return tsArray(type.itemType ? ctx.typeExpression(type.itemType) : tsType("string"));
    case "union": {
      const members = (type.memberTypes ?? []).map((m) => ctx.typeExpression(m));
      return isStringUnion(ctx, type) && members.length > 0 ? tsDistinctUnion(members) : tsType("string");
    }
    case "atomic": {
      const mapping = builtinMapping(type.builtin);
      if (type.enumeration && type.enumeration.length > 0 && mapping.ts === "string") {
        // Open: a newer server's value decodes as an UnknownEnumValue (see templates/runtime/values.ts).
        const literals = [...new Set(type.enumeration)].map((value) => tsType(stringLiteral(value)));
        return tsDistinctUnion([...literals, tsType("UnknownEnumValue")]);
      }
      if (type.base) return ctx.typeExpression(type.base);
      return tsAlternatives(mapping.ts);
    }
  }
}

/**
 * A union decodes as the text of the value. When every member is string-valued its TypeScript type is the
 * union of the members; a member of another type (a number, a date) would make that a lie, so such a
 * union is typed `string`.
 */
export function isStringUnion(ctx: TypeNaming, type: SimpleType): boolean {
  return (type.memberTypes ?? []).every((member) => {
    if (member.kind === "builtin") return builtinMapping(member.name).kind === "string";
    const memberType = ctx.type(member.key);
    if (memberType.kind !== "simple" || memberType.variety === "list") return false;
    return memberType.variety === "union"
      ? isStringUnion(ctx, memberType)
      : builtinMapping(memberType.builtin).kind === "string";
  });
}

/** The enumeration a union of enumerations allows, or undefined when a member allows any text. */
export function unionEnumeration(ctx: TypeNaming, type: SimpleType): string[] | undefined {
  const values: string[] = [];
  for (const member of type.memberTypes ?? []) {
    const memberType = member.kind === "named" ? ctx.type(member.key) : undefined;
    if (memberType?.kind !== "simple") return undefined;
    const memberValues =
      memberType.variety === "union" ? unionEnumeration(ctx, memberType) : memberType.enumeration;
    if (!memberValues || memberValues.length === 0) return undefined;
    values.push(...memberValues);
  }
  return values.length > 0 ? [...new Set(values)] : undefined;
}

function wireNote(type: SimpleType): string | undefined {
  if (type.variety === "list") return "An `xs:list`: sent as the items separated by spaces (WCF flag enums).";
  if (type.variety === "union") return "An `xs:union`: decoded as the value's text.";
  if (type.actualType) {
    return `Sent as the member names; the service's underlying type is xs:${type.actualType.local}.`;
  }
  return undefined;
}
