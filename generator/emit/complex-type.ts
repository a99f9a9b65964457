/** `xs:complexType` → an interface (or, when it has a choice, an alias of an intersection with a union). */
import type {
  InterfaceDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import { StructureKind } from "../lib/ts-morph.js";
import { qnameKey, type ComplexType, type TypeKey } from "../model.js";
import { propertyKey } from "../lib/names.js";
import {
  jsDoc,
  stringLiteral,
  tsArray,
  tsIntersection,
  tsObject,
  tsType,
  tsUnion,
  type TypeExpression,
} from "../lib/ts.js";
import type { EmitContext } from "./context.js";
import { allProperties, ownShape, type Property, type Shape } from "./content-model.js";

export function emitComplexType(
  ctx: EmitContext,
  key: TypeKey,
  type: ComplexType,
): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const name = ctx.typeName(key);
  const shape = ownShape(ctx, type);
  const base = type.base ? ctx.typeName(qnameKey(type.base)) : undefined;
  const docs = jsDoc(type.documentation, schemaNote(type));
  const discriminator = typeDiscriminator(ctx, key, type);
  if (!ctx.isUnionShaped(type)) {
    return {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs,
      extends: base ? [base] : [],
      properties: [
        ...(discriminator ? [discriminator] : []),
        ...shape.properties.map((p) => propertySignature(ctx, p)),
      ],
    };
  }
  const alias = tsIntersection([
    ...(base ? [tsType(base)] : []),
    ...(discriminator ? [tsObject([`$type?: ${discriminator.type as string};`])] : []),
    shapeExpr(ctx, shape, []),
  ]);
  return { kind: StructureKind.TypeAlias, name, isExported: true, docs, type: alias.text };
}

/** The TypeScript type of one property's value, with `| null` and array-ness applied. */
export function propertyType(ctx: EmitContext, property: Property): string {
  switch (property.kind) {
    case "element":
      return ctx.slotText({ ...property.element, maxOccurs: property.repeated ? "unbounded" : 1 });
    case "attribute":
      return ctx.typeText(property.attribute.type);
    case "any":
      return "string[]";
    case "anyAttribute":
      return "Record<string, string>";
    case "text":
      return ctx.typeText(property.type);
    case "ordered":
      return tsArray(
        tsUnion([
          ...(property.text ? [tsType("string")] : []),
          ...property.items.map(({ key, element }) =>
            tsObject([`${propertyKey(key)}: ${ctx.slotText(element, false)};`]),
          ),
        ]),
      ).text;
  }
}

function propertySignature(ctx: EmitContext, property: Property): OptionalKind<PropertySignatureStructure> {
  const docs = jsDoc(propertyDocs(property));
  return {
    name: propertyKey(property.prop),
    type: propertyType(ctx, property),
    hasQuestionToken: isOptional(property),
    docs,
  };
}

const PROPERTY_DOCS: Partial<Record<Property["kind"], string>> = {
  any: "Elements the schema leaves open (`xs:any`), as raw XML.",
  text: "The element's text content (`xs:simpleContent`).",
  anyAttribute:
    "Undeclared attributes (`xs:anyAttribute`) by name: `local`, or `{namespace}local` if qualified.",
};

function propertyDocs(property: Property): string | undefined {
  if (property.kind === "element") return property.element.documentation;
  if (property.kind === "text" && property.mixed)
    return "The element's text (mixed content without elements).";
  if (property.kind !== "ordered") return PROPERTY_DOCS[property.kind];
  return property.text
    ? "The mixed content in document order: a string per run of text, `{ Element: value }` per element."
    : "The choice's elements in document order, `{ Element: value }` each.";
}

function isOptional(property: Property): boolean {
  return (
    property.kind === "any" ||
    property.kind === "anyAttribute" ||
    ((property.kind === "element" || property.kind === "attribute" || property.kind === "ordered") &&
      property.optional)
  );
}

/**
 * An object type for a shape: its properties, intersected with one union per choice. In each branch the
 * other branches' properties are `?: never`, so a value cannot mix alternatives.
 */
function shapeExpr(ctx: EmitContext, shape: Shape, excluded: string[]): TypeExpression {
  // `$any` can sit in several branches: a branch never excludes a property it has itself, nor one twice.
  const own = new Set(allProperties(shape).map((p) => p.prop));
  const members = [
    ...shape.properties.map(
      (p) => `${propertyKey(p.prop)}${isOptional(p) ? "?" : ""}: ${propertyType(ctx, p)};`,
    ),
    ...[...new Set(excluded)].filter((prop) => !own.has(prop)).map((prop) => `${propertyKey(prop)}?: never;`),
  ];
  const unions = shape.choices.map((branches) =>
    tsUnion(
      branches.map((branch, i) => {
        const others = branches.flatMap((other, j) =>
          j === i ? [] : allProperties(other).map((p) => p.prop),
        );
        return shapeExpr(ctx, branch, others);
      }),
    ),
  );
  // An empty object adds nothing to an intersection: a bare choice is just its union.
  return tsIntersection(members.length === 0 && unions.length > 0 ? unions : [tsObject(members), ...unions]);
}

const MAX_LISTED_DESCENDANTS = 64;

/**
 * A type in an extension hierarchy gets `$type`: the name of the value's actual type, this one or one
 * derived from it. Decoding sets it from `xsi:type`; encoding sends `xsi:type` when it names a derived type.
 */
function typeDiscriminator(
  ctx: EmitContext,
  key: TypeKey,
  type: ComplexType,
): OptionalKind<PropertySignatureStructure> | undefined {
  if (!type.base && ctx.derivedTypes(key).length === 0) return undefined;
  // No `xsi:type` can name an anonymous type: one that extends a named type takes no `$type` of its own
  // (its base's would otherwise apply), and none is listed in its base's.
  if (type.anonymous) {
    return {
      name: "$type",
      type: "never",
      hasQuestionToken: true,
      docs: jsDoc("An anonymous type, which no `xsi:type` can name."),
    };
  }
  const lineage = new Set<TypeKey>();
  const visit = (k: TypeKey): void => {
    if (lineage.has(k)) return;
    lineage.add(k);
    ctx.derivedTypes(k).forEach(visit);
  };
  visit(key);
  const named = [...lineage].filter((k) => !ctx.type(k).anonymous);
  return {
    name: "$type",
    // Listing every descendant of every type grows with the square of a deep chain's length.
    type:
      named.length > MAX_LISTED_DESCENDANTS
        ? "string"
        : named.map((k) => stringLiteral(ctx.typeName(k))).join(" | "),
    hasQuestionToken: true,
    docs: jsDoc("This type or a derived one, read from and sent as `xsi:type`."),
  };
}

function schemaNote(type: ComplexType): string | undefined {
  return type.abstract ? "Abstract in the schema: values are of a derived type." : undefined;
}
