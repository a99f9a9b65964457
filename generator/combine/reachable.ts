/** The schema types and global elements a model's operations need: everything else is left out of the output. */
import { forEachElement } from "../lib/particles.js";
import {
  qnameKey,
  type ElementKey,
  type PortModel,
  type SchemaType,
  type ServiceModel,
  type TypeKey,
  type TypeRef,
} from "../model.js";

/** Keys of the types each type is the complexContent base of, for xsi:type polymorphism. */
export function derivedTypes(model: ServiceModel): Map<TypeKey, TypeKey[]> {
  const derived = new Map<TypeKey, TypeKey[]>();
  for (const [key, type] of model.types) {
    if (type.kind === "complex" && type.base) {
      const baseKey = qnameKey(type.base);
      derived.set(baseKey, [...(derived.get(baseKey) ?? []), key]);
    }
  }
  return derived;
}

/** Element keys of every body, header and fault part of the ports' operations. */
export function partElements(ports: readonly PortModel[]): Set<ElementKey> {
  const keys = new Set<ElementKey>();
  for (const op of ports.flatMap((port) => port.operations)) {
    for (const message of [op.input, op.output]) {
      for (const part of [...(message?.body ?? []), ...(message?.headers ?? [])]) keys.add(part.element);
    }
    for (const fault of op.faults) keys.add(fault.part.element);
  }
  return keys;
}

/** The types a type's definition names: its base, items, members, fields and attributes. */
export function typeRefs(type: SchemaType): TypeRef[] {
  if (type.kind === "simple")
    return [type.base, type.itemType, ...(type.memberTypes ?? [])].filter(isDefined);
  // A dictionary's entry type stays internal to the wire format: TS sees Record<string, V>.
  if (type.dictionary) return [type.dictionary.key.type, type.dictionary.value.type];
  const refs: TypeRef[] = type.base ? [{ kind: "named", key: qnameKey(type.base) }] : [];
  if (type.simpleContent) refs.push(type.simpleContent);
  if (type.content) forEachElement(type.content, (element) => refs.push(element.type));
  for (const attribute of type.attributes) refs.push(attribute.type);
  return refs;
}

/**
 * Keys of all types the parts reach (by default every part of the model's operations), through fields,
 * bases, items and derived types (those `derivedOf` admits: by default all).
 */
export function reachableTypes(
  model: ServiceModel,
  parts = partElements(model.ports),
  derivedOf: (key: TypeKey) => boolean = () => true,
): Set<TypeKey> {
  const derived = derivedTypes(model);
  const seen = new Set<TypeKey>();
  const visit = (ref: TypeRef): void => {
    if (ref.kind !== "named" || seen.has(ref.key)) return;
    seen.add(ref.key);
    const type = model.types.get(ref.key);
    if (!type) throw new Error(`internal: type ${ref.key} missing from the model`);
    typeRefs(type).forEach(visit);
    if (type.kind === "complex" && !type.dictionary) {
      for (const key of derived.get(ref.key) ?? []) if (derivedOf(key)) visit({ kind: "named", key });
      for (const key of substituteElements(type)) {
        const member = model.elements.get(key);
        if (member) visit(member.type);
      }
    }
  };
  for (const key of parts) {
    const element = model.elements.get(key);
    if (!element) throw new Error(`internal: element ${key} missing from the model`);
    visit(element.type);
  }
  return seen;
}

/**
 * Keys of the substitution group members a complex type's content accepts in place of their heads, and
 * of the heads themselves: the emitter reads both.
 */
function substituteElements(type: SchemaType): ElementKey[] {
  const keys: ElementKey[] = [];
  if (type.kind === "complex" && type.content)
    forEachElement(type.content, (element) => {
      if (element.substitutes) keys.push(qnameKey(element.name), ...element.substitutes);
    });
  return keys;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** The model with only the types and elements its operations need, in model order. */
export function pruned(model: ServiceModel): ServiceModel {
  const types = reachableTypes(model);
  const parts = partElements(model.ports);
  for (const key of types) substituteElements(model.types.get(key)!).forEach((member) => parts.add(member));
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
