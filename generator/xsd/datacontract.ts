/**
 * WCF conventions. Of the DataContract serializer, applied once all types are built (an entry type may be
 * declared after the dictionary using it):
 * - `<IsDictionary>true</IsDictionary>` in appinfo: a repeated entry element with Key and Value children.
 * - `ArrayOfX` collection wrappers: a sequence of exactly one repeated element and nothing else.
 * Types that carry the marker or the name but not the shape, or that another type extends, stay ordinary
 * complex types. Of services such as SuperOffice NetServer, applied by the wsdl/ stage to each port:
 * - Failure headers: a port whose responses carry a boolean `Succeeded` header block and an
 *   `ExceptionInfo` one reports a failed call in them instead of a fault.
 */
import {
  qnameKey,
  type ComplexType,
  type ElementDecl,
  type ElementParticle,
  type Particle,
  type SchemaType,
  type TypeRef,
  type ElementKey,
  type TypeKey,
  type PortModel,
} from "../model.js";
import type { SchemaSet } from "./schema.js";

export function applyDataContract(set: SchemaSet): void {
  // A collection is written inline (`X[]`) and has no declaration a derived type could extend.
  const bases = new Set<TypeKey>(
    [...set.types.values()].flatMap((type) =>
      type.kind === "complex" && type.base ? [qnameKey(type.base)] : [],
    ),
  );
  for (const [key, type] of set.types) {
    if (type.kind !== "complex" || bases.has(key)) continue;
    const item = singleRepeatedElement(type);
    if (!item) continue;
    if (type.isDictionary) {
      const entry = item.type.kind === "named" ? set.types.get(item.type.key) : undefined;
      const pair =
        entry?.kind === "complex" && !entry.base && entry.content?.kind === "sequence"
          ? entry.content.particles
          : [];
      const [key, value, ...rest] = pair;
      if (isElement(key) && isElement(value) && rest.length === 0)
        type.dictionary = { entry: item.name, key, value };
    } else if (type.name.local.startsWith("ArrayOf")) type.arrayItem = item;
  }
  for (const type of set.types.values()) {
    if (type.kind === "complex" && containsItself(set, type)) {
      delete type.arrayItem;
      delete type.dictionary;
    }
  }
}

/**
 * Whether a collection's items are, through other collections, the collection itself (`ArrayOfA` of
 * `ArrayOfA`). Collections are written inline (`A[]`), which cannot express that: such a type stays an
 * ordinary complex type, with a name to refer to.
 */
function containsItself(set: SchemaSet, start: ComplexType): boolean {
  const seen = new Set<ComplexType>();
  let type: ComplexType | undefined = start;
  while (type && !seen.has(type)) {
    seen.add(type);
    const item: TypeRef | undefined = type.arrayItem?.type ?? type.dictionary?.value.type;
    const next: SchemaType | undefined = item?.kind === "named" ? set.types.get(item.key) : undefined;
    if (next === start) return true;
    type = next?.kind === "complex" ? next : undefined;
  }
  return false;
}

/** The one element of a plain `sequence { element maxOccurs>1 }` type without attributes or base. */
function singleRepeatedElement(type: ComplexType): ElementParticle | undefined {
  const content = type.content;
  if (!content || content.kind !== "sequence" || content.particles.length !== 1 || content.maxOccurs !== 1)
    return undefined;
  if (type.base || type.attributes.length > 0 || type.anyAttribute || type.simpleContent || type.mixed)
    return undefined;
  const item = content.particles[0];
  // A substitution group head's members decode as fields do; a collection's items are one element.
  if (!isElement(item) || item.maxOccurs === 1 || item.maxOccurs === 0 || item.substitutes) return undefined;
  return item;
}

function isElement(particle: Particle | undefined): particle is ElementParticle {
  return particle?.kind === "element" && !particle.substitutes;
}

/**
 * The failure headers among the element declarations of a port's response header blocks (by key): a
 * boolean `Succeeded` and an `ExceptionInfo`, whatever their namespace.
 */
export function failureHeaders(headers: ReadonlyMap<ElementKey, ElementDecl>): PortModel["failureHeaders"] {
  const keyOf = (test: (element: ElementDecl) => boolean): ElementKey | undefined =>
    [...headers].find(([, element]) => test(element))?.[0];
  const succeeded = keyOf(
    ({ name, type }) => name.local === "Succeeded" && type.kind === "builtin" && type.name === "boolean",
  );
  const exceptionInfo = keyOf(({ name }) => name.local === "ExceptionInfo");
  return succeeded && exceptionInfo ? { succeeded, exceptionInfo } : undefined;
}
