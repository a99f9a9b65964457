/**
 * The schema set: every xs:schema's global declarations indexed by QName, and the shared state of
 * building the model from them (lazily built types and elements, hoisted anonymous types, their
 * names). Type references are checked here, so a dangling reference is caught where it is written.
 */
import type { SoapgenError } from "../errors.js";
import type { SchemaSource } from "../load/walk.js";
import type { XmlElement } from "../load/xml.js";
import { isBuiltinType } from "../lib/builtins.js";
import { PRE_2001_XSD_NAMESPACES, SOAP_ENCODING_NS, XML_NS, XSD_NS } from "../lib/namespaces.js";
import {
  qnameKey,
  type ComplexType,
  type ElementDecl,
  type QName,
  type SchemaType,
  type SimpleType,
  type TypeRef,
  type ElementKey,
  type TypeKey,
  type QNameKey,
  type BuiltinName,
} from "../model.js";

/** A global declaration and the schema it belongs to (the same element may sit in two chameleon schemas). */
export interface Global {
  element: XmlElement;
  schema: SchemaSource;
}

/** Why a reference into a namespace soapgen does not read is not simply dangling, or undefined. */
export function foreignTypeReason(ns: string, value: string): string | undefined {
  if (ns === SOAP_ENCODING_NS)
    return `'${value}' is a SOAP encoding type, which only rpc/encoded messages use; soapgen supports literal use only`;
  if (PRE_2001_XSD_NAMESPACES.has(ns))
    return `'${value}' is in the pre-2001 XML Schema namespace ${ns}; soapgen reads XML Schema 1.0 (${XSD_NS})`;
  return undefined;
}

export const ANY_TYPE: TypeRef = { kind: "builtin", name: "anyType" };

/** The attributes of the xml: namespace (xml:lang, xml:space, ...) are known without importing xml.xsd. */
const XML_ATTRIBUTES = new Set(["lang", "space", "base", "id"]);

/** The global declaration kinds, by the XSD element that declares them. */
type Kind = "type" | "element" | "attribute" | "group" | "attributeGroup";
const KIND_OF: Record<string, Kind> = {
  complexType: "type",
  simpleType: "type",
  element: "element",
  attribute: "attribute",
  group: "group",
  attributeGroup: "attributeGroup",
};

/** Builds the type a complexType or simpleType definition declares, named `name`. */
export type TypeBuilder<T extends SchemaType> = (
  set: SchemaSet,
  schema: SchemaSource,
  definition: XmlElement,
  name: QName,
  anonymous: boolean,
) => T;

/**
 * The type builders, given to the set by the stage's entry point: types nest each other (a complex
 * type's element has an anonymous complex type, a base is built before its derivation), and through the
 * set the modules that build them need not import each other.
 */
export interface TypeBuilders {
  complexType: TypeBuilder<ComplexType>;
  simpleType: TypeBuilder<SimpleType>;
}

/** The owner name hoisted types of a global element are recorded under (types and elements share keys). */
export function elementOwner(key: string): string {
  return `element ${key}`;
}

export class SchemaSet {
  readonly globals: Record<Kind, Map<QNameKey, Global>> = {
    type: new Map(),
    element: new Map(),
    attribute: new Map(),
    group: new Map(),
    attributeGroup: new Map(),
  };

  /** Built types, and the keys hoisted while building each global declaration (for document order). */
  readonly types = new Map<TypeKey, SchemaType>();
  readonly elements = new Map<ElementKey, ElementDecl>();
  readonly hoistedBy = new Map<string, QNameKey[]>();
  private readonly owners: string[] = [];
  private readonly inProgress = new Set<string>();
  private readonly hoistedKeys = new Map<XmlElement, Map<string, TypeRef>>();
  private readonly takenKeys = new Set<string>();

  constructor(
    readonly sources: SchemaSource[],
    readonly build: TypeBuilders,
    /** Namespaces whose xs:import could not be read, with why (see LoadedDocuments.unread). */
    private readonly unread: ReadonlyMap<string, SoapgenError> = new Map(),
  ) {
    for (const schema of sources) {
      for (const child of schema.element.children) {
        const kind = child.ns === XSD_NS ? KIND_OF[child.local] : undefined;
        if (!kind) continue;
        const local = child.attr("name");
        if (local === undefined) throw child.error(`a global xs:${child.local} needs a name attribute`);
        const key = qnameKey({ ns: schema.targetNamespace, local });
        const table = this.globals[kind];
        const previous = table.get(key);
        if (previous && previous.element !== child) {
          throw child.error(
            `duplicate ${kindLabel(kind)} ${key}: already defined at ${previous.element.location}`,
          );
        }
        table.set(key, { element: child, schema });
        if (kind === "type") this.takenKeys.add(key);
      }
    }
  }

  /** A QName-valued attribute as a QName; a chameleon schema's unqualified names are in its includer's namespace. */
  qname(schema: SchemaSource, element: XmlElement, value: string, what: string): QName {
    const name = element.resolveQName(value, what);
    return schema.chameleon && name.ns === "" ? { ns: schema.targetNamespace, local: name.local } : name;
  }

  /** The global declaration of kind `kind` under `key`; a key that is no QName's (a binding's) finds none. */
  global(kind: Kind, key: TypeKey): Global | undefined {
    return (this.globals[kind] as ReadonlyMap<string, Global>).get(key);
  }

  /** The global declaration `value` names, or a SoapgenError naming what is missing. */
  lookup(kind: Kind, schema: SchemaSource, element: XmlElement, value: string, what: string): Global {
    const key = qnameKey(this.qname(schema, element, value, what));
    const found = this.globals[kind].get(key);
    if (!found) throw this.undefinedError(element, `${what}: ${kindLabel(kind)} ${key} is not defined`, key);
    return found;
  }

  /** A `type=`/`base=`/`itemType=` reference: a built-in, or a named type that exists. */
  typeRef(schema: SchemaSource, element: XmlElement, value: string, what: string): TypeRef {
    const name = this.qname(schema, element, value, what);
    const key = qnameKey(name);
    if (name.ns === XSD_NS) {
      if (isBuiltinType(name.local)) return { kind: "builtin", name: name.local };
      throw element.error(`dangling type reference: ${what} '${value}' is not an XML Schema built-in type`);
    }
    const foreign = foreignTypeReason(name.ns, value);
    if (foreign !== undefined && !this.globals.type.has(key)) throw element.error(`${what}: ${foreign}`);
    if (!this.globals.type.has(key))
      throw this.undefinedError(
        element,
        `dangling type reference: ${what} '${value}' (${key}) is not defined`,
        key,
      );
    return { kind: "named", key };
  }

  /** A reference to nothing; into a namespace whose import could not be read, that is the cause to name. */
  private undefinedError(element: XmlElement, detail: string, key: string): SoapgenError {
    const ns = key.startsWith("{") ? key.slice(1, key.indexOf("}")) : "";
    const unread = this.unread.get(ns);
    return element.error(
      unread === undefined ? detail : `${detail}: its namespace's import failed: ${unread.message}`,
    );
  }

  isXmlAttribute(name: QName): boolean {
    return name.ns === XML_NS && XML_ATTRIBUTES.has(name.local);
  }

  /** The named type `key`, built on first use (derivations need their base's built-in). */
  namedType(key: TypeKey): SchemaType {
    const done = this.types.get(key);
    if (done) return done;
    const { element, schema } = this.global("type", key)!;
    if (this.inProgress.has(key)) throw element.error(`circular type derivation through ${key}`);
    this.inProgress.add(key);
    const name = { ns: schema.targetNamespace, local: element.attr("name")! };
    const type = this.asOwner(key, () =>
      element.local === "complexType"
        ? this.build.complexType(this, schema, element, name, false)
        : this.build.simpleType(this, schema, element, name, false),
    );
    this.inProgress.delete(key);
    this.types.set(key, type);
    return type;
  }

  /** The built-in a type's values are finally made of, following restriction bases and simple content. */
  builtinOf(ref: TypeRef, at: XmlElement): BuiltinName {
    if (ref.kind === "builtin") return ref.name;
    const type = this.types.get(ref.key) ?? this.namedType(ref.key);
    if (type.kind === "simple") return type.builtin;
    if (type.simpleContent) return this.builtinOf(type.simpleContent, at);
    throw at.error(`${ref.key} is a complex type without simple content; a simple value was expected`);
  }

  /** Runs `build` with hoisted types recorded under `owner`, so they follow it in the model's order. */
  asOwner<T>(owner: string, build: () => T): T {
    this.owners.push(owner);
    try {
      return build();
    } finally {
      this.owners.pop();
    }
  }

  /**
   * The reference to the anonymous type `definition` hoisted under a name derived from `hint`, unique in
   * its namespace. Reserved once per definition (and per chameleon namespace): a group or attribute group
   * used by several types still yields one hoisted type. `build` runs only on the first call.
   */
  hoist(
    schema: SchemaSource,
    definition: XmlElement,
    hint: string,
    build: (name: QName) => SchemaType,
  ): TypeRef {
    const byNamespace = this.hoistedKeys.get(definition) ?? new Map<string, TypeRef>();
    const existing = byNamespace.get(schema.targetNamespace);
    if (existing) return existing;
    const ns = schema.targetNamespace;
    let local = hint;
    for (let n = 2; this.takenKeys.has(qnameKey({ ns, local })); n++) local = `${hint}${n}`;
    const key = qnameKey({ ns, local });
    const ref: TypeRef = { kind: "named", key };
    this.takenKeys.add(key);
    byNamespace.set(ns, ref);
    this.hoistedKeys.set(definition, byNamespace);
    const owner = this.owners[this.owners.length - 1]!;
    const list = this.hoistedBy.get(owner) ?? [];
    list.push(key);
    this.hoistedBy.set(owner, list);
    this.types.set(key, build({ ns, local }));
    return ref;
  }
}

function kindLabel(kind: Kind): string {
  return kind === "type" ? "type" : kind === "attributeGroup" ? "attribute group" : kind;
}
