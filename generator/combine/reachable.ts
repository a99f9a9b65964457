/** The schema types and global elements a model's operations need: everything else is left out of the output. */
import { forEachElement } from "../lib/particles.js";
import { qnameKey, type ServiceModel, type TypeRef } from "../model.js";

/** Keys of the types each type is the complexContent base of, for xsi:type polymorphism. */
export function derivedTypes(model: ServiceModel): Map<string, string[]> {
  const derived = new Map<string, string[]>();
  for (const [key, type] of model.types) {
    if (type.kind === "complex" && type.base) {
      const baseKey = qnameKey(type.base);
      derived.set(baseKey, [...(derived.get(baseKey) ?? []), key]);
    }
  }
  return derived;
}

/** Element keys of every body, header and fault part of the model's operations. */
export function partElements(model: ServiceModel): Set<string> {
  const keys = new Set<string>();
  for (const op of model.ports.flatMap((port) => port.operations)) {
    for (const message of [op.input, op.output]) {
      for (const part of [...(message?.body ?? []), ...(message?.headers ?? [])]) keys.add(part.element);
    }
    for (const fault of op.faults) keys.add(fault.part.element);
  }
  return keys;
}

/** Keys of all types the operations reach, through parts, fields, bases, items and derived types. */
export function reachableTypes(model: ServiceModel): Set<string> {
  const derived = derivedTypes(model);
  const seen = new Set<string>();
  const visit = (ref: TypeRef | undefined): void => {
    if (!ref || ref.kind !== "named" || seen.has(ref.key)) return;
    seen.add(ref.key);
    const type = model.types.get(ref.key);
    if (!type) throw new Error(`internal: type ${ref.key} missing from the model`);
    if (type.kind === "simple") {
      visit(type.base);
      visit(type.itemType);
      type.memberTypes?.forEach(visit);
      return;
    }
    if (type.dictionary) {
      // The entry type stays internal to the wire format: TS sees Record<string, V>.
      visit(type.dictionary.key.type);
      visit(type.dictionary.value.type);
      return;
    }
    if (type.base) visit({ kind: "named", key: qnameKey(type.base) });
    visit(type.simpleContent);
    if (type.content) forEachElement(type.content, (element) => visit(element.type));
    for (const attribute of type.attributes) visit(attribute.type);
    for (const key of derived.get(ref.key) ?? []) visit({ kind: "named", key });
  };
  for (const key of partElements(model)) {
    const element = model.elements.get(key);
    if (!element) throw new Error(`internal: element ${key} missing from the model`);
    visit(element.type);
  }
  return seen;
}

/** The model with only the types and elements its operations need, in model order. */
export function pruned(model: ServiceModel): ServiceModel {
  const types = reachableTypes(model);
  const parts = partElements(model);
  return {
    ...model,
    types: new Map([...model.types].filter(([key]) => types.has(key))),
    elements: new Map(
      [...model.elements].filter(
        ([key, element]) => parts.has(key) || (element.type.kind === "named" && types.has(element.type.key)),
      ),
    ),
  };
}
