/**
 * Building the model's `types` and `elements` from all schemas: every global declaration in document
 * order, anonymous types hoisted right after the declaration they were found in, then the WCF
 * DataContract conventions applied to the finished types.
 */
import type { XmlElement } from "../load/xml.js";
import type { ElementDecl, SchemaType, TypeRef } from "../model.js";
import { qnameKey } from "../model.js";
import { XSD_NS } from "../lib/namespaces.js";
import { buildComplexType } from "./complex-type.js";
import { applyDataContract } from "./datacontract.js";
import { globalElement } from "./element.js";
import { SchemaSet, type SchemaSource } from "./schema.js";
import { buildSimpleType } from "./simple-type.js";

export interface SchemaModel {
  types: Map<string, SchemaType>;
  elements: Map<string, ElementDecl>;
}

export function buildSchemas(sources: SchemaSource[]): SchemaModel {
  const set = new SchemaSet(sources);
  for (const key of set.globals.type.keys()) namedType(set, key);
  for (const key of set.globals.element.keys()) globalElement(set, key);
  applyDataContract(set);

  const types = new Map<string, SchemaType>();
  const elements = new Map<string, ElementDecl>();
  const addHoisted = (owner: string): void => {
    for (const key of set.hoistedBy.get(owner) ?? []) {
      if (!types.has(key)) types.set(key, set.types.get(key)!);
      addHoisted(key);
    }
  };
  for (const schema of sources) {
    for (const child of schema.element.children) {
      const local = child.attr("name");
      if (child.ns !== XSD_NS || local === undefined) continue;
      const key = qnameKey({ ns: schema.targetNamespace, local });
      if (child.local === "complexType" || child.local === "simpleType") {
        if (!types.has(key)) types.set(key, set.types.get(key)!);
        addHoisted(key);
      } else if (child.local === "element") {
        if (!elements.has(key)) elements.set(key, set.elements.get(key)!);
        addHoisted(elementOwner(key));
      }
    }
  }
  return { types, elements };
}

/** The owner name hoisted types of a global element are recorded under (types and elements share keys). */
export function elementOwner(key: string): string {
  return `element ${key}`;
}

/** The named type `key`, built on first use. */
export function namedType(set: SchemaSet, key: string): SchemaType {
  return set.ensureType(key, ({ element, schema }) => {
    const name = { ns: schema.targetNamespace, local: element.attr("name")! };
    return element.local === "complexType"
      ? buildComplexType(set, schema, element, name, false)
      : buildSimpleType(set, schema, element, name, false);
  });
}

/** The built-in a type's values are finally made of, following restriction bases and simple content. */
export function builtinOf(set: SchemaSet, ref: TypeRef, at: XmlElement): string {
  if (ref.kind === "builtin") return ref.name;
  const type = set.types.get(ref.key) ?? namedType(set, ref.key);
  if (type.kind === "simple") return type.builtin;
  if (type.simpleContent) return builtinOf(set, type.simpleContent, at);
  throw at.error(`${ref.key} is a complex type without simple content; a simple value was expected`);
}
