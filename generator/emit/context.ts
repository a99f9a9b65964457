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
  type CombinedModel,
  type TypeRef,
  type TypeKey,
  type ElementKey,
} from "../model.js";
import { derivedTypes, typeRefs } from "../combine/reachable.js";
import { builtinMapping, VALUE_KINDS } from "../lib/builtins.js";
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
 * expressions and tables name bare, and the value kinds, by which the tables name leaves where they name
 * types by their TypeScript names. The runtime's other names give way to the user's (`runtimeRef`).
 */
const GENERATED_NAMES = [
  "service",
  "types",
  "typeTables",
  "RawXml",
  "UnknownEnumValue",
  "ServiceMeta",
  "TypeMeta",
  ...VALUE_KINDS,
];

/** How a module that declares one of the runtime's names refers to the runtime's: `runtime.SoapClient`. */
export const RUNTIME_NAMESPACE = "runtime";
/** The same for the runtime's server (templates/runtime/server.ts), in the stub modules. */
export const SERVER_NAMESPACE = "server";

export class EmitContext {
  /** Keys of every type the output needs (the ports reach), in model order. */
  readonly typeKeys: readonly TypeKey[];
  /**
   * The client whose module declares each type that is not shared: its operations' wrappers, and when
   * the output has several clients, every type no other client uses, so that an app which imports one
   * client's module loads only that client's tables and those of the types several clients share.
   */
  readonly owners = new Map<TypeKey, PortModel>();
  /** Types that derive from each type (complexContent extension), for xsi:type polymorphism. */
  private readonly derived: Map<TypeKey, TypeKey[]>;
  /** Wrapper types several operations of their port share, named after their element. */
  readonly sharedWrappers = new Set<TypeKey>();
  /** The TypeScript name of every type, by model key. */
  private readonly typeNames = new Map<TypeKey, string>();
  /** Names the whole output shares: schema types, clients and what each client declares for its users. */
  private readonly names = new NameAllocator(GENERATED_NAMES);

  constructor(readonly model: CombinedModel) {
    this.derived = derivedTypes(model);
    // In the order the operations reach them (one port after another), for naming; listed in model order.
    const reachOrder = new Set(model.ports.flatMap((port) => [...port.reaches]));
    this.typeKeys = [...model.types.keys()].filter((key) => reachOrder.has(key));
    const wrappers = new Set(model.ports.flatMap((port) => this.wrapperTypes(port).map(([key]) => key)));
    if (model.ports.length === 1) {
      for (const key of this.messageTypes(model.ports[0]!)) this.owners.set(key, model.ports[0]!);
    } else {
      for (const key of this.typeKeys) {
        const users = model.ports.filter((port) => port.reaches.has(key));
        if (users.length === 1) this.owners.set(key, users[0]!);
      }
    }
    // Schema-named types claim their names before names the generator derives (hoisted anonymous types),
    // so a type is named after the schema whenever that is possible; names already in PascalCase first, so
    // that of `item` and `Item`, `Item` keeps its name; else in the order the operations reach the types.
    // Operation wrappers are named by their client (`nameWrappers`): each client's module has its own
    // `GetAddressRequest`.
    const schemaNamed = [...reachOrder].filter((key) => !this.type(key).anonymous);
    const capitalised = (key: TypeKey): boolean =>
      pascalCase(this.type(key).name.local) === this.type(key).name.local;
    for (const key of [...schemaNamed.filter(capitalised), ...schemaNamed.filter((key) => !capitalised(key))])
      this.typeNames.set(key, this.claimName(this.type(key).name.local));
    for (const key of reachOrder) {
      if (!this.typeNames.has(key) && !wrappers.has(key))
        this.typeNames.set(key, this.claimName(this.type(key).name.local));
    }
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
   * Names for what one client's module alone declares, its operations' messages: free of every name
   * the output shares, once all of those are claimed, and of the runtime's, which the module imports,
   * but not of other modules' messages.
   */
  moduleNames(): NameAllocator {
    return this.names.fork([...RUNTIME_EXPORTS, ...SERVER_EXPORTS]);
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

  type(key: TypeKey): SchemaType {
    const type = this.model.types.get(key);
    if (!type) throw new Error(`internal: type ${key} missing from the model`);
    return type;
  }

  element(key: ElementKey): ElementDecl {
    const element = this.model.elements.get(key);
    if (!element) throw new Error(`internal: element ${key} missing from the model`);
    return element;
  }

  typeName(key: TypeKey): string {
    const name = this.typeNames.get(key);
    if (!name) throw new Error(`internal: type ${key} was not named`);
    return name;
  }

  derivedTypes(key: TypeKey): readonly TypeKey[] {
    return this.derived.get(key) ?? [];
  }

  /** The TypeScript type of a value of `ref` (without `| null` or array-ness of its slot). */
  typeText(ref: TypeRef): string {
    return this.typeExpression(ref).text;
  }

  typeExpression(ref: TypeRef): TypeExpression {
    if (ref.kind === "builtin") return tsAlternatives(builtinMapping(ref.name).ts);
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
  slotText(element: ElementParticle, repeatedAllowed = true): string {
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
    // Mixed content is one ordered array, whatever choices it holds.
    if (type.content && !type.mixed && hasExclusiveChoice(type.content)) return true;
    if (!type.base) return false;
    const base = this.model.types.get(qnameKey(type.base));
    return base?.kind === "complex" && this.isUnionShaped(base);
  }

  /**
   * Anonymous wrapper types of document/literal wrapped operations are named `<Op>Request`/`<Op>Response`,
   * or after their element when several operations of the port share them.
   */
  nameWrappers(port: PortModel, names: NameAllocator): void {
    const wrappers = this.wrapperTypes(port);
    for (const [key, wanted] of wrappers) {
      if (this.typeNames.has(key)) continue;
      // A wrapper several operations share (SoPrincipal's AuthenticateResponse) is named after its element;
      // each operation then names its own message as an alias of it.
      const shared = wrappers.filter(([other]) => other === key).length > 1;
      if (shared) this.sharedWrappers.add(key);
      this.typeNames.set(
        key,
        names.claim(toTypeName(pascalCase(shared ? this.type(key).name.local : wanted))),
      );
    }
  }

  /**
   * The anonymous types of a port's body elements and those declared inside them, which are the port's
   * own (see combine/scope.ts): no named type refers to them.
   */
  private messageTypes(port: PortModel): Set<TypeKey> {
    const keys = new Set<TypeKey>();
    const visit = (ref: TypeRef): void => {
      if (ref.kind !== "named" || keys.has(ref.key) || !this.type(ref.key).anonymous) return;
      keys.add(ref.key);
      typeRefs(this.type(ref.key)).forEach(visit);
    };
    for (const op of port.operations)
      for (const part of [...op.input.body, ...(op.output?.body ?? [])])
        visit(this.element(part.element).type);
    return keys;
  }

  /** The anonymous complex types of a port's single body parts, each with the name it wants. */
  wrapperTypes(port: PortModel): [TypeKey, string][] {
    const wrappers: [TypeKey, string][] = [];
    for (const op of port.operations) {
      const pairs = [
        [op.input, "Request"],
        [op.output, "Response"],
      ] as const;
      for (const [message, suffix] of pairs) {
        const ref = message?.body.length === 1 ? this.element(message.body[0]!.element).type : undefined;
        if (ref?.kind !== "named") continue;
        const type = this.type(ref.key);
        if (type.kind === "complex" && type.anonymous && !type.arrayItem && !type.dictionary) {
          wrappers.push([ref.key, `${op.name}${suffix}`]);
        }
      }
    }
    return wrappers;
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
export function hasExclusiveChoice(particle: Particle): boolean {
  if (particle.kind === "element" || particle.kind === "any" || isRepeated(particle)) return false;
  if (particle.kind === "choice") return isExclusiveChoice(particle);
  return particle.particles.some(hasExclusiveChoice);
}
