/**
 * What every emitter shares: which schema types the output needs, the TypeScript name of each, and how a
 * type reference reads as a TypeScript type expression.
 */
import {
  qnameKey,
  type ComplexType,
  type ElementDecl,
  type ElementParticle,
  type GroupParticle,
  type Particle,
  type PortModel,
  type SchemaType,
  type ServiceModel,
  type TypeRef,
} from "../model.js";
import { derivedTypes, reachableTypes } from "../combine/reachable.js";
import { builtinMapping } from "../lib/builtins.js";
import { forEachElement, isRepeated } from "../lib/particles.js";
import { NameAllocator, pascalCase, toTypeName } from "../lib/names.js";
import {
  stringLiteral,
  tsAlternatives,
  tsArray,
  tsDistinctUnion,
  tsIntersection,
  tsType,
  type TypeExpression,
} from "../lib/ts.js";
import { runtimeExports } from "./runtime-exports.js";
import { simpleTypeExpression } from "./simple-type.js";

/** The exports of templates/runtime/index.ts, which every generated index.ts re-exports. */
export const RUNTIME_EXPORTS = runtimeExports("index");

/** The exports of templates/runtime/server.ts, which stub.ts re-exports and index.ts as types. */
export const SERVER_EXPORTS = runtimeExports("server");

/**
 * Names the generated files declare or import by name wherever they appear; schema types must not take
 * them: the runtime's value types (RawXml, UnknownEnumValue) and the tables' types, which type
 * expressions and tables name bare. The runtime's other names give way to the user's (`runtimeRef`).
 */
const GENERATED_NAMES = [
  "service",
  "types",
  "typeTables",
  "RawXml",
  "UnknownEnumValue",
  "ServiceMeta",
  "TypeMeta",
];

/** How a module that declares one of the runtime's names refers to the runtime's: `runtime.SoapClient`. */
export const RUNTIME_NAMESPACE = "runtime";
/** The same for the runtime's server (templates/runtime/server.ts), in the stub modules. */
export const SERVER_NAMESPACE = "server";

export class EmitContext {
  /** TypeScript name of every type the output needs, by model key, in model order. */
  readonly typeNames = new Map<string, string>();
  /** Types that derive from each type (complexContent extension), for xsi:type polymorphism. */
  private readonly derived: Map<string, string[]>;
  private readonly names = new NameAllocator(GENERATED_NAMES);

  constructor(readonly model: ServiceModel) {
    this.derived = derivedTypes(model);
    const needed = reachableTypes(model);
    // Schema-named types claim their names before names the generator derives (hoisted anonymous types,
    // operation messages), so a type is named after the schema whenever that is possible; names already
    // in PascalCase first, so that of `item` and `Item`, `Item` keeps its name.
    const schemaNamed = [...needed].filter((key) => !this.type(key).anonymous);
    const capitalised = (key: string): boolean =>
      pascalCase(this.type(key).name.local) === this.type(key).name.local;
    for (const key of [...schemaNamed.filter(capitalised), ...schemaNamed.filter((key) => !capitalised(key))])
      this.typeNames.set(key, this.claimName(this.type(key).name.local));
    for (const port of model.ports) this.nameOperationWrappers(port, needed);
    for (const key of needed) {
      if (!this.typeNames.has(key)) this.typeNames.set(key, this.claimName(this.type(key).name.local));
    }
    // Keep model order so the output does not depend on the order names were handed out in.
    const ordered = [...model.types.keys()].filter((key) => this.typeNames.has(key));
    const named = new Map(this.typeNames);
    this.typeNames.clear();
    for (const key of ordered) this.typeNames.set(key, named.get(key)!);
  }

  /**
   * Claims a name for a type or class (schema types, request/response/header types, clients, errors):
   * PascalCase whatever the schema's case, as TypeScript users expect.
   */
  claimName(wanted: string): string {
    return this.names.claim(toTypeName(pascalCase(wanted)));
  }

  /** Claims a name for a value the generator declares (`customerServiceTables`), as given. */
  claimValueName(wanted: string): string {
    return this.names.claim(toTypeName(wanted));
  }

  /**
   * How generated code names a runtime export: as itself, or, when the output declares that name too (a
   * portType `Soap` gives the client class `SoapClient`), through the runtime's namespace. No schema name
   * can take that lowercase name: types and classes are PascalCase, values end in `Tables` or `Faults`.
   */
  runtimeRef(name: string): string {
    return this.names.claimed(name) ? `${RUNTIME_NAMESPACE}.${name}` : name;
  }

  /** `runtimeRef` for the runtime's server, which the stub modules import. */
  serverRef(name: string): string {
    return this.names.claimed(name) ? `${SERVER_NAMESPACE}.${name}` : name;
  }

  /** Of `names` (the runtime's exports), those the output declares too. */
  declaredOf(names: readonly string[]): string[] {
    return names.filter((name) => this.names.claimed(name));
  }

  type(key: string): SchemaType {
    const type = this.model.types.get(key);
    if (!type) throw new Error(`internal: type ${key} missing from the model`);
    return type;
  }

  element(key: string): ElementDecl {
    const element = this.model.elements.get(key);
    if (!element) throw new Error(`internal: element ${key} missing from the model`);
    return element;
  }

  typeName(key: string): string {
    const name = this.typeNames.get(key);
    if (!name) throw new Error(`internal: type ${key} was not named`);
    return name;
  }

  derivedTypes(key: string): readonly string[] {
    return this.derived.get(key) ?? [];
  }

  /** The TypeScript type of a value of `ref` (without `| null` or array-ness of its slot). */
  typeExpr(ref: TypeRef): string {
    return this.typeExpression(ref).text;
  }

  typeExpression(ref: TypeRef): TypeExpression {
    if (ref.kind === "builtin") return tsAlternatives(builtinMapping(ref.name)?.ts ?? "unknown");
    const type = this.type(ref.key);
    if (type.kind === "simple" && type.anonymous) return simpleTypeExpression(this, type);
    if (type.kind === "complex" && type.arrayItem) return tsArray(this.slotExpression(type.arrayItem, false));
    if (type.kind === "complex" && type.dictionary) {
      return tsType(`Record<string, ${this.slotExpression(type.dictionary.value, false).text}>`);
    }
    return tsType(this.typeName(ref.key));
  }

  /**
   * The elements a slot takes when it refers to a substitution group head: the head (unless abstract),
   * then the non-abstract members in document order. Empty when the element heads no group.
   */
  substitutionMembers(element: ElementParticle): ElementDecl[] {
    if (!element.substitutes) return [];
    const head = this.model.elements.get(qnameKey(element.name));
    const all = [...(head ? [head] : []), ...element.substitutes.map((key) => this.element(key))];
    return all.filter((member) => !member.abstract);
  }

  /**
   * A substitution group slot's value: one alternative per element it takes. An object carries the
   * element's name in `$element`, since a derived type's value is also a valid value of its base and
   * shapes alone cannot say which element to write; a simple value is its type.
   */
  private substitutionExpression(members: ElementDecl[]): TypeExpression {
    const alternatives = members.map((member) => {
      const type = this.typeExpression(member.type);
      const named = member.type.kind === "named" ? this.type(member.type.key) : undefined;
      const object = named?.kind === "complex" && !named.arrayItem && !named.dictionary;
      if (!object) return type;
      // Parenthesised as a whole: prettier keeps the parentheses of an intersection inside a union.
      return tsType(
        `(${tsIntersection([tsType(`{ $element: ${stringLiteral(member.name.local)} }`), type]).text})`,
      );
    });
    return tsDistinctUnion(alternatives);
  }

  /** The TypeScript type of an element slot: array when repeated, `| null` when nillable. */
  slotExpr(element: ElementParticle, repeatedAllowed = true): string {
    return this.slotExpression(element, repeatedAllowed).text;
  }

  slotExpression(element: ElementParticle, repeatedAllowed = true): TypeExpression {
    const members = this.substitutionMembers(element);
    const value =
      members.length > 0 ? this.substitutionExpression(members) : this.typeExpression(element.type);
    const item = element.nillable ? tsDistinctUnion([value, tsType("null")]) : value;
    const repeated = repeatedAllowed && (element.maxOccurs === "unbounded" || element.maxOccurs > 1);
    return repeated ? tsArray(item) : item;
  }

  /**
   * True when a complex type is emitted as an alias of an intersection rather than an interface: it has
   * a choice (a union cannot be an interface) or derives from such a type.
   */
  isUnionShaped(type: ComplexType): boolean {
    if (type.content && hasSingleChoice(type.content)) return true;
    if (!type.base) return false;
    const base = this.model.types.get(qnameKey(type.base));
    return base?.kind === "complex" && this.isUnionShaped(base);
  }

  /** Anonymous wrapper types of document/literal wrapped operations are named `<Op>Request`/`<Op>Response`. */
  private nameOperationWrappers(port: PortModel, needed: Set<string>): void {
    for (const op of port.operations) {
      const pairs = [
        [op.input, "Request"],
        [op.output, "Response"],
      ] as const;
      for (const [message, suffix] of pairs) {
        const ref = message?.body.length === 1 ? this.element(message.body[0]!.element).type : undefined;
        if (ref?.kind !== "named" || !needed.has(ref.key) || this.typeNames.has(ref.key)) continue;
        const type = this.type(ref.key);
        if (type.kind === "complex" && type.anonymous && !type.arrayItem && !type.dictionary) {
          this.typeNames.set(ref.key, this.claimName(`${op.name}${suffix}`));
        }
      }
    }
  }
}

/**
 * The most elements a choice may hold and still be written as a union of exclusive alternatives: each
 * alternative lists every other one's properties as `?: never`, which grows with the square of their
 * number (a choice of 2,000 elements would need 4 million lines). A larger choice has all its properties
 * optional instead, as a repeated choice does.
 */
const MAX_EXCLUSIVE_CHOICE = 64;

/** Whether a choice (not repeated, nor inside a repeated group) is written as exclusive alternatives. */
export function isExclusiveChoice(choice: GroupParticle): boolean {
  let elements = 0;
  forEachElement(choice, () => elements++);
  return choice.particles.length > 1 && elements <= MAX_EXCLUSIVE_CHOICE;
}

/** An exclusive choice (see content-model.ts) somewhere in the content: the type becomes a TS union. */
function hasSingleChoice(particle: Particle): boolean {
  if (particle.kind === "element" || particle.kind === "any" || isRepeated(particle)) return false;
  if (particle.kind === "choice") return isExclusiveChoice(particle);
  return particle.particles.some(hasSingleChoice);
}
