/**
 * Several WSDLs, one model. Types and global elements are identified by their XML qualified name: the same
 * name with the same definition is kept once; with different definitions the rule below decides, and what
 * it cannot merge safely is a one-line error naming both WSDLs, the type and the difference.
 *
 * - enumerations (and the item enumerations of `xs:list` flags) take the union of their values;
 * - complex types take the union of their fields and attributes: one present in only some WSDLs becomes
 *   optional, one present in all must have the same type, nillability and repetition (it is optional when
 *   optional in any WSDL);
 * - anything else that differs (simple vs complex, a base, a field's type, a choice) is an error.
 */
import { isDeepStrictEqual } from "node:util";
import { SoapgenError } from "../errors.js";
import { partElements, reachableTypes } from "./reachable.js";
import type {
  AttributeDecl,
  ComplexType,
  ElementDecl,
  ElementParticle,
  GroupParticle,
  SchemaType,
  ServiceModel,
  SimpleType,
  TypeRef,
  ElementKey,
  TypeKey,
} from "../model.js";

/**
 * The models as one, independent of the order they are given in: models are taken in the order of their
 * `source`, so types appear in the order the first WSDL (by name) declares them, values a later WSDL adds
 * after the earlier ones'.
 */
export function mergeModels(models: ServiceModel[]): {
  model: ServiceModel;
  /** The WSDLs (`PortModel.source`) that define each type, when there are several. */
  definedBy?: ReadonlyMap<TypeKey, readonly string[]>;
} {
  const ordered = [...models].sort((a, b) => compare(a.source, b.source));
  if (ordered.length === 1) return { model: ordered[0]! };
  const types = new Map<TypeKey, SchemaType>();
  const elements = new Map<ElementKey, ElementDecl>();
  const definedBy = new Map<TypeKey, string[]>();
  /** The first WSDL that defined each type or element, to name in a conflict. */
  const firstSource = new Map<string, ServiceModel>();
  for (const model of ordered) {
    for (const [key, type] of model.types) {
      definedBy.set(key, [...(definedBy.get(key) ?? []), model.source]);
      const previous = types.get(key);
      if (!previous) {
        types.set(key, type);
        firstSource.set(key, model);
      } else {
        const conflict = new Conflict(firstSource.get(key)!, model, `type ${key}`, { type: key });
        types.set(key, mergeType(previous, type, conflict));
      }
    }
    for (const [key, element] of model.elements) {
      const previous = elements.get(key);
      if (!previous) {
        elements.set(key, element);
        firstSource.set(`element ${key}`, model);
      } else {
        const conflict = new Conflict(firstSource.get(`element ${key}`)!, model, `element ${key}`, {
          element: key,
        });
        elements.set(key, mergeElement(previous, element, conflict));
      }
    }
  }
  return {
    model: {
      source: ordered.map((model) => model.source).join(", "),
      targetNamespace: ordered[0]!.targetNamespace,
      ports: ordered.flatMap((model) => model.ports),
      types,
      elements,
      warnings: ordered.flatMap((model) => model.warnings),
    },
    definedBy,
  };
}

/**
 * Where a difference was found: the two WSDLs and the definition; `fail` throws the one-line error, which
 * also names the operations of each WSDL that need the definition and what to do about them.
 */
class Conflict {
  readonly first: string;
  readonly second: string;

  constructor(
    private readonly firstModel: ServiceModel,
    private readonly secondModel: ServiceModel,
    private readonly what: string,
    private readonly definition: { type: TypeKey } | { element: ElementKey },
  ) {
    this.first = firstModel.source;
    this.second = secondModel.source;
  }

  fail(difference: string): never {
    const [first, second] = [this.firstModel, this.secondModel].map((model) =>
      operationsNeeding(model, this.definition).join(", "),
    );
    throw new SoapgenError(
      { file: `${this.first} and ${this.second}` },
      `${this.what} cannot be merged: ${difference}. ${this.first} needs it for ${first}, ${this.second} for ` +
        `${second}: generate the two into separate outputs, or leave one side's operations out (excludeOperations)`,
    );
  }

  /** `what` differs: `a` in the first WSDL, `b` in the second. */
  differs(what: string, a: string, b: string): never {
    this.fail(`${what} is ${a} in ${this.first} but ${b} in ${this.second}`);
  }
}

/** The operations of a model (`PortType.Operation`) whose messages need a type or global element. */
function operationsNeeding(
  model: ServiceModel,
  definition: { type: TypeKey } | { element: ElementKey },
): string[] {
  return model.ports.flatMap((port) =>
    port.operations
      .filter((op) => {
        const parts = partElements([{ ...port, operations: [op] }]);
        const reached = reachableTypes(model, parts);
        if ("type" in definition) return reached.has(definition.type);
        const element = model.elements.get(definition.element);
        const type = element?.type;
        return parts.has(definition.element) || (type?.kind === "named" && reached.has(type.key));
      })
      .map((op) => `${port.portType.local}.${op.name}`),
  );
}

function mergeElement(a: ElementDecl, b: ElementDecl, conflict: Conflict): ElementDecl {
  if (!sameRef(a.type, b.type)) conflict.differs("its type", refText(a.type), refText(b.type));
  if (a.nillable !== b.nillable) conflict.differs("nillable", String(a.nillable), String(b.nillable));
  if (a.abstract !== b.abstract) conflict.differs("abstract", String(a.abstract), String(b.abstract));
  const groups = [a.substitutionGroup, b.substitutionGroup].map((g) => (g ? `{${g.ns}}${g.local}` : "none"));
  if (groups[0] !== groups[1]) conflict.differs("its substitutionGroup", groups[0]!, groups[1]!);
  return withDocumentation(a, b);
}

function mergeType(a: SchemaType, b: SchemaType, conflict: Conflict): SchemaType {
  if (a.kind !== b.kind) conflict.differs("it", `a ${a.kind} type`, `a ${b.kind} type`);
  if (a.kind === "simple") return mergeSimple(a, b as SimpleType, conflict);
  return mergeComplex(a, b as ComplexType, conflict);
}

function mergeSimple(a: SimpleType, b: SimpleType, conflict: Conflict): SimpleType {
  if (a.variety !== b.variety) conflict.differs("it", VARIETY[a.variety], VARIETY[b.variety]);
  if (a.builtin !== b.builtin) conflict.differs("its value type", `xs:${a.builtin}`, `xs:${b.builtin}`);
  if (!sameRef(a.base, b.base)) conflict.differs("its base", refText(a.base), refText(b.base));
  if (!sameRef(a.itemType, b.itemType))
    conflict.differs("its item type", refText(a.itemType), refText(b.itemType));
  const members = [a.memberTypes, b.memberTypes].map((list) => (list ?? []).map(refText).join(" "));
  if (members[0] !== members[1]) conflict.differs("its union", `of ${members[0]}`, `of ${members[1]}`);
  const actual = [a.actualType, b.actualType].map((q) => (q ? `{${q.ns}}${q.local}` : "none"));
  if (actual[0] !== actual[1]) conflict.differs("its ActualType", actual[0]!, actual[1]!);
  const merged: SimpleType = withDocumentation(a, b);
  // A type restricted to values in one WSDL and open in another takes every value: it is open.
  if (a.enumeration && b.enumeration) {
    merged.enumeration = [...new Set([...a.enumeration, ...b.enumeration])];
  } else {
    delete merged.enumeration;
  }
  return merged;
}

const VARIETY = { atomic: "a restriction", list: "an xs:list", union: "an xs:union" } as const;

function mergeComplex(a: ComplexType, b: ComplexType, conflict: Conflict): ComplexType {
  const flags = ["abstract", "mixed", "anyAttribute"] as const;
  for (const flag of flags) if (a[flag] !== b[flag]) conflict.differs(flag, String(a[flag]), String(b[flag]));
  const bases = [a.base, b.base].map((q) => (q ? `{${q.ns}}${q.local}` : "none"));
  if (bases[0] !== bases[1]) conflict.differs("its base", bases[0]!, bases[1]!);
  if (!sameRef(a.simpleContent, b.simpleContent)) {
    conflict.differs("its simple content", refText(a.simpleContent), refText(b.simpleContent));
  }
  if (!isDeepStrictEqual(stripDocs(a.dictionary), stripDocs(b.dictionary))) {
    conflict.fail(`it is a different dictionary in ${conflict.first} and ${conflict.second}`);
  }
  if (Boolean(a.arrayItem) !== Boolean(b.arrayItem)) {
    const [array, other] = a.arrayItem
      ? [conflict.first, conflict.second]
      : [conflict.second, conflict.first];
    conflict.fail(`it is a collection (ArrayOf) in ${array} but not in ${other}`);
  }
  const merged: ComplexType = withDocumentation(a, b);
  const content = mergeContent(a.content, b.content, conflict);
  if (content) merged.content = content;
  merged.attributes = mergeAttributes(a.attributes, b.attributes, conflict);
  if (a.arrayItem && b.arrayItem) {
    if (!sameElement(a.arrayItem, b.arrayItem)) {
      conflict.differs("its item", particleText(a.arrayItem), particleText(b.arrayItem));
    }
  }
  return merged;
}

/**
 * Two content models as one. Only sequences of elements merge field by field (the DataContract shape);
 * other content must be the same in both.
 */
function mergeContent(
  a: GroupParticle | undefined,
  b: GroupParticle | undefined,
  conflict: Conflict,
): GroupParticle | undefined {
  if (isDeepStrictEqual(stripDocs(a), stripDocs(b))) return a;
  const fieldsA = plainFields(a);
  const fieldsB = plainFields(b);
  if (!fieldsA || !fieldsB) {
    conflict.fail(
      `its content differs and is not a plain sequence of elements (${contentText(a)} vs ${contentText(b)})`,
    );
  }
  const inB = new Map(fieldsB.map((field) => [nameText(field.name), field]));
  const merged = fieldsA.map((field) => {
    const other = inB.get(nameText(field.name));
    if (!other) return { ...field, minOccurs: 0 };
    if (!sameElement(field, other)) {
      conflict.differs(`field ${field.name.local}`, particleText(field), particleText(other));
    }
    return withDocumentation({ ...field, minOccurs: Math.min(field.minOccurs, other.minOccurs) }, other);
  });
  // Fields only the second WSDL has go after the field that precedes them there, keeping both orders.
  let last = -1;
  let lastName = "";
  for (const field of fieldsB) {
    const at = merged.findIndex((f) => nameText(f.name) === nameText(field.name));
    if (at === -1) {
      merged.splice(++last, 0, { ...field, minOccurs: 0 });
    } else if (at < last) {
      conflict.fail(
        `fields ${lastName} and ${field.name.local} are in a different order in ${conflict.first} and ${conflict.second}`,
      );
    } else {
      last = at;
    }
    lastName = field.name.local;
  }
  return { kind: "sequence", minOccurs: 1, maxOccurs: 1, particles: merged };
}

/** The fields of content that is one sequence of elements (or empty), else undefined. */
function plainFields(content: GroupParticle | undefined): ElementParticle[] | undefined {
  if (!content) return [];
  if (content.kind !== "sequence" || content.minOccurs !== 1 || content.maxOccurs !== 1) return undefined;
  const elements = content.particles.filter((p): p is ElementParticle => p.kind === "element");
  return elements.length === content.particles.length ? elements : undefined;
}

function mergeAttributes(a: AttributeDecl[], b: AttributeDecl[], conflict: Conflict): AttributeDecl[] {
  const inB = new Map(b.map((attribute) => [nameText(attribute.name), attribute]));
  const inA = new Set(a.map((attribute) => nameText(attribute.name)));
  const merged = a.map((attribute): AttributeDecl => {
    const other = inB.get(nameText(attribute.name));
    if (!other) return { ...attribute, use: "optional" };
    if (!sameRef(attribute.type, other.type)) {
      conflict.differs(`attribute ${attribute.name.local}`, refText(attribute.type), refText(other.type));
    }
    if (attribute.default !== other.default || attribute.fixed !== other.fixed) {
      conflict.fail(`attribute ${attribute.name.local} has a different default or fixed value`);
    }
    return attribute.use === other.use ? attribute : { ...attribute, use: "optional" };
  });
  for (const attribute of b) {
    if (!inA.has(nameText(attribute.name))) merged.push({ ...attribute, use: "optional" });
  }
  return merged;
}

function sameElement(a: ElementParticle, b: ElementParticle): boolean {
  return (
    nameText(a.name) === nameText(b.name) &&
    sameRef(a.type, b.type) &&
    a.nillable === b.nillable &&
    a.maxOccurs === b.maxOccurs
  );
}

function sameRef(a: TypeRef | undefined, b: TypeRef | undefined): boolean {
  return refText(a) === refText(b);
}

function refText(ref: TypeRef | undefined): string {
  if (!ref) return "none";
  return ref.kind === "builtin" ? `xs:${ref.name}` : ref.key.slice(ref.key.indexOf("}") + 1);
}

function nameText(name: { ns: string; local: string }): string {
  return `{${name.ns}}${name.local}`;
}

function particleText(element: ElementParticle): string {
  const many = element.maxOccurs === "unbounded" || element.maxOccurs > 1 ? "[]" : "";
  return `${refText(element.type)}${many}${element.nillable ? " (nillable)" : ""}`;
}

function contentText(content: GroupParticle | undefined): string {
  return content ? `a ${content.kind}` : "empty";
}

/** `a` with the first documentation either has: documentation never makes two definitions differ. */
function withDocumentation<T extends { documentation?: string }>(a: T, b: T): T {
  const documentation = a.documentation ?? b.documentation;
  return documentation === undefined ? { ...a } : { ...a, documentation };
}

/** A value with every `documentation` property removed, for comparing definitions. */
function stripDocs<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value ?? null, (key, v: unknown) => (key === "documentation" ? undefined : v)),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
