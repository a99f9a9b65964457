/** xs:simpleType: restriction (enumerations), list and union, each resolved to the built-in it is made of. */
import type { XmlElement } from "../load/xml.js";
import { DATACONTRACT_NS } from "../lib/namespaces.js";
import { type QName, type SimpleType, type TypeRef } from "../model.js";
import { appinfo, xsdChildren, xsdDocumentation } from "./annotation.js";
import type { SchemaSource } from "../load/walk.js";
import type { SchemaSet } from "./schema.js";

export function buildSimpleType(
  set: SchemaSet,
  schema: SchemaSource,
  element: XmlElement,
  name: QName,
  anonymous: boolean,
): SimpleType {
  const type: SimpleType = { kind: "simple", name, anonymous, variety: "atomic", builtin: "anySimpleType" };
  const documentation = xsdDocumentation(element);
  if (documentation !== undefined) type.documentation = documentation;
  const actual = appinfo(element, DATACONTRACT_NS, "ActualType");
  const actualName = actual?.attr("Name");
  if (actual && actualName !== undefined)
    type.actualType = { ns: actual.attr("Namespace") ?? "", local: actualName };

  const [derivation, ...extra] = xsdChildren(element);
  if (!derivation || extra.length > 0)
    throw element.error("xs:simpleType must contain exactly one of xs:restriction, xs:list, xs:union");
  switch (derivation.local) {
    case "restriction":
      restriction(set, schema, derivation, type);
      break;
    case "list":
      list(set, schema, derivation, type);
      break;
    case "union":
      union(set, schema, derivation, type);
      break;
    default:
      throw derivation.error(
        `unexpected xs:${derivation.local} in xs:simpleType; expected xs:restriction, xs:list or xs:union`,
      );
  }
  return type;
}

/** A restriction's base (`base=` or an inline simpleType, hoisted as `<Name>Base`). */
export function restrictionBase(
  set: SchemaSet,
  schema: SchemaSource,
  restriction: XmlElement,
  owner: string,
): TypeRef {
  const base = restriction.attr("base");
  const inline = restriction.childrenIn(restriction.ns, "simpleType")[0];
  if (base !== undefined && inline)
    throw restriction.error("xs:restriction has both a base attribute and an inline xs:simpleType");
  if (base !== undefined) return set.typeRef(schema, restriction, base, "base");
  if (inline) return anonymousSimpleType(set, schema, inline, `${owner}Base`);
  throw restriction.error("xs:restriction needs a base attribute or an inline xs:simpleType");
}

/** The enumeration facet values of a restriction, in order (undefined when there are none). */
export function enumeration(restriction: XmlElement): string[] | undefined {
  const values = restriction
    .childrenIn(restriction.ns, "enumeration")
    .map((e) => e.attr("value") ?? e.fail("xs:enumeration needs a value"));
  return values.length > 0 ? values : undefined;
}

export function anonymousSimpleType(
  set: SchemaSet,
  schema: SchemaSource,
  definition: XmlElement,
  hint: string,
): TypeRef {
  return set.hoist(schema, definition, hint, (name) => buildSimpleType(set, schema, definition, name, true));
}

function restriction(set: SchemaSet, schema: SchemaSource, element: XmlElement, type: SimpleType): void {
  const base = restrictionBase(set, schema, element, type.name.local);
  type.base = base;
  type.builtin = set.builtinOf(base, element);
  const values = enumeration(element);
  if (values) type.enumeration = values;
  // Restricting a list or union keeps its variety (e.g. a length facet on a list type).
  const baseType = base.kind === "named" ? set.types.get(base.key) : undefined;
  if (baseType?.kind === "simple" && baseType.variety !== "atomic") {
    type.variety = baseType.variety;
    if (baseType.itemType) type.itemType = baseType.itemType;
    if (baseType.memberTypes) type.memberTypes = baseType.memberTypes;
    if (!values && baseType.enumeration) type.enumeration = baseType.enumeration;
  }
}

function list(set: SchemaSet, schema: SchemaSource, element: XmlElement, type: SimpleType): void {
  const itemTypeName = element.attr("itemType");
  const inline = element.childrenIn(element.ns, "simpleType")[0];
  if ((itemTypeName !== undefined) === (inline !== undefined))
    throw element.error("xs:list needs exactly one of an itemType attribute and an inline xs:simpleType");
  const item =
    itemTypeName !== undefined
      ? set.typeRef(schema, element, itemTypeName, "itemType")
      : anonymousSimpleType(set, schema, inline!, `${type.name.local}Item`);
  type.variety = "list";
  type.itemType = item;
  type.builtin = set.builtinOf(item, element);
  const itemType = item.kind === "named" ? set.types.get(item.key) : undefined;
  if (itemType?.kind === "simple" && itemType.enumeration) type.enumeration = itemType.enumeration;
}

function union(set: SchemaSet, schema: SchemaSource, element: XmlElement, type: SimpleType): void {
  const named = (element.attr("memberTypes") ?? "").split(/\s+/).filter((m) => m !== "");
  const members = named.map((m) => set.typeRef(schema, element, m, "memberTypes"));
  element.childrenIn(element.ns, "simpleType").forEach((inline, i) => {
    members.push(anonymousSimpleType(set, schema, inline, `${type.name.local}Member${i + 1}`));
  });
  if (members.length === 0) throw element.error("xs:union needs memberTypes or inline xs:simpleType members");
  type.variety = "union";
  type.memberTypes = members;
  const builtins = new Set(members.map((m) => set.builtinOf(m, element)));
  type.builtin = builtins.size === 1 ? [...builtins][0]! : "anySimpleType";
}
