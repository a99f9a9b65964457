/** xs:element: global declarations, local declarations and `ref=` uses, as the model's elements and particles. */
import type { XmlElement } from "../load/xml.js";
import {
  qnameKey,
  type ElementDecl,
  type ElementParticle,
  type QName,
  type TypeRef,
  type QNameKey,
} from "../model.js";
import { xsdDocumentation } from "./annotation.js";
import { occurs } from "./occurs.js";
import type { SchemaSource } from "../load/walk.js";
import { ANY_TYPE, elementOwner, type SchemaSet } from "./schema.js";
import { anonymousSimpleType } from "./simple-type.js";

/** The global element `key`, built on first use (element refs need its type and nillability). */
export function globalElement(set: SchemaSet, key: QNameKey): ElementDecl {
  const done = set.elements.get(key);
  if (done) return done;
  const { element, schema } = set.globals.element.get(key)!;
  const name = { ns: schema.targetNamespace, local: element.attr("name")! };
  // An element whose anonymous type refers back to it re-enters here; the hoisted type's name is
  // reserved before its content is built, so the inner call returns at once with the same answer.
  const decl = set.asOwner(elementOwner(key), (): ElementDecl => {
    const result: ElementDecl = {
      name,
      type: elementType(set, schema, element, name.local),
      nillable: element.attr("nillable") === "true",
      abstract: element.attr("abstract") === "true",
    };
    const head = element.attr("substitutionGroup");
    if (head !== undefined) {
      const headName = set.qname(schema, element, head, "substitutionGroup");
      const headKey = qnameKey(headName);
      if (!set.globals.element.has(headKey))
        throw element.error(`substitutionGroup: element ${headKey} is not defined`);
      result.substitutionGroup = headName;
      // An element without a type of its own has its substitution group head's type.
      if (!hasOwnType(element)) result.type = globalElement(set, headKey).type;
    }
    const documentation = xsdDocumentation(element);
    if (documentation !== undefined) result.documentation = documentation;
    return result;
  });
  set.elements.set(key, decl);
  return decl;
}

/** A local element declaration or an element ref inside a content model. `owner` names anonymous types. */
export function elementParticle(
  set: SchemaSet,
  schema: SchemaSource,
  element: XmlElement,
  owner: string,
): ElementParticle {
  const ref = element.attr("ref");
  let particle: ElementParticle;
  if (ref !== undefined) {
    const global = set.lookup("element", schema, element, ref, "ref");
    const decl = globalElement(
      set,
      qnameKey({ ns: global.schema.targetNamespace, local: global.element.attr("name")! }),
    );
    particle = {
      kind: "element",
      name: decl.name,
      type: decl.type,
      nillable: decl.nillable,
      ...occurs(element),
    };
    const substitutes = substitutionGroup(set, qnameKey(decl.name));
    if (substitutes.length > 0) particle.substitutes = substitutes;
    const documentation = xsdDocumentation(element) ?? decl.documentation;
    if (documentation !== undefined) particle.documentation = documentation;
    return particle;
  }
  const local = element.attr("name");
  if (local === undefined) throw element.error("a local xs:element needs a name or a ref attribute");
  const form = element.attr("form") ?? schema.element.attr("elementFormDefault") ?? "unqualified";
  const name: QName = { ns: form === "qualified" ? schema.targetNamespace : "", local };
  // `<Owner><Element>`, unless the element name already starts with the owner's (FooList/FooListItem).
  const hint = local.startsWith(owner) ? local : `${owner}${local.charAt(0).toUpperCase()}${local.slice(1)}`;
  particle = {
    kind: "element",
    name,
    type: elementType(set, schema, element, hint),
    nillable: element.attr("nillable") === "true",
    ...occurs(element),
  };
  const documentation = xsdDocumentation(element);
  if (documentation !== undefined) particle.documentation = documentation;
  return particle;
}

/** Direct substitution group members of every head, by head key, from the declarations as written. */
const membersByHead = new WeakMap<SchemaSet, Map<QNameKey, QNameKey[]>>();

/**
 * The elements that may stand in for `head`: its substitution group, transitively, in document order.
 * Read from the declarations' `substitutionGroup` attributes, not from built elements: a member's type
 * may contain a ref to its own head, which is being built when this is asked.
 */
function substitutionGroup(set: SchemaSet, head: QNameKey): QNameKey[] {
  let byHead = membersByHead.get(set);
  if (!byHead) {
    byHead = new Map();
    for (const [key, { element, schema }] of set.globals.element) {
      const value = element.attr("substitutionGroup");
      if (value === undefined) continue;
      const headKey = qnameKey(set.qname(schema, element, value, "substitutionGroup"));
      byHead.set(headKey, [...(byHead.get(headKey) ?? []), key]);
    }
    membersByHead.set(set, byHead);
  }
  const found = new Set<QNameKey>();
  const visit = (key: QNameKey): void => {
    for (const member of byHead.get(key) ?? []) {
      if (found.has(member) || member === head) continue;
      found.add(member);
      visit(member);
    }
  };
  visit(head);
  return found.size === 0 ? [] : [...set.globals.element.keys()].filter((key) => found.has(key));
}

function hasOwnType(element: XmlElement): boolean {
  return (
    element.attr("type") !== undefined ||
    element.children.some(
      (c) => c.ns === element.ns && (c.local === "complexType" || c.local === "simpleType"),
    )
  );
}

/** `type=`, an inline type (hoisted under `hint`), or anyType when there is neither. */
function elementType(set: SchemaSet, schema: SchemaSource, element: XmlElement, hint: string): TypeRef {
  const typeName = element.attr("type");
  const inline = element.children.filter(
    (c) => c.ns === element.ns && (c.local === "complexType" || c.local === "simpleType"),
  );
  if (inline.length > 1 || (inline.length > 0 && typeName !== undefined))
    throw element.error("xs:element has more than one type (type attribute and/or inline types)");
  if (typeName !== undefined) return set.typeRef(schema, element, typeName, "type");
  const definition = inline[0];
  if (!definition) return ANY_TYPE;
  if (definition.local === "simpleType") return anonymousSimpleType(set, schema, definition, hint);
  return set.hoist(schema, definition, hint, (name) =>
    set.build.complexType(set, schema, definition, name, true),
  );
}
