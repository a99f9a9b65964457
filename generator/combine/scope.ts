/**
 * An operation's messages belong to its port. The body elements of a port's operations (document/literal
 * wrappers, `type=` parts, rpc wrappers) and the anonymous types declared inside them are given keys of
 * that port alone, so that two WSDLs' `GetAddress` wrappers, which WCF services define differently per
 * agent under one namespace, stay two messages instead of being merged into one. Named schema types and
 * header and fault elements keep their qualified names and the merge rule.
 */
import type {
  ElementDecl,
  ElementKey,
  MessageKey,
  MessagePart,
  TypeKey,
  GroupParticle,
  Particle,
  PortModel,
  SchemaType,
  ServiceModel,
  TypeRef,
} from "../model.js";

export function scopeMessages(model: ServiceModel): ServiceModel {
  const types = new Copies<TypeKey, SchemaType>();
  const elements = new Copies<ElementKey, ElementDecl>();
  const ports = model.ports.map((port): PortModel => {
    const scope: MessageKey = `message ${model.source} {${port.binding.ns}}${port.binding.local}`;
    const scoped = (key: TypeKey | ElementKey): MessageKey => `${scope} ${key}`;
    const copyType = (ref: TypeRef): TypeRef => {
      if (ref.kind !== "named") return ref;
      const type = model.types.get(ref.key);
      if (!type?.anonymous) return ref;
      const key = scoped(ref.key);
      if (!types.has(key)) {
        types.add(ref.key, key, type); // claimed first: a recursive anonymous type stops here
        types.add(ref.key, key, withTypes(type, copyType));
      }
      return { kind: "named", key };
    };
    const copyPart = (part: MessagePart): MessagePart => {
      const key = scoped(part.element);
      if (!elements.has(key)) {
        const element: ElementDecl = model.elements.get(part.element)!;
        elements.add(part.element, key, { ...element, type: copyType(element.type) });
      }
      return { ...part, element: key };
    };
    return {
      ...port,
      operations: port.operations.map((op) => ({
        ...op,
        input: { ...op.input, body: op.input.body.map(copyPart) },
        ...(op.output ? { output: { ...op.output, body: op.output.body.map(copyPart) } } : {}),
      })),
    };
  });
  return { ...model, ports, types: types.besides(model.types), elements: elements.besides(model.elements) };
}

/** Scoped copies by the key they copy, so that each copy can follow its original in the model's order. */
class Copies<K extends string, T> {
  private readonly byOriginal = new Map<K, Map<K, T>>();
  private readonly keys = new Set<K>();

  has(key: K): boolean {
    return this.keys.has(key);
  }

  add(original: K, key: K, value: T): void {
    const copies = this.byOriginal.get(original) ?? new Map<K, T>();
    copies.set(key, value);
    this.byOriginal.set(original, copies);
    this.keys.add(key);
  }

  /** The originals with each one's copies right after it. */
  besides(originals: ReadonlyMap<K, T>): Map<K, T> {
    const all = new Map<K, T>();
    for (const [key, value] of originals) {
      all.set(key, value);
      for (const [copy, copied] of this.byOriginal.get(key) ?? []) all.set(copy, copied);
    }
    return all;
  }
}

/** A type with every type reference its content, attributes and items make replaced by `map`'s. */
function withTypes(type: SchemaType, map: (ref: TypeRef) => TypeRef): SchemaType {
  if (type.kind === "simple") {
    return {
      ...type,
      ...(type.base ? { base: map(type.base) } : {}),
      ...(type.itemType ? { itemType: map(type.itemType) } : {}),
      ...(type.memberTypes ? { memberTypes: type.memberTypes.map(map) } : {}),
    };
  }
  const particle = <P extends Particle>(p: P): P =>
    p.kind === "element"
      ? { ...p, type: map(p.type) }
      : p.kind === "any"
        ? p
        : { ...p, particles: (p as GroupParticle).particles.map(particle) };
  return {
    ...type,
    ...(type.content ? { content: particle(type.content) } : {}),
    attributes: type.attributes.map((attribute) => ({ ...attribute, type: map(attribute.type) })),
    ...(type.simpleContent ? { simpleContent: map(type.simpleContent) } : {}),
    ...(type.arrayItem ? { arrayItem: particle(type.arrayItem) } : {}),
    ...(type.dictionary
      ? {
          dictionary: {
            ...type.dictionary,
            key: particle(type.dictionary.key),
            value: particle(type.dictionary.value),
          },
        }
      : {}),
  };
}
