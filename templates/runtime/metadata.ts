/**
 * What generated code tells the runtime about the schema: the codec walks these tables to encode
 * requests and decode responses. The runtime never reads the WSDL; the generator writes these tables
 * (`tables.ts` in the generated folder) from its model.
 */

/** How a leaf value is written on the wire and represented in TypeScript. */
export type ValueKind =
  | "string" // xs:string and string-like built-ins (token, anyURI, guid, ID, ...): string
  | "boolean" // boolean: "true" / "false" / "1" / "0"
  | "int" // integers that always fit in a double exactly (int, short, byte, unsigned*, char): number
  | "long" // long, unsignedLong, integer, ...: number; a value beyond 2^53 is a decode error, never rounded
  | "double" // double, float (INF, -INF, NaN accepted): number
  | "decimal" // decimal: number (IEEE double)
  | "dateTime" // Date; a value without offset is taken as UTC
  | "date" // string, as on the wire (a calendar date has no instant)
  | "time" // string, as on the wire
  | "duration" // string, ISO 8601 duration as on the wire
  | "base64" // Uint8Array
  | "hex" // Uint8Array
  | "qname" // string, as written ("prefix:local")
  | "any"; // xs:anyType / xs:anySimpleType: unknown

/**
 * An element slot in a complex type (or a message part, or a header block). Flags that are false and a
 * `prop` equal to `name` are left out, which keeps the generated tables one line per slot.
 */
export interface FieldMeta {
  /** The TypeScript property name, when it is not the element's local name (`propOf` in typeinfo.ts resolves it). */
  readonly prop?: string;
  /** The element's local name on the wire. */
  readonly name: string;
  /** The element's namespace URI; "" when unqualified. */
  readonly ns: string;
  /** A `ValueKind`, or the key of a type in `SchemaMeta.types`. */
  readonly type: string;
  /** minOccurs is 0: the property may be absent. */
  readonly optional?: boolean;
  /** maxOccurs above 1: the property is an array of the element's values. */
  readonly repeated?: boolean;
  /** nillable: the value may be `null` (`xsi:nil="true"` on the wire). */
  readonly nillable?: boolean;
  /**
   * The element heads a substitution group: the elements the slot takes instead (the head first when it
   * is not abstract). A decoded object carries the one it came as in `$element`; the encoder writes the
   * one `$element` names, or the first for a value without `$element`.
   */
  readonly members?: readonly MemberMeta[];
  /**
   * The element belongs to an ordered group (`ComplexMeta.groups`): it is no property of its own but an
   * item `{ [prop]: value }` of the group's array, which keeps the elements in document order.
   */
  readonly group?: string;
}

/**
 * A repeated choice (or a repeated group holding one), or mixed content: one array property holding, in
 * document order, a single-key object `{ [prop]: value }` per element of the group's fields and, for mixed
 * content, a string per run of text. Written where the group's first field stands.
 */
export interface GroupMeta {
  /** The content may be empty (every item of the group is optional). */
  readonly optional?: boolean;
  /** Mixed content (`mixed="true"`): text between the elements is kept as strings. */
  readonly text?: boolean;
}

/**
 * A field as the tables write it: `ns` is left out where the table around it says it, a complex type's
 * `xmlNs` for its fields, a port's `ServiceMeta.ns` for message parts, header blocks and fault details.
 */
export type FieldEntry = Omit<FieldMeta, "ns"> & { readonly ns?: string };

/** One element of a substitution group, with the type it has. */
export interface MemberMeta {
  readonly name: string;
  readonly ns: string;
  /** A `ValueKind`, or the key of a type in `SchemaMeta.types`. */
  readonly type: string;
}

export interface AttributeMeta {
  /** The TypeScript property name, when it is not the attribute's local name. */
  readonly prop?: string;
  readonly name: string;
  readonly ns: string;
  /** A `ValueKind`, or the key of a simple type in `SchemaMeta.types`. */
  readonly type: string;
  readonly optional?: boolean;
}

/** A complex type: its fields in schema order, its base's fields first. */
export interface ComplexMeta {
  readonly kind: "complex";
  /** The schema name, for matching `xsi:type`; left out for an anonymous type, which has none. */
  readonly xmlName?: string;
  readonly xmlNs: string;
  /** Key of the base type (complexContent extension). */
  readonly base?: string;
  /**
   * The type's own fields (not the base's), in schema order; choice branches are optional fields. A
   * field's `ns` is left out when it is the type's `xmlNs`.
   */
  readonly fields: readonly FieldEntry[];
  /** Left out when the type has none. */
  readonly attributes?: readonly AttributeMeta[];
  /** simpleContent: the value kind or simple type of the text, exposed as property `$value`. */
  readonly text?: string;
  /** The content model has `xs:any`: unknown child elements are kept as raw XML strings in `$any`. */
  readonly any?: boolean;
  /** Ordered groups by property name (`$choice`, `$mixed`); their elements are the fields naming them in `group`. */
  readonly groups?: Readonly<Record<string, GroupMeta>>;
  /**
   * `xs:anyAttribute`: attributes the schema does not declare are kept in `$attributes`, keyed by local
   * name when unqualified and `{namespace}local` (Clark notation) when qualified.
   */
  readonly anyAttribute?: boolean;
  /** The exclusive choices (TS unions), outermost first. */
  readonly choices?: readonly ChoiceMeta[];
}

/**
 * An `xs:choice` typed as a union: the properties of all its branches. A repeated element among them is
 * absent, not `[]`, when none of its elements came; a required choice needs one of the properties.
 */
export interface ChoiceMeta {
  readonly props: readonly string[];
  /** No branch need be given (the choice or a branch may be empty, or it sits in an optional branch). */
  readonly optional?: boolean;
}

/** A collection wrapper (`ArrayOfX`): on the wire a wrapper element around repeated items; in TS an array. */
export interface ArrayMeta {
  readonly kind: "array";
  readonly xmlName: string;
  readonly xmlNs: string;
  readonly item: FieldMeta;
}

/** A DataContract dictionary: repeated `entry` elements of Key and Value; in TS a `Record<string, V>`. */
export interface DictionaryMeta {
  readonly kind: "dictionary";
  readonly xmlName: string;
  readonly xmlNs: string;
  readonly entry: { readonly name: string; readonly ns: string };
  readonly key: FieldMeta;
  readonly value: FieldMeta;
}

/** A simple type restricting a value kind, optionally to an enumeration (a string-literal union in TS). */
export interface SimpleMeta {
  readonly kind: "simple";
  readonly xmlName: string;
  readonly xmlNs: string;
  readonly base: ValueKind;
  readonly enumeration?: readonly string[];
}

/** An `xs:list`: whitespace-separated items on the wire, an array in TS (WCF flag enums). */
export interface ListMeta {
  readonly kind: "list";
  readonly xmlName: string;
  readonly xmlNs: string;
  /** A `ValueKind`, or the key of a simple type. */
  readonly item: string;
}

export type TypeMeta = ComplexMeta | ArrayMeta | DictionaryMeta | SimpleMeta | ListMeta;

/** One direction of an operation. */
export interface MessageMeta {
  /**
   * The body parts. When `unwrapped` is true there is exactly one part whose element has a complex type,
   * and the TS request/response object is that element's content (document/literal wrapped style).
   * Otherwise the TS object has one property per part (`FieldMeta.prop`).
   */
  readonly body: readonly FieldEntry[];
  readonly unwrapped: boolean;
  /** Header blocks, `prop` being the part name; left out when they are the port's (`ServiceMeta.headers`). */
  readonly headers?: readonly FieldEntry[];
}

export interface FaultMeta {
  /** The wsdl:fault name; the generated error class is named after it. */
  readonly name: string;
  /** The element expected inside the fault's detail. */
  readonly detail: FieldEntry;
}

/** An operation, under its name in `ServiceMeta.operations`. */
export interface OperationMeta {
  readonly soapAction: string;
  /**
   * The binding declares WS-Addressing 1.0: each request carries `wsa:Action` (this `input`, also sent as
   * the HTTP action), `wsa:To`, a fresh `wsa:MessageID` and an anonymous `wsa:ReplyTo`.
   */
  readonly addressing?: { readonly input: string; readonly output?: string };
  readonly input: MessageMeta;
  readonly output?: MessageMeta;
  /** Left out when the operation declares none. */
  readonly faults?: readonly FaultMeta[];
}

/**
 * A service convention where failures come back as response headers rather than as faults
 * (SuperOffice NetServer: `Succeeded` = false plus `ExceptionInfo`). Names are header part names.
 */
export interface FailureHeadersMeta {
  readonly succeeded: string;
  readonly exceptionInfo: string;
}

export interface ServiceMeta {
  readonly types: Readonly<Record<string, TypeMeta>>;
  /** The namespace of the message parts, header blocks and fault details whose `ns` is left out. */
  readonly ns?: string;
  /**
   * The header blocks of every request (`input`) and response (`output`) that lists none of its own:
   * services send the same few with every operation.
   */
  readonly headers?: { readonly input?: readonly FieldEntry[]; readonly output?: readonly FieldEntry[] };
  readonly operations: Readonly<Record<string, OperationMeta>>;
  readonly soapVersion: "1.1" | "1.2";
  readonly failureHeaders?: FailureHeadersMeta;
}
