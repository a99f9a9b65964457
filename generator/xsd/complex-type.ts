/**
 * xs:complexType: content model, attributes, complexContent extension/restriction, simpleContent and
 * mixed content. A type's own content and attributes only: an extension's base is referenced, not merged.
 */
import type { XmlElement } from "../load/xml.js";
import { DATACONTRACT_NS } from "../lib/namespaces.js";
import { qnameKey, type ComplexType, type QName, type QNameKey } from "../model.js";
import { appinfo, xsdChildren, xsdDocumentation } from "./annotation.js";
import { collectAttributes, type Attributes } from "./attributes.js";
import { groupParticle, isModelGroup } from "./group.js";
import type { SchemaSource } from "../load/walk.js";
import type { SchemaSet } from "./schema.js";
import { enumeration, restrictionBase } from "./simple-type.js";

export function buildComplexType(
  set: SchemaSet,
  schema: SchemaSource,
  element: XmlElement,
  name: QName,
  anonymous: boolean,
): ComplexType {
  const type: ComplexType = {
    kind: "complex",
    name,
    anonymous,
    abstract: element.attr("abstract") === "true",
    mixed: element.attr("mixed") === "true",
    attributes: [],
    anyAttribute: false,
  };
  const documentation = xsdDocumentation(element);
  if (documentation !== undefined) type.documentation = documentation;
  if (appinfo(element, DATACONTRACT_NS, "IsDictionary")?.text.trim() === "true") type.isDictionary = true;

  const children = xsdChildren(element);
  const first = children[0];
  if (first && (first.local === "complexContent" || first.local === "simpleContent")) {
    if (children.length > 1)
      throw children[1]!.error(`unexpected xs:${children[1]!.local} after xs:${first.local}`);
    if (first.local === "complexContent") complexContent(set, schema, first, type);
    else simpleContent(set, schema, first, type);
  } else ownContent(set, schema, element, type);
  return type;
}

/** The children of a complexType or of its extension/restriction: one model group, then attributes. */
function ownContent(set: SchemaSet, schema: SchemaSource, parent: XmlElement, type: ComplexType): void {
  for (const child of xsdChildren(parent)) {
    if (isModelGroup(child)) {
      if (type.content)
        throw child.error(`a second content model (xs:${child.local}); a complex type has at most one`);
      type.content = groupParticle(set, schema, child, type.name.local);
    } else if (
      child.local !== "attribute" &&
      child.local !== "attributeGroup" &&
      child.local !== "anyAttribute"
    ) {
      throw child.error(`unexpected xs:${child.local} in ${parent.tag}`);
    }
  }
  addAttributes(type, collectAttributes(set, schema, parent, type.name.local));
}

function addAttributes(type: ComplexType, found: Attributes): void {
  type.attributes.push(...found.attributes);
  type.anyAttribute ||= found.anyAttribute;
}

function derivation(content: XmlElement): XmlElement {
  const [derived, ...extra] = xsdChildren(content);
  if (!derived || extra.length > 0 || (derived.local !== "extension" && derived.local !== "restriction")) {
    throw content.error(`xs:${content.local} must contain exactly one xs:extension or xs:restriction`);
  }
  return derived;
}

function complexContent(set: SchemaSet, schema: SchemaSource, content: XmlElement, type: ComplexType): void {
  const mixed = content.attr("mixed");
  if (mixed !== undefined) type.mixed = mixed === "true";
  const derived = derivation(content);
  const baseName = derived.attr("base");
  if (baseName === undefined) throw derived.error(`xs:${derived.local} needs a base attribute`);
  const base = set.typeRef(schema, derived, baseName, "base");
  // Restriction restates the content, and extending anyType adds nothing: only a real extension has a base.
  if (derived.local === "extension" && base.kind === "named") {
    if (set.global("type", base.key)!.element.local !== "complexType")
      throw derived.error(`complexContent base '${baseName}' is a simple type; expected a complex type`);
    const baseQName = set.qname(schema, derived, baseName, "base");
    checkExtensionChain(set, type, qnameKey(baseQName), derived);
    type.base = baseQName;
  }
  ownContent(set, schema, derived, type);
}

/**
 * Follows the complexContent extension bases up from `baseKey`: a chain that comes back to a type on it
 * would make every consumer of the model (inherited properties, wire layout) loop forever.
 */
function checkExtensionChain(set: SchemaSet, type: ComplexType, baseKey: QNameKey, at: XmlElement): void {
  const chain = [qnameKey(type.name)];
  for (let key: QNameKey | undefined = baseKey; key !== undefined;) {
    if (chain.includes(key)) throw at.error(`circular type derivation: ${[...chain, key].join(" extends ")}`);
    chain.push(key);
    const global = set.globals.type.get(key);
    const content = global && xsdChildren(global.element)[0];
    const extension = content?.local === "complexContent" ? xsdChildren(content)[0] : undefined;
    const next = extension?.local === "extension" ? extension.attr("base") : undefined;
    key =
      next === undefined || global === undefined
        ? undefined
        : qnameKey(set.qname(global.schema, extension!, next, "base"));
  }
}

/**
 * simpleContent: text of a simple type plus attributes. A complex base (a type that itself has simple
 * content) is kept as `base` so its attributes are inherited; the value type is then the base's.
 */
function simpleContent(set: SchemaSet, schema: SchemaSource, content: XmlElement, type: ComplexType): void {
  const derived = derivation(content);
  const baseRef = restrictionBase(set, schema, derived, type.name.local);
  let valueType = baseRef;
  if (baseRef.kind === "named") {
    const baseType = set.namedType(baseRef.key);
    if (baseType.kind === "complex") {
      if (!baseType.simpleContent)
        throw derived.error(`simpleContent base ${baseRef.key} is a complex type without simple content`);
      valueType = baseType.simpleContent;
      type.base = baseType.name;
    }
  }
  const values = derived.local === "restriction" ? enumeration(derived) : undefined;
  if (values) {
    // Facets on the value (an enumerated text content): a hoisted simple type restricting the base's value.
    const restricted = valueType;
    type.simpleContent = set.hoist(schema, derived, `${type.name.local}Value`, (name) => ({
      kind: "simple",
      name,
      anonymous: true,
      variety: "atomic",
      base: restricted,
      builtin: set.builtinOf(restricted, derived),
      enumeration: values,
    }));
  } else type.simpleContent = valueType;
  for (const child of xsdChildren(derived)) {
    if (isModelGroup(child)) throw child.error(`xs:${child.local} is not allowed in simpleContent`);
  }
  addAttributes(type, collectAttributes(set, schema, derived, type.name.local));
}
