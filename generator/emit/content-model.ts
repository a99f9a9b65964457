/**
 * The content model of a complex type (sequence / all / choice / any, plus attributes and simple
 * content) flattened into the properties of its TypeScript shape. Both the type emitter and the runtime
 * metadata emitter read this, so property names agree between the two by construction.
 */
import {
  qnameKey,
  type AttributeDecl,
  type ComplexType,
  type ElementParticle,
  type GroupParticle,
  type Particle,
  type TypeRef,
} from "../model.js";
import { memberName, NameAllocator } from "../lib/names.js";
import { type EmitContext, hasExclusiveChoice, isExclusiveChoice } from "./context.js";
import { forEachElement, isRepeated } from "../lib/particles.js";

export type Property =
  | { kind: "element"; prop: string; element: ElementParticle; optional: boolean; repeated: boolean }
  | { kind: "attribute"; prop: string; attribute: AttributeDecl; optional: boolean }
  | { kind: "any"; prop: "$any" }
  | { kind: "anyAttribute"; prop: "$attributes" }
  | { kind: "text"; prop: "$value"; type: TypeRef; mixed?: true }
  | OrderedGroup;

/**
 * Content whose order is the data: a repeated choice (or a repeated group holding a choice) as `$choice`,
 * mixed content as `$mixed`. One array property with an item per element, `{ [key]: value }`, in document
 * order, and for mixed content a string per run of text.
 */
export interface OrderedGroup {
  kind: "ordered";
  prop: string;
  /** The elements an item can be, each once, by the key it has in an item. */
  items: { key: string; element: ElementParticle }[];
  /** The content may be empty. */
  optional: boolean;
  /** Mixed content: text runs are items too. */
  text: boolean;
}

/** Properties always present, plus groups of alternatives (one `xs:choice` each). */
export interface Shape {
  properties: Property[];
  choices: Shape[][];
}

interface Scope {
  optional: boolean;
  repeated: boolean;
  /** Inside a choice that is no exclusive union: alternatives cannot be told apart, every branch is optional. */
  flatten: boolean;
}

/**
 * Shapes already made. A shape needs its bases' shapes (for their property names), so without this a
 * chain of n extensions would build the first base's shape 2^n times.
 */
const shapes = new WeakMap<ComplexType, Shape>();

/** The type's own shape (its base's properties are not included but their names are avoided). */
export function ownShape(ctx: EmitContext, type: ComplexType): Shape {
  const known = shapes.get(type);
  if (known) return known;
  const inherited = baseProps(ctx, type);
  const names = new NameAllocator(inherited);
  const shape: Shape = { properties: [], choices: [] };
  if (type.simpleContent && !inherited.includes("$value")) {
    shape.properties.push({ kind: "text", prop: "$value", type: type.simpleContent });
  }
  if (type.mixed && !type.content && !type.base && !inherited.includes("$value")) {
    // Text and no elements: the text is the value, as simple content's is.
    shape.properties.push({
      kind: "text",
      prop: "$value",
      type: { kind: "builtin", name: "string" },
      mixed: true,
    });
  } else if (type.mixed) {
    // Text between the elements is data: all the content goes, in order, into one array.
    const mixed = orderedGroup(names.claim("$mixed"), !type.content || emptiable(type.content), true);
    shape.properties.push(mixed);
    if (type.content) addOrdered(type.content, shape, mixed);
  } else if (type.content)
    addParticle(type.content, shape, names, { optional: false, repeated: false, flatten: false });
  for (const attribute of type.attributes) {
    shape.properties.push({
      kind: "attribute",
      prop: names.claim(memberName(attribute.name.local)),
      attribute,
      optional: attribute.use !== "required",
    });
  }
  if (type.anyAttribute && !inherited.includes("$attributes"))
    shape.properties.push({ kind: "anyAttribute", prop: "$attributes" });
  shapes.set(type, shape);
  return shape;
}

/** Every property of the shape, alternatives included (each alternative's properties are optional). */
export function allProperties(shape: Shape): Property[] {
  const nested = shape.choices.flatMap((branches) =>
    branches.flatMap((branch) => allProperties(branch).map(asOptional)),
  );
  return [...shape.properties, ...nested];
}

function asOptional(property: Property): Property {
  return property.kind === "element" || property.kind === "attribute" || property.kind === "ordered"
    ? { ...property, optional: true }
    : property;
}

function baseProps(ctx: EmitContext, type: ComplexType): string[] {
  if (!type.base) return [];
  const base = ctx.model.types.get(qnameKey(type.base));
  if (base?.kind !== "complex") return [];
  return [...baseProps(ctx, base), ...allProperties(ownShape(ctx, base)).map((p) => p.prop)];
}

function addParticle(particle: Particle, shape: Shape, names: NameAllocator, scope: Scope): void {
  const inner: Scope = {
    optional: scope.optional || particle.minOccurs === 0,
    repeated: scope.repeated || isRepeated(particle),
    flatten: scope.flatten,
  };
  if (isRepeated(particle) && hasChoice(particle) && hasElement(particle)) {
    // Which alternative came when is the data: one array keeps the elements in document order.
    const group = orderedGroup(names.claim("$choice"), inner.optional || emptiable(particle), false);
    shape.properties.push(group);
    addOrdered(particle, shape, group);
    return;
  }
  switch (particle.kind) {
    case "element":
      shape.properties.push({
        kind: "element",
        prop: names.claim(memberName(particle.name.local)),
        element: particle,
        optional: inner.optional,
        repeated: inner.repeated,
      });
      return;
    case "any":
      if (!shape.properties.some((p) => p.kind === "any"))
        shape.properties.push({ kind: "any", prop: "$any" });
      return;
    case "sequence":
    case "all":
      if (particle.minOccurs === 0 && !inner.repeated && !inner.flatten && allOrNothing(particle)) {
        // Optional content with a required choice: all of it or none, or the choice would lose its
        // requirement to the group's optionality.
        const present: Shape = { properties: [], choices: [] };
        const required: Scope = { optional: false, repeated: false, flatten: false };
        for (const child of particle.particles) addParticle(child, present, names, required);
        shape.choices.push([present, { properties: [], choices: [] }]);
        return;
      }
      for (const child of particle.particles) addParticle(child, shape, names, inner);
      return;
    case "choice": {
      // A choice of one particle is that particle.
      if (particle.particles.length === 1 && !inner.flatten) {
        addParticle(particle.particles[0]!, shape, names, inner);
        return;
      }
      if (inner.repeated || inner.flatten || !isExclusiveChoice(particle)) {
        const flat: Scope = { ...inner, optional: true, flatten: true };
        for (const child of particle.particles) addParticle(child, shape, names, flat);
        return;
      }
      const branches = particle.particles.map((child) => {
        const branch: Shape = { properties: [], choices: [] };
        addParticle(child, branch, names, { optional: false, repeated: false, flatten: false });
        return branch;
      });
      if (inner.optional) branches.push({ properties: [], choices: [] });
      shape.choices.push(branches);
      return;
    }
  }
}

function orderedGroup(prop: string, optional: boolean, text: boolean): OrderedGroup {
  return { kind: "ordered", prop, items: [], optional, text };
}

/** Every element under `particle` becomes an item of `group`, once per element name; `xs:any` goes to `$any`. */
function addOrdered(particle: Particle, shape: Shape, group: OrderedGroup): void {
  if (particle.kind === "element") {
    const name = qnameKey(particle.name);
    if (group.items.some((item) => qnameKey(item.element.name) === name)) return;
    const keys = new NameAllocator(group.items.map((item) => item.key));
    group.items.push({ key: keys.claim(memberName(particle.name.local)), element: particle });
  } else if (particle.kind === "any") {
    if (!shape.properties.some((p) => p.kind === "any")) shape.properties.push({ kind: "any", prop: "$any" });
  } else for (const child of particle.particles) addOrdered(child, shape, group);
}

/** An optional group whose content, once there, requires an exclusive choice to be made. */
function allOrNothing(particle: GroupParticle): boolean {
  return hasExclusiveChoice({ ...particle, minOccurs: 1 }) && !particle.particles.every(emptiable);
}

function hasElement(particle: Particle): boolean {
  let found = false;
  forEachElement(particle, () => (found = true));
  return found;
}

function hasChoice(particle: Particle): boolean {
  if (particle.kind === "choice") return true;
  return particle.kind !== "element" && particle.kind !== "any" && particle.particles.some(hasChoice);
}

/** Whether the particle is satisfied by no content at all. */
function emptiable(particle: Particle): boolean {
  if (particle.minOccurs === 0) return true;
  switch (particle.kind) {
    case "element":
    case "any":
      return false;
    case "sequence":
    case "all":
      return particle.particles.every(emptiable);
    case "choice":
      return particle.particles.some(emptiable);
  }
}
