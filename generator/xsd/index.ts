/**
 * The xsd/ stage: the model's `types` and `elements` from all schemas, every global declaration in
 * document order, anonymous types hoisted right after the declaration they were found in, then the WCF
 * DataContract conventions applied to the finished types.
 */
import type { SoapgenError } from "../errors.js";
import type { ElementDecl, SchemaType, ElementKey, TypeKey } from "../model.js";
import { qnameKey } from "../model.js";
import { XSD_NS } from "../lib/namespaces.js";
import { buildComplexType } from "./complex-type.js";
import { applyDataContract } from "./datacontract.js";
import { globalElement } from "./element.js";
import type { SchemaSource } from "../load/walk.js";
import { elementOwner, SchemaSet } from "./schema.js";
import { buildSimpleType } from "./simple-type.js";

export interface SchemaModel {
  types: Map<TypeKey, SchemaType>;
  elements: Map<ElementKey, ElementDecl>;
}

export function buildSchemas(
  sources: SchemaSource[],
  unread: ReadonlyMap<string, SoapgenError> = new Map(),
): SchemaModel {
  const set = new SchemaSet(sources, { complexType: buildComplexType, simpleType: buildSimpleType }, unread);
  for (const key of set.globals.type.keys()) set.namedType(key);
  for (const key of set.globals.element.keys()) globalElement(set, key);
  applyDataContract(set);

  const types = new Map<TypeKey, SchemaType>();
  const elements = new Map<ElementKey, ElementDecl>();
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
