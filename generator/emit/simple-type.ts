/** `xs:simpleType` → a type alias: a string-literal union for enumerations, an array for `xs:list`. */
import { StructureKind, type TypeAliasDeclarationStructure } from "ts-morph";
import type { SimpleType } from "../model.js";
import { builtinMapping } from "../lib/builtins.js";
import { jsDoc, stringLiteral } from "../lib/ts.js";
import { arrayOf, type EmitContext } from "./context.js";

export function emitSimpleType(
  ctx: EmitContext,
  key: string,
  type: SimpleType,
): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: ctx.typeName(key),
    isExported: true,
    docs: jsDoc(type.documentation, wireNote(type)),
    type: simpleTypeExpr(ctx, type),
  };
}

/** The TypeScript type of a simple type's values. Anonymous simple types are written inline with this. */
export function simpleTypeExpr(ctx: EmitContext, type: SimpleType): string {
  switch (type.variety) {
    case "list":
      return arrayOf(type.itemType ? ctx.typeExpr(type.itemType) : "string");
    case "union": {
      const members = [...new Set((type.memberTypes ?? []).map((m) => ctx.typeExpr(m)))];
      return members.length > 0 ? members.join(" | ") : "string";
    }
    case "atomic": {
      const mapping = builtinMapping(type.builtin);
      if (type.enumeration && type.enumeration.length > 0 && mapping?.ts === "string") {
        return [...new Set(type.enumeration)].map(stringLiteral).join(" | ");
      }
      return type.base ? ctx.typeExpr(type.base) : (mapping?.ts ?? "string");
    }
  }
}

function wireNote(type: SimpleType): string | undefined {
  if (type.variety === "list") return "An `xs:list`: sent as the items separated by spaces (WCF flag enums).";
  if (type.actualType) {
    return `Sent as the member names; the service's underlying type is xs:${type.actualType.local}.`;
  }
  return undefined;
}
