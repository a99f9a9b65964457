/**
 * The intermediate model: plain typed data between parsing and emitting.
 *
 * The parser (`load/`, `wsdl/`, `xsd/`) builds a `ServiceModel` from WSDL and XML Schema documents;
 * the emitters (`emit/`) read only this model, never raw XML. Everything here is resolved: references
 * point at entries that exist, attribute groups and element refs are inlined, anonymous types are
 * hoisted into `types` under a unique name.
 */
// The XSD built-in types a value can finally be made of, by their local name in the XSD namespace
// (`string`, `int`, `dateTime`, `anyType`, ...), from the one list of them; derived types resolve to one.
import type { BuiltinName } from "./lib/builtins.js";

export type { BuiltinName };

/** A namespace-qualified XML name; `ns` is "" for names in no namespace. */
export interface QName {
  ns: string;
  local: string;
}

/** `{ns}local`: the key of a named schema component (Clark notation). */
export type QNameKey = `{${string}}${string}`;

/** The key of a QName. */
export function qnameKey(name: QName): QNameKey {
  return `{${name.ns}}${name.local}`;
}

/**
 * The key of an element a binding defines, which no QName key can equal: `part {message} name` for a
 * `type=` part (wsdl/message.ts), `binding {binding} operation direction` for an rpc wrapper.
 */
export type BindingKey = `part ${string}` | `binding ${string}`;

/**
 * The key of a port's own copy of a body element, or of an anonymous type inside one (combine/scope.ts):
 * `message <WSDL> {binding} <original key>`.
 */
export type MessageKey = `message ${string}`;

/**
 * A key of `ServiceModel.elements`: a global element's QName key, an element a binding defines, or a
 * port's copy of one.
 */
export type ElementKey = QNameKey | BindingKey | MessageKey;

/**
 * A key of `ServiceModel.types`: a named or hoisted type's QName key, an rpc wrapper's type under its
 * element's key, or a port's copy of an anonymous type. The same forms as `ElementKey`, so the compiler
 * tells a key from any other string, not a type's key from an element's: the name says which map it is for.
 */
export type TypeKey = QNameKey | BindingKey | MessageKey;

/** A reference to a type: an XSD built-in, or a named (possibly hoisted anonymous) type in `types`. */
export type TypeRef = { kind: "builtin"; name: BuiltinName } | { kind: "named"; key: TypeKey };

export type MaxOccurs = number | "unbounded";

export interface Occurs {
  minOccurs: number;
  maxOccurs: MaxOccurs;
}

/** An element inside a content model. Element refs are resolved: `name` is the global element's name. */
export interface ElementParticle extends Occurs {
  kind: "element";
  /** Qualified as the schema says (elementFormDefault / form / global element). */
  name: QName;
  type: TypeRef;
  nillable: boolean;
  /**
   * A ref to the head of a substitution group: keys of the global elements that may stand in its place
   * (members, their members, ...), in document order, abstract ones included. Absent for other elements.
   */
  substitutes?: ElementKey[];
  documentation?: string;
}

/** `xs:any`: content the schema does not describe; kept, never dropped. */
export interface AnyParticle extends Occurs {
  kind: "any";
  /** The `namespace` attribute as written (`##any`, `##other`, a list of URIs). */
  namespace: string;
  processContents: "strict" | "lax" | "skip";
}

/** `xs:sequence`, `xs:choice` or `xs:all`, with group refs inlined. */
export interface GroupParticle extends Occurs {
  kind: "sequence" | "choice" | "all";
  particles: Particle[];
}

export type Particle = ElementParticle | AnyParticle | GroupParticle;

export interface AttributeDecl {
  /** Unqualified unless attributeFormDefault / form / a global attribute says otherwise. */
  name: QName;
  type: TypeRef;
  use: "required" | "optional";
  default?: string;
  fixed?: string;
}

export interface ComplexType {
  kind: "complex";
  name: QName;
  /** True when the type was declared inline and hoisted; `name` was then derived from its context. */
  anonymous: boolean;
  documentation?: string;
  abstract: boolean;
  mixed: boolean;
  /** complexContent extension base (restriction bases are not inherited: the content is restated). */
  base?: QName;
  /** The type's own content model (not including the base's). */
  content?: GroupParticle;
  /** Own attributes, attribute groups inlined (not including the base's). */
  attributes: AttributeDecl[];
  anyAttribute: boolean;
  /** simpleContent: the type of the element's text value. */
  simpleContent?: TypeRef;
  /**
   * A WCF collection wrapper (`ArrayOfX`): a sequence of exactly one repeated element and nothing else.
   * Emitted as `X[]`; the wrapper element still appears on the wire.
   */
  arrayItem?: ElementParticle;
  /** The DataContract `<IsDictionary>true</IsDictionary>` annotation, as written; `dictionary` says whether the shape fits. */
  isDictionary?: true;
  /**
   * A DataContract dictionary (`<IsDictionary>true</IsDictionary>` annotation): a repeated entry element
   * holding a Key and a Value element. Emitted as `Record<string, V>`.
   */
  dictionary?: { entry: QName; key: ElementParticle; value: ElementParticle };
}

export interface SimpleType {
  kind: "simple";
  name: QName;
  anonymous: boolean;
  documentation?: string;
  variety: "atomic" | "list" | "union";
  /** atomic: the restriction base (for enumerations, usually xs:string). */
  base?: TypeRef;
  /** The built-in type the value is finally made of (for list: of each item). */
  builtin: BuiltinName;
  /** Enumeration facet values, in schema order (atomic, or the item type of a list). */
  enumeration?: string[];
  /** list: the item type. */
  itemType?: TypeRef;
  /** union: the member types. */
  memberTypes?: TypeRef[];
  /** DataContract `ActualType` annotation: the CLR enum's underlying type (e.g. xs:short). */
  actualType?: QName;
}

export type SchemaType = ComplexType | SimpleType;

/** A global element declaration. */
export interface ElementDecl {
  name: QName;
  type: TypeRef;
  nillable: boolean;
  abstract: boolean;
  substitutionGroup?: QName;
  documentation?: string;
}

/**
 * A message part as it travels: the element it is sent as. A document/literal `element=` part is that
 * global element; a `type=` part and an rpc/literal wrapper are elements the binding defines, which
 * `ServiceModel.elements` holds under keys that are not QNames (see `ServiceModel.elements`).
 */
export interface MessagePart {
  /** The wsdl:part name. */
  name: string;
  /** Key into `ServiceModel.elements`. */
  element: ElementKey;
}

export interface MessageModel {
  /** The wsdl:message name. */
  name: QName;
  /** Parts carried in the SOAP Body, in order. */
  body: MessagePart[];
  /** Parts carried as SOAP header blocks (from `soap:header`), in binding order. */
  headers: MessagePart[];
}

export interface FaultModel {
  /** The wsdl:fault name. */
  name: string;
  /** The fault message's single part: the element inside `<detail>`. */
  part: MessagePart;
  documentation?: string;
}

export interface OperationModel {
  name: string;
  /**
   * `document`: the body parts are the message's elements. `rpc`: the body is one wrapper element named
   * after the operation (`<op>Response` for the output) in the `soap:body` namespace, holding one
   * unqualified accessor element per part; the model holds it as an anonymous wrapper type, so the
   * message then has one body part, as a document/literal wrapped message has.
   */
  style: "document" | "rpc";
  documentation?: string;
  /** SOAPAction from `soap:operation` ("" when the binding gives none). */
  soapAction: string;
  /**
   * The binding declares WS-Addressing 1.0: the `wsa:Action` of the input and output messages (explicit
   * `wsam:Action`/`wsaw:Action`, or the default action pattern). Absent for bindings without it.
   */
  addressing?: { input: string; output?: string };
  input: MessageModel;
  /** Absent for one-way operations. */
  output?: MessageModel;
  faults: FaultModel[];
}

/** A SOAP binding of a portType, with the operations resolved through the portType and messages. */
export interface PortModel {
  /** The WSDL the port is defined by, named as its model's `source` (for the banner of its client's module). */
  source: string;
  /** The portType name: the client class is named after it. */
  portType: QName;
  documentation?: string;
  binding: QName;
  soapVersion: "1.1" | "1.2";
  /** `soap:address` of the first service port using this binding, if any. */
  address?: string;
  serviceName?: string;
  operations: OperationModel[];
  /**
   * The response header blocks that report a failed call in place of a fault, by element key: WCF
   * services such as SuperOffice NetServer answer `Succeeded` = false and describe the error in
   * `ExceptionInfo` (xsd/datacontract.ts).
   */
  failureHeaders?: { succeeded: ElementKey; exceptionInfo: ElementKey };
}

export interface ServiceModel {
  /** Where the WSDL came from, as given by the user (for the generated banner). */
  source: string;
  targetNamespace: string;
  /** One entry per SOAP binding of a portType (the first binding of each portType). */
  ports: PortModel[];
  /** All named and hoisted types, by `qnameKey`; then the rpc wrapper types, under their elements' keys. */
  types: Map<TypeKey, SchemaType>;
  /**
   * All global elements, by `qnameKey`; then the elements bindings define (rpc/literal wrappers and
   * `type=` parts), by keys starting with `binding ` or `part ` that no QName key can equal.
   */
  elements: Map<ElementKey, ElementDecl>;
  /** Operations left out of the client, one line each (file:line: what and why), for the caller to show. */
  warnings: string[];
}

/** A port as combine/ leaves it, with the types its operations reach. */
export interface CombinedPort extends PortModel {
  /**
   * Keys of the types the port's operations reach through fields, bases, items and derived types; of the
   * types derived from a base, only those its own WSDL defines: its service sends no other.
   */
  reaches: ReadonlySet<TypeKey>;
}

/**
 * The model the emitters read: a target's WSDLs combined (combine/), with only the types and elements its
 * operations reach.
 */
export interface CombinedModel extends ServiceModel {
  ports: CombinedPort[];
}
