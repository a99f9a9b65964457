/**
 * Random input for the property tests and `npm run fuzz`: WSDLs with random schemas (random names, unicode
 * letters included; nested sequence/choice/all, extension, simple content, list, union, enumerations;
 * documentation, enumeration values, SOAPActions and addresses full of code-like payloads), and random
 * mutations of a real WSDL (truncation, dropped, duplicated and renamed elements, corrupted attributes,
 * swapped or removed namespace declarations).
 */
import fc from "fast-check";

/** Every payload calls PWNED…: outside comments and string literals of the output, it would be injected code. */
export const PAYLOADS = [
  "*/ PWNED(); /*",
  '"; PWNED(); "',
  "'; PWNED(); '",
  "`; PWNED(); `",
  "${PWNED()}",
  '\\"; PWNED(); //',
  "</script><script>PWNED()</script>",
  "line\nPWNED();",
  "line\u2028PWNED();",
  "para\u2029PWNED();",
  "// PWNED();\n",
  "\u0000\u001b[2JPWNED\u007f",
  "\ud800PWNED\udfff",
];

/** Names that are valid XML names but clash with something in TypeScript, JavaScript or the output. */
export const HOSTILE_NAMES = [
  "class",
  "constructor",
  "__proto__",
  "delete",
  "default",
  "new",
  "this",
  "then",
  "call",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "Date",
  "Promise",
  "Record",
  "Omit",
  "string",
  "number",
  "Array",
  "K",
  "options",
  "request",
  "types",
  "service",
  "SoapError",
  "SoapClient",
  "FieldMeta",
  "ServiceMeta",
  "1st",
  "2",
  "a-b",
  "a.b",
  "-x",
  ".y",
  "ArrayOfItem",
  "Größe",
  "größe",
  "Δέλτα",
  "名前",
  "x·y",
];

const NAME_START = [..."abcdefgxyzABCDEFGXYZ_", "é", "ß", "Ж", "名", "Ω", "ǅ"];
const NAME_REST = [...NAME_START, ..."0123456789-.", "·", "\u0301"];

/** An XML name: usually plain, often one of HOSTILE_NAMES. */
export const xmlName: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...NAME_START), fc.array(fc.constantFrom(...NAME_REST), { maxLength: 7 }))
      .map(([first, rest]) => first + rest.join("")),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
);

/** Text: payloads, and arbitrary code points (control characters and lone surrogates included). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.array(fc.constantFrom(...PAYLOADS, " ", "x", "*", "/"), { maxLength: 5 }).map((parts) => parts.join("")),
);

/** `text` as XML character data or attribute value: markup escaped, other awkward characters as references. */
export function escapeXml(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "&") out += "&amp;";
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (char === '"') out += "&quot;";
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code >= 0xfffe
    ) {
      out += `&#x${code.toString(16)};`;
    } else out += char;
  }
  return out;
}

const BUILTINS = [
  "string",
  "int",
  "long",
  "boolean",
  "double",
  "decimal",
  "dateTime",
  "date",
  "base64Binary",
  "QName",
  "unsignedByte",
  "anyURI",
];

/** The names a random WSDL declares: complex and simple types (in declaration order), operations. */
interface SchemaNames {
  complex: string[];
  simple: string[];
  operations: string[];
}

const occurs = fc.constantFrom(
  "",
  ' minOccurs="0"',
  ' maxOccurs="unbounded"',
  ' minOccurs="0" maxOccurs="unbounded"',
  ' minOccurs="2" maxOccurs="5"',
);

const documentation = fc.option(
  hostileText.map(
    (text) => `<xs:annotation><xs:documentation>${escapeXml(text)}</xs:documentation></xs:annotation>`,
  ),
  { nil: "" },
);

/** A reference to a built-in or declared type; now and then to one nobody declared, which must be reported. */
function typeRef(declared: string[]): fc.Arbitrary<string> {
  const builtin = fc.constantFrom(...BUILTINS.map((b) => `xs:${b}`), "xs:anyType");
  return fc.oneof(
    { weight: 30, arbitrary: builtin },
    {
      weight: declared.length === 0 ? 0 : 30,
      arbitrary: fc.constantFrom("", ...declared).map((t) => (t === "" ? "xs:string" : `tns:${t}`)),
    },
    { weight: 1, arbitrary: fc.constant("tns:NotDeclaredAnywhere") },
  );
}

/** A simple type reference: a built-in or one of `simple` (earlier simple types, so no cycles). */
function simpleRef(simple: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...BUILTINS.map((b) => `xs:${b}`)),
    ...(simple.length === 0 ? [] : [fc.constantFrom(...simple.map((t) => `tns:${t}`))]),
  );
}

const enumeration = fc
  .array(hostileText, { minLength: 1, maxLength: 4 })
  .map(
    (values) =>
      `<xs:restriction base="xs:string">${values.map((v) => `<xs:enumeration value="${escapeXml(v)}"/>`).join("")}</xs:restriction>`,
  );

/**
 * A content model: sequence, choice or all, nested, of elements (typed, with an inline enumeration or an
 * inline complex type, or a ref to an operation's element, which may be the element being defined) and
 * wildcards.
 */
function particle(names: SchemaNames): fc.Arbitrary<string> {
  const declared = [...names.complex, ...names.simple];
  const element = (inlineComplex: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc
      .record({
        name: xmlName,
        type: fc.oneof(
          { weight: 6, arbitrary: typeRef(declared) },
          { weight: 1, arbitrary: enumeration.map((r) => `<xs:simpleType>${r}</xs:simpleType>`) },
          { weight: 1, arbitrary: inlineComplex },
        ),
        occurs,
        nillable: fc.boolean(),
        doc: documentation,
      })
      .map(({ name, type, occurs: o, nillable, doc }) => {
        const inline = type.startsWith("<");
        const attributes = `name="${escapeXml(name)}"${inline ? "" : ` type="${type}"`}${o}${nillable ? ' nillable="true"' : ""}`;
        return `<xs:element ${attributes}>${doc}${inline ? type : ""}</xs:element>`;
      });
  const ref = fc
    .record({ to: fc.constantFrom(...names.operations), occurs })
    .map(({ to, occurs: o }) => `<xs:element ref="tns:${escapeXml(to)}"${o}/>`);
  const any = fc.constantFrom(
    '<xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/>',
    '<xs:any namespace="##other"/>',
  );
  // The schema's one named group (whose content may refer to the group itself: a cycle to report).
  const groupRef = fc.constant(`<xs:group ref="tns:${SHARED_GROUP}" minOccurs="0"/>`);
  return fc.letrec<{ particle: string; group: string; inlineComplex: string }>((tie) => ({
    particle: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      element(tie("inlineComplex")),
      tie("group"),
      any,
      ref,
      groupRef,
    ),
    group: fc.oneof(
      fc
        .record({
          kind: fc.constantFrom("sequence", "choice"),
          children: fc.array(tie("particle"), { maxLength: 4 }),
          occurs,
        })
        .map(({ kind, children, occurs: o }) => `<xs:${kind}${o}>${children.join("")}</xs:${kind}>`),
      fc
        .array(element(tie("inlineComplex")), { maxLength: 4 })
        .map((children) => `<xs:all>${children.join("")}</xs:all>`),
    ),
    inlineComplex: fc
      .record({ content: tie("group"), mixed: fc.boolean() })
      .map(
        ({ content, mixed }) => `<xs:complexType${mixed ? ' mixed="true"' : ""}>${content}</xs:complexType>`,
      ),
  })).group;
}

const attributes = fc.array(
  fc
    .record({
      name: xmlName,
      type: fc.constantFrom("xs:string", "xs:int", "xs:boolean", "xs:dateTime"),
      required: fc.boolean(),
      fallback: fc.option(hostileText, { nil: undefined }),
    })
    .map(
      ({ name, type, required, fallback }) =>
        `<xs:attribute name="${escapeXml(name)}" type="${type}"${required ? ' use="required"' : ""}${fallback === undefined ? "" : ` default="${escapeXml(fallback)}"`}/>`,
    ),
  { maxLength: 2 },
);

const SHARED_GROUP = "Shared";
const SHARED_ATTRIBUTES = "SharedAttributes";

const DICTIONARY_MARK =
  '<xs:annotation><xs:appinfo><IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">true</IsDictionary></xs:appinfo></xs:annotation>';

/** The i-th complex type: its own content, an extension of an earlier complex type (rarely any: a cycle), or simple content. */
function complexType(names: SchemaNames, i: number): fc.Arbitrary<string> {
  const name = escapeXml(names.complex[i]!);
  const earlier = names.complex.slice(0, i);
  const base = fc.oneof(
    { weight: 8, arbitrary: earlier.length > 0 ? fc.constantFrom(...earlier) : fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom(...names.complex) },
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({
          doc: documentation,
          content: fc.option(particle(names), { nil: "" }),
          attributes,
          abstract: fc.boolean(),
          dictionary: fc.boolean(),
        })
        .map(
          ({ doc, content, attributes: a, abstract, dictionary }) =>
            `<xs:complexType name="${name}"${abstract ? ' abstract="true"' : ""}>${doc}${dictionary ? DICTIONARY_MARK : ""}${content}${a.join("")}<xs:attributeGroup ref="tns:${SHARED_ATTRIBUTES}"/></xs:complexType>`,
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ base, content: fc.option(particle(names), { nil: "" }), attributes })
        .map(({ base: b, content, attributes: a }) =>
          b === ""
            ? `<xs:complexType name="${name}">${content}${a.join("")}</xs:complexType>`
            : `<xs:complexType name="${name}"><xs:complexContent><xs:extension base="tns:${escapeXml(b)}">${content}${a.join("")}</xs:extension></xs:complexContent></xs:complexType>`,
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ base: simpleRef(names.simple), attributes })
        .map(
          ({ base: b, attributes: a }) =>
            `<xs:complexType name="${name}"><xs:simpleContent><xs:extension base="${b}">${a.join("")}</xs:extension></xs:simpleContent></xs:complexType>`,
        ),
    },
    // The DataContract shapes: a collection wrapper (the item may be the collection itself) and a dictionary.
    {
      weight: 1,
      arbitrary: fc
        .record({ item: xmlName, type: typeRef([...names.complex, ...names.simple]) })
        .map(
          ({ item, type }) =>
            `<xs:complexType name="${name}"><xs:sequence><xs:element name="${escapeXml(item)}" type="${type}" minOccurs="0" maxOccurs="unbounded" nillable="true"/></xs:sequence></xs:complexType>`,
        ),
    },
    {
      weight: 1,
      arbitrary: typeRef([...names.complex, ...names.simple]).map(
        (value) =>
          `<xs:complexType name="${name}">${DICTIONARY_MARK}<xs:sequence><xs:element name="KeyValueOf${name}" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence><xs:element name="Key" type="xs:string"/><xs:element name="Value" type="${value}" nillable="true"/></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType>`,
      ),
    },
  );
}

/** The i-th simple type: an enumeration, a list or a union of earlier simple types or built-ins. */
function simpleType(names: SchemaNames, i: number): fc.Arbitrary<string> {
  const name = escapeXml(names.simple[i]!);
  const earlier = simpleRef(names.simple.slice(0, i));
  return fc.oneof(
    fc
      .record({ doc: documentation, restriction: enumeration })
      .map(({ doc, restriction }) => `<xs:simpleType name="${name}">${doc}${restriction}</xs:simpleType>`),
    earlier.map((item) => `<xs:simpleType name="${name}"><xs:list itemType="${item}"/></xs:simpleType>`),
    fc
      .array(earlier, { minLength: 1, maxLength: 3 })
      .map(
        (members) =>
          `<xs:simpleType name="${name}"><xs:union memberTypes="${members.join(" ")}"/></xs:simpleType>`,
      ),
  );
}

interface OperationText {
  schema: string;
  messages: string;
  portType: string;
  binding: string;
}

function operation(names: SchemaNames, name: string): fc.Arbitrary<OperationText> {
  const declared = [...names.complex, ...names.simple];
  return fc
    .record({
      input: fc.option(particle(names), { nil: "" }),
      output: fc.option(typeRef(declared), { nil: undefined }),
      fault: fc.boolean(),
      header: fc.boolean(),
      // A second body part makes the message non-wrapped: one property per part, named after the part.
      parts: fc.option(fc.uniqueArray(xmlName, { minLength: 2, maxLength: 2 }), { nil: undefined }),
      action: hostileText,
      doc: fc.option(hostileText, { nil: undefined }),
    })
    .map(({ input, output, fault, header, parts, action, doc }): OperationText => {
      const n = escapeXml(name);
      const when = (condition: boolean, text: string): string => (condition ? text : "");
      return {
        schema: [
          `<xs:element name="${n}"><xs:complexType>${input}</xs:complexType></xs:element>`,
          when(output !== undefined, `<xs:element name="${n}Response" type="${output}"/>`),
          when(fault, `<xs:element name="${n}Fault" type="xs:string"/>`),
          when(header, `<xs:element name="${n}Header" type="xs:string"/>`),
          when(parts !== undefined, `<xs:element name="${n}Extra" type="xs:int" nillable="true"/>`),
        ].join(""),
        messages: [
          parts === undefined
            ? `<wsdl:message name="${n}In"><wsdl:part name="parameters" element="tns:${n}"/></wsdl:message>`
            : `<wsdl:message name="${n}In"><wsdl:part name="${escapeXml(parts[0]!)}" element="tns:${n}"/><wsdl:part name="${escapeXml(parts[1]!)}" element="tns:${n}Extra"/></wsdl:message>`,
          when(
            output !== undefined,
            `<wsdl:message name="${n}Out"><wsdl:part name="parameters" element="tns:${n}Response"/></wsdl:message>`,
          ),
          when(
            fault,
            `<wsdl:message name="${n}Problem"><wsdl:part name="detail" element="tns:${n}Fault"/></wsdl:message>`,
          ),
          when(
            header,
            `<wsdl:message name="${n}Head"><wsdl:part name="${n}" element="tns:${n}Header"/></wsdl:message>`,
          ),
        ].join(""),
        portType: [
          `<wsdl:operation name="${n}">`,
          doc === undefined ? "" : `<wsdl:documentation>${escapeXml(doc)}</wsdl:documentation>`,
          `<wsdl:input message="tns:${n}In"/>`,
          when(output !== undefined, `<wsdl:output message="tns:${n}Out"/>`),
          when(fault, `<wsdl:fault name="${n}Problem" message="tns:${n}Problem"/>`),
          `</wsdl:operation>`,
        ].join(""),
        binding: [
          `<wsdl:operation name="${n}"><soap:operation soapAction="${escapeXml(action)}"/>`,
          `<wsdl:input><soap:body use="literal"/>${when(header, `<soap:header message="tns:${n}Head" part="${n}" use="literal"/>`)}</wsdl:input>`,
          when(output !== undefined, '<wsdl:output><soap:body use="literal"/></wsdl:output>'),
          when(
            fault,
            `<wsdl:fault name="${n}Problem"><soap:fault name="${n}Problem" use="literal"/></wsdl:fault>`,
          ),
          `</wsdl:operation>`,
        ].join(""),
      };
    });
}

/** A whole WSDL with a random schema and one to three random operations. */
export const randomWsdl: fc.Arbitrary<string> = fc
  .record({
    // Some named like WCF collections, which the DataContract conventions treat specially.
    types: fc.uniqueArray(
      fc.tuple(xmlName, fc.boolean()).map(([name, collection]) => (collection ? `ArrayOf${name}` : name)),
      { minLength: 1, maxLength: 6 },
    ),
    simpleShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    operations: fc.uniqueArray(xmlName, { minLength: 1, maxLength: 3 }),
    portType: xmlName,
    namespace: hostileText,
    address: hostileText,
    version: fc.constantFrom("soap", "soap12"),
    doc: fc.option(hostileText, { nil: undefined }),
  })
  .chain(({ types, simpleShare, operations, portType, namespace, address, version, doc }) => {
    const split = Math.floor(types.length * simpleShare);
    const names: SchemaNames = { simple: types.slice(0, split), complex: types.slice(split), operations };
    return fc
      .record({
        simple: fc.tuple(...names.simple.map((_, i) => simpleType(names, i))),
        sharedGroup: particle(names),
        sharedAttributes: attributes,
        complex: fc.tuple(...names.complex.map((_, i) => complexType(names, i))),
        operations: fc.tuple(...operations.map((name) => operation(names, name))),
      })
      .map((parts) => {
        const soapNs =
          version === "soap"
            ? "http://schemas.xmlsoap.org/wsdl/soap/"
            : "http://schemas.xmlsoap.org/wsdl/soap12/";
        const ns = escapeXml(`urn:${namespace}`);
        const port = escapeXml(portType);
        const ops = parts.operations;
        return [
          `<?xml version="1.0" encoding="utf-8"?>`,
          `<wsdl:definitions targetNamespace="${ns}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="${soapNs}" xmlns:tns="${ns}" xmlns:xs="http://www.w3.org/2001/XMLSchema">`,
          `<wsdl:types><xs:schema targetNamespace="${ns}" elementFormDefault="qualified">`,
          [...parts.simple, ...parts.complex, ...ops.map((o) => o.schema)].join("\n"),
          `<xs:group name="${SHARED_GROUP}">${parts.sharedGroup}</xs:group>`,
          `<xs:attributeGroup name="${SHARED_ATTRIBUTES}">${parts.sharedAttributes.join("")}</xs:attributeGroup>`,
          `</xs:schema></wsdl:types>`,
          ops.map((o) => o.messages).join("\n"),
          `<wsdl:portType name="${port}">${doc === undefined ? "" : `<wsdl:documentation>${escapeXml(doc)}</wsdl:documentation>`}${ops.map((o) => o.portType).join("")}</wsdl:portType>`,
          `<wsdl:binding name="${port}Binding" type="tns:${port}"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>${ops.map((o) => o.binding).join("")}</wsdl:binding>`,
          `<wsdl:service name="${port}Service"><wsdl:port name="${port}Port" binding="tns:${port}Binding"><soap:address location="${escapeXml(address)}"/></wsdl:port></wsdl:service>`,
          `</wsdl:definitions>`,
        ].join("\n");
      });
  });

/** One change to a WSDL's text; positions are fractions, so a mutation applies to any document. */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "drop element"; at: number }
  | { kind: "duplicate element"; at: number }
  | { kind: "rename element"; at: number; to: string }
  | { kind: "corrupt attribute"; at: number; value: string }
  | { kind: "swap namespace declarations"; at: number; with: number }
  | { kind: "remove namespace declaration"; at: number };

/** A position anywhere in a document, uniformly (fast-check's numbers otherwise favour the very start). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const CORRUPT_VALUES = [
  "",
  "tns:Nope",
  "xs:nothing",
  "nope:Prefix",
  "unbounded",
  "-1",
  "2.5",
  "rpc",
  "encoded",
  "qualified",
  "true",
  "tns:",
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((at): Mutation => ({ kind: "truncate", at })),
  fraction.map((at): Mutation => ({ kind: "drop element", at })),
  fraction.map((at): Mutation => ({ kind: "duplicate element", at })),
  fc
    .record({
      at: fraction,
      to: fc.constantFrom(
        "xs:choice",
        "xs:all",
        "xs:sequence",
        "xs:element",
        "xs:any",
        "xs:group",
        "wsdl:output",
        "wsdl:fault",
        "soap12:body",
        "unknown",
      ),
    })
    .map((m): Mutation => ({ kind: "rename element", ...m })),
  fc
    .record({ at: fraction, value: fc.oneof(fc.constantFrom(...CORRUPT_VALUES), hostileText.map(escapeXml)) })
    .map((m): Mutation => ({ kind: "corrupt attribute", ...m })),
  fc
    .record({ at: fraction, with: fraction })
    .map((m): Mutation => ({ kind: "swap namespace declarations", ...m })),
  fraction.map((at): Mutation => ({ kind: "remove namespace declaration", at })),
);

interface Span {
  start: number;
  end: number;
  name: string;
  /** Where the name ends in the start tag, and where the end tag's name is (-1 when self-closing). */
  nameEnd: number;
  closeName: number;
}

/** Elements of an XML text as spans, by scanning tags (comments, PIs and CDATA are skipped). */
function elementSpans(text: string): Span[] {
  const spans: Span[] = [];
  const open: { start: number; name: string; nameEnd: number }[] = [];
  for (const tag of text.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [whole, closing, name, selfClosing] = tag;
    const start = tag.index;
    if (closing) {
      const opened = open.pop();
      if (opened)
        spans.push({
          start: opened.start,
          end: start + whole.length,
          name: opened.name,
          nameEnd: opened.nameEnd,
          closeName: start + 2,
        });
    } else if (selfClosing)
      spans.push({
        start,
        end: start + whole.length,
        name: name!,
        nameEnd: start + 1 + name!.length,
        closeName: -1,
      });
    else open.push({ start, name: name!, nameEnd: start + 1 + name!.length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const pick = <T>(items: T[], at: number): T | undefined => items[Math.floor(at * items.length)];

export function mutate(text: string, change: Mutation): string {
  switch (change.kind) {
    case "truncate":
      return text.slice(0, Math.floor(change.at * text.length));
    case "drop element":
    case "duplicate element":
    case "rename element": {
      // The root is left alone: dropping it is just an empty document, covered by truncation.
      const span = pick(elementSpans(text).slice(1), change.at);
      if (!span) return text;
      const element = text.slice(span.start, span.end);
      if (change.kind === "drop element") return text.slice(0, span.start) + text.slice(span.end);
      if (change.kind === "duplicate element")
        return text.slice(0, span.end) + element + text.slice(span.end);
      const closed =
        span.closeName < 0
          ? text.slice(span.nameEnd, span.end)
          : text.slice(span.nameEnd, span.closeName) +
            change.to +
            text.slice(span.closeName + span.name.length, span.end);
      return text.slice(0, span.start + 1) + change.to + closed + text.slice(span.end);
    }
    case "corrupt attribute": {
      const attributes = [...text.matchAll(/\s[\w.:-]+="([^"]*)"/g)];
      const attribute = pick(attributes, change.at);
      if (!attribute) return text;
      const valueStart = attribute.index + attribute[0].indexOf('"') + 1;
      return text.slice(0, valueStart) + change.value + text.slice(valueStart + attribute[1]!.length);
    }
    case "swap namespace declarations": {
      const declarations = [...text.matchAll(/\sxmlns(?::[\w.-]+)?="([^"]*)"/g)];
      const a = pick(declarations, change.at);
      const b = pick(declarations, change.with);
      if (!a || !b || a.index === b.index) return text;
      const [first, second] = a.index < b.index ? [a, b] : [b, a];
      const valueOf = (m: RegExpExecArray | RegExpMatchArray) => ({
        start: m.index! + m[0].indexOf('"') + 1,
        value: m[1]!,
      });
      const x = valueOf(first);
      const y = valueOf(second);
      return (
        text.slice(0, x.start) +
        y.value +
        text.slice(x.start + x.value.length, y.start) +
        x.value +
        text.slice(y.start + y.value.length)
      );
    }
    case "remove namespace declaration": {
      const declaration = pick([...text.matchAll(/\sxmlns(?::[\w.-]+)?="[^"]*"/g)], change.at);
      return declaration
        ? text.slice(0, declaration.index) + text.slice(declaration.index + declaration[0].length)
        : text;
    }
  }
}

/** One to three mutations, applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });
