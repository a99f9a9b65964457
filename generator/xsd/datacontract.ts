/**
 * WCF DataContract serializer conventions, applied once all types are built (an entry type may be
 * declared after the dictionary using it):
 * - `<IsDictionary>true</IsDictionary>` in appinfo: a repeated entry element with Key and Value children.
 * - `ArrayOfX` collection wrappers: a sequence of exactly one repeated element and nothing else.
 * Types that carry the marker or the name but not the shape stay ordinary complex types.
 */
import type { ComplexType, ElementParticle, Particle } from "../model.js";
import type { SchemaSet } from "./schema.js";

const dictionaries = new WeakSet<ComplexType>();

/** Called while building a type whose appinfo says IsDictionary. */
export function markDictionary(type: ComplexType): void {
  dictionaries.add(type);
}

export function applyDataContract(set: SchemaSet): void {
  for (const type of set.types.values()) {
    if (type.kind !== "complex") continue;
    const item = singleRepeatedElement(type);
    if (!item) continue;
    if (dictionaries.has(type)) {
      const entry = item.type.kind === "named" ? set.types.get(item.type.key) : undefined;
      const pair = entry?.kind === "complex" && !entry.base && entry.content?.kind === "sequence" ? entry.content.particles : [];
      const [key, value, ...rest] = pair;
      if (isElement(key) && isElement(value) && rest.length === 0) type.dictionary = { entry: item.name, key, value };
    } else if (type.name.local.startsWith("ArrayOf")) type.arrayItem = item;
  }
}

/** The one element of a plain `sequence { element maxOccurs>1 }` type without attributes or base. */
function singleRepeatedElement(type: ComplexType): ElementParticle | undefined {
  const content = type.content;
  if (!content || content.kind !== "sequence" || content.particles.length !== 1 || content.maxOccurs !== 1) return undefined;
  if (type.base || type.attributes.length > 0 || type.anyAttribute || type.simpleContent || type.mixed) return undefined;
  const item = content.particles[0];
  if (!isElement(item) || item.maxOccurs === 1 || item.maxOccurs === 0) return undefined;
  return item;
}

function isElement(particle: Particle | undefined): particle is ElementParticle {
  return particle?.kind === "element";
}
