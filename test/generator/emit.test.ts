/** Per construct: what the emitters make of each hand-written WSDL in wsdl/. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";
import { outputParts } from "./output.js";

async function files(name: string): Promise<{ types: string; index: string; schema: string }> {
  const { types, clients, schema } = outputParts(await render(resolve(process.cwd(), "wsdl", name)));
  return { types, index: clients, schema };
}

describe("emission per construct", () => {
  it("xs:choice becomes a union whose branches exclude each other", async () => {
    const { types } = await files("choice.wsdl");
    expect(types).toContain(
      `export type Payment = { Amount: number; Email?: string; Phone?: string } & (
  { CardNumber: string; Iban?: never; Bic?: never } | { Iban: string; Bic?: string; CardNumber?: never }
);`,
    );
    expect(types).toMatch(
      /export interface PayRequest \{\n\s+Payment: Payment\[\];\n\s+Options\?: Options;\n\}/,
    );
  });

  it("a repeated choice, or a repeated group holding one, becomes one ordered array of single-key objects", async () => {
    const { types, schema } = await files("repeated-choice.wsdl");
    expect(types).toContain(
      "  $choice: ({ Message: Message } | { CalendarItem: CalendarItem } | { Note: string | null })[];\n",
    );
    expect(types).toContain("  $choice2?: ({ Tag: string } | { Flag: number })[];\n");
    expect(types).toContain("  $choice: ({ Step: string } | { Wait: number } | { Say: string })[];\n");
    // No branch is a property of its own any more, so none decodes as an empty array.
    expect(types).not.toMatch(/Message\?: Message\[\]|Tag\?: string\[\]/);
    expect(schema).toContain('{ name: "Note", type: "string", nillable: true, group: "$choice" },');
    expect(schema).toContain("groups: { $choice: {}, $choice2: { optional: true } },");
  });

  it("mixed content becomes one ordered array of text and single-key objects", async () => {
    const { types, schema } = await files("mixed.wsdl");
    expect(types).toContain(
      "  $mixed?: (string | { b: string } | { i: string } | { a: Link })[];\n  lang?: string;\n",
    );
    expect(types).toContain("  $mixed: (string | { Name: string } | { Date: string })[];\n");
    expect(types).toContain(
      "export interface Link {\n  /** The element's text (mixed content without elements). */\n  $value: string;\n",
    );
    expect(types).toContain("export interface Greeting {\n  Name: string;\n}");
    expect(schema).toContain("groups: { $mixed: { optional: true, text: true } },");
  });

  it("xs:anyAttribute becomes $attributes, inherited by a derived type and on a header block", async () => {
    const { types, schema } = await files("any-attribute.wsdl");
    const open =
      "  /** Undeclared attributes (`xs:anyAttribute`) by name: `local`, or `{namespace}local` if qualified. */\n" +
      "  $attributes?: Record<string, string>;\n}";
    expect(types).toContain(`  Value: string;\n  id?: string;\n${open}`);
    expect(types).toContain(`export interface Context {\n  Tenant: string;\n${open}`);
    expect(types).toMatch(/export interface SignedToken extends Token \{\n[^]*?Signature: Uint8Array;\n\}/);
    expect(schema.match(/anyAttribute: true/g)).toHaveLength(2);
  });

  it("complexContent and simpleContent extension become interface inheritance", async () => {
    const { types, schema } = await files("extension.wsdl");
    expect(types).toContain(
      'export interface Dog extends Animal {\n  /** This type or a derived one, read from and sent as `xsi:type`. */\n  $type?: "Dog";\n  Breed?: string;\n}',
    );
    expect(types).toContain(
      'export interface Animal {\n  /** This type or a derived one, read from and sent as `xsi:type`. */\n  $type?: "Animal" | "Dog";\n',
    );
    expect(types).toMatch(/Abstract in the schema[^]*export interface Animal \{/);
    expect(types).toMatch(/export interface Price \{\n[^}]*\$value: number;\n\s+currency: string;\n\}/);
    // The derived type inherits $value rather than declaring it again.
    expect(types).toContain(
      'export interface DiscountedPrice extends Price {\n  /** This type or a derived one, read from and sent as `xsi:type`. */\n  $type?: "DiscountedPrice";\n  discount?: number;\n}',
    );
    expect(schema).toMatch(
      /Dog: \{\n\s+kind: "complex",\n\s+xmlName: "Dog",\n\s+xmlNs: \w+,\n\s+base: "Animal",/,
    );
  });

  it("enumerations become literal unions and xs:list an array", async () => {
    const { types } = await files("list-enum.wsdl");
    expect(types).toContain('export type Color = "Red" | "Green" | "Blue" | UnknownEnumValue;');
    expect(types).toContain('export type Permissions = ("Read" | "Write" | UnknownEnumValue)[];');
    expect(types).toContain('import type { UnknownEnumValue } from "./runtime/index.js";');
    expect(types).toContain('export type Permissions = ("Read" | "Write" | UnknownEnumValue)[];');
    expect(types).toContain("export type Palette = Color[];");
    // A union with a numeric member decodes as text, so it is typed as text.
    expect(types).toContain("export type ColorOrPercent = string;");
  });

  it("a union of enumerations is their literal union, and the runtime checks the values", async () => {
    const wsdl = readFileSync(resolve(process.cwd(), "wsdl/list-enum.wsdl"), "utf8").replace(
      /<xs:simpleType name="ColorOrPercent">[\s\S]*?<\/xs:simpleType>/,
      `<xs:simpleType name="ColorOrPercent"><xs:union memberTypes="tns:Color">` +
        `<xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="Clear"/></xs:restriction></xs:simpleType>` +
        `</xs:union></xs:simpleType>`,
    );
    const rendered = await render({ text: wsdl, name: "union.wsdl" });
    expect(outputParts(rendered).types).toContain(
      'export type ColorOrPercent = Color | "Clear" | UnknownEnumValue;',
    );
    expect(outputParts(rendered).schema).toContain(
      'ColorOrPercent: {\n    kind: "simple",\n    xmlName: "ColorOrPercent",\n    xmlNs: nslist_enum,\n    base: "string",\n    enumeration: ["Red", "Green", "Blue", "Clear"],\n  },',
    );
  });

  it("IsDictionary becomes Record, ArrayOf wrappers arrays, and a look-alike with an attribute stays a type", async () => {
    const { types } = await files("dictionary.wsdl");
    expect(types).toContain("Settings: Record<string, number> | null;");
    expect(types).toContain("Levels: Level[];");
    expect(types).toContain("Ids: (string | null)[];");
    expect(types).toMatch(/export interface ArrayOfPair \{\n\s+Pair: string\[\];\n\s+count\?: number;\n\}/);
    expect(types).toMatch(
      /service's underlying type is xs:short\.[^]*export type Level = "Low" \| "High" \| UnknownEnumValue;/,
    );
  });

  it("attributes become properties, required or optional by use", async () => {
    const { types } = await files("attributes.wsdl");
    expect(types).toMatch(
      /export interface Document \{\n\s+Title: string;\n\s+id: string;\n\s+status\?: "draft" \| "final" \| UnknownEnumValue;/,
    );
    expect(types).toContain("stamp?: Date;");
  });

  it("xs:any is kept as raw XML and anyType as text or RawXml", async () => {
    const { types, schema } = await files("any.wsdl");
    expect(types).toMatch(
      /Payload: string \| RawXml;\n\s+Untyped: string \| RawXml;\n[^]*\$any\?: string\[\];/,
    );
    expect(types).toContain('import type { RawXml } from "./runtime/index.js";');
    expect(schema).toContain("any: true");
  });

  it("unqualified local elements are written in no namespace", async () => {
    const { schema } = await files("unqualified.wsdl");
    expect(schema).toContain('{ name: "plain", ns: "", type: "string" },');
    // A field in the namespace of its type (`xmlNs`) leaves its own out.
    expect(schema).toContain(
      'xmlNs: nsunqualified,\n    fields: [\n      { name: "plain", ns: "", type: "string" },\n      { name: "qualified", type: "string" },',
    );
  });

  it("a SOAP 1.2 binding makes a SOAP 1.2 client", async () => {
    const { schema, index } = await files("soap12.wsdl");
    expect(schema).toContain('soapVersion: "1.2"');
    expect(index).toContain("A typed client for the EchoService SOAP 1.2 service.");
  });

  it("writes no types.ts or tables.ts when no schema type is shared (its types are the client's own)", async () => {
    const rendered = await render(resolve(process.cwd(), "wsdl", "soap12.wsdl"));
    expect(rendered.has("types.ts")).toBe(false);
    expect(rendered.has("tables.ts")).toBe(false);
    expect(rendered.get("index.ts")).not.toContain("./types.js");
    expect(rendered.get("echo-service.ts")).toContain("export interface EchoRequest {");
    expect(rendered.get("echo-service.ts")).not.toContain("typeTables");
  });

  it("wsdl:fault becomes an error class the client throws, headers a typed interface", async () => {
    const { types, index } = await files("faults.wsdl");
    expect(index).toContain(
      'export class InsufficientFundsError extends SoapFaultError<InsufficientFunds> {\n  override readonly name = "InsufficientFundsError";\n  declare readonly detail: InsufficientFunds | undefined;\n\n  constructor(init: SoapFaultInit<InsufficientFunds>) {\n    super(init);\n  }\n}',
    );
    expect(index).toContain(
      "new SoapClient<BankRequestHeaders>(bankTables, options, { faults: bankFaults })",
    );
    expect(types).toMatch(
      /export interface BankRequestHeaders \{\n\s+session\?: string;\n\s+trace\?: string;\n\}/,
    );
    // A one-way operation resolves to void; a request with a required element cannot be left out.
    expect(index).toContain(
      "async log(request: LogRequest, options?: CallOptions<BankRequestHeaders>): Promise<void> {",
    );
    expect(index).toMatch(/async withdraw\(\n\s+request: WithdrawRequest,\n/);
    // No soap:address: the endpoint is required.
    expect(index).toContain("export type BankClientOptions = SoapClientOptions<BankRequestHeaders>;");
  });
});

describe("emission of the WSDL 1.1 styles beyond WCF", () => {
  it("rpc/literal: the request and response objects are keyed by part, the wrappers in the body namespace", async () => {
    const { types, schema, index } = await files("rpc-literal.wsdl");
    expect(types).toMatch(
      /export interface GetQuoteRequest \{\n\s+symbol: string;\n\s+count: number;\n\s+Note: string;\n\}/,
    );
    expect(types).toMatch(/export interface GetQuoteResponse \{\n\s+quote: Quote;\n\s+total: number;\n\}/);
    // The wrapper is anonymous: no xsi:type can name it. Its accessors are unqualified.
    expect(schema).toContain(
      `GetQuoteRequest: {\n    kind: "complex",\n    xmlNs: nswire,\n    fields: [\n      { name: "symbol", ns: "", type: "string" },\n      { name: "count", ns: "", type: "int" },\n      { name: "Note", ns: nstypes, type: "string" },\n    ],\n  },`,
    );
    // The body element is in the port's namespace (`ns: nswire`), which the part leaves out.
    expect(schema).toContain("  ns: nswire,\n");
    expect(schema).toMatch(
      /input: \{\n\s+body: \[\{ name: "GetQuote", type: "GetQuoteRequest" \}\],\n\s+unwrapped: true,/,
    );
    expect(index).toContain("export class UnknownSymbolError extends SoapFaultError<UnknownSymbol>");
    expect(index).toContain(
      "async log(request: LogRequest, options?: CallOptions<QuotesRequestHeaders>): Promise<void>",
    );
  });

  it("document/literal type= parts: one property per part, unqualified elements on the wire", async () => {
    const { types, schema } = await files("type-parts.wsdl");
    expect(types).toMatch(/export interface FormatRequest \{\n\s+name: string;\n\s+address: Address;\n\}/);
    expect(types).toContain("export type FormatResponse = Label;");
    expect(types).toMatch(/export interface LabelsRequestHeaders \{\n\s+locale\?: string;\n\}/);
    // The parts are in no namespace, the port's (`ns: ""`), so they leave theirs out.
    expect(schema).toContain('  ns: "",\n');
    expect(schema).toContain(
      `body: [\n          { name: "name", type: "string" },\n          { name: "address", type: "Address" },\n        ],\n        unwrapped: false,`,
    );
  });

  it("substitution groups: a union of the members' types, each object tagged with its $element", async () => {
    const { types, schema } = await files("substitution.wsdl");
    // Van has Car's type: only $element tells them apart. The abstract head is no alternative.
    expect(types).toContain(
      `export interface RegisterResponse {\n  Vehicle:\n    ({ $element: "Car" } & CarType) | ({ $element: "Truck" } & TruckType) | ({ $element: "Van" } & CarType);\n}`,
    );
    // Simple values cannot carry $element: Note and Remark are both strings.
    expect(types).toMatch(/\n  Note\?: string;\n/);
    expect(schema).toContain(
      `members: [\n          { name: "Car", ns: nssubstitution, type: "CarType" },\n          { name: "Truck", ns: nssubstitution, type: "TruckType" },\n          { name: "Van", ns: nssubstitution, type: "CarType" },\n        ],`,
    );
  });

  it("notification and solicit-response operations: no method, one warning each", async () => {
    const warnings: string[] = [];
    const rendered = await render(resolve(process.cwd(), "wsdl/notification.wsdl"), {
      onWarning: (w) => warnings.push(w),
    });
    const { clients, schema } = outputParts(rendered);
    expect(clients).toContain("async subscribe(");
    expect(clients).not.toMatch(/\balert\b|\bconfirm\b|"Alert"|"Confirm"/);
    expect(schema).not.toMatch(/"Alert"|"Confirm"/);
    expect(warnings.map((w) => w.replace(/^.*notification\.wsdl:/, ""))).toEqual([
      expect.stringMatching(
        /^37:5: notification operation 'Alert' of portType 'Alerts' left out of the client/,
      ),
      expect.stringMatching(
        /^40:5: solicit-response operation 'Confirm' of portType 'Alerts' left out of the client/,
      ),
    ]);
  });
});

describe("layout", () => {
  it("every file of every example is laid out as prettier's typescript parser lays it out", async () => {
    const { formatWithTypescriptParser } = await import("./prettier-typescript.js");
    const { readdirSync } = await import("node:fs");
    const examples = readdirSync(resolve(process.cwd(), "wsdl")).filter((name) => name.endsWith(".wsdl"));
    expect(examples.length).toBeGreaterThan(5);
    for (const name of examples) {
      for (const [file, text] of Object.entries(await files(name)))
        expect(await formatWithTypescriptParser(text), `${name}: ${file}`).toBe(text);
    }
  });

  it("every file of the hostile examples too, whose non-ASCII names, long namespaces and odd comments test the layout", async () => {
    const { formatWithTypescriptParser } = await import("./prettier-typescript.js");
    for (const name of ["hostile/names.wsdl", "hostile/injection.wsdl", "hostile/cycle/service.wsdl"]) {
      for (const [file, text] of await render(resolve(process.cwd(), "wsdl", name)))
        if (file.endsWith(".ts"))
          expect(await formatWithTypescriptParser(text), `${name}: ${file}`).toBe(text);
    }
  });
});

describe("an output element several operations share", () => {
  it("is one type named after the element, and each operation's response an alias of it", async () => {
    const op = (name: string) =>
      `<wsdl:operation name="${name}"><wsdl:input message="tns:${name}In"/><wsdl:output message="tns:Out"/></wsdl:operation>`;
    const bound = (name: string) =>
      `<wsdl:operation name="${name}"><soap:operation soapAction="urn:auth/${name}"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`;
    const wsdl = `<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:auth" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:auth" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types><xs:schema targetNamespace="urn:auth" elementFormDefault="qualified">
    <xs:element name="Implicit"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    <xs:element name="UsernamePassword"><xs:complexType><xs:sequence><xs:element name="User" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
    <xs:element name="AuthenticateResponse"><xs:complexType><xs:sequence><xs:element name="Ticket" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
  </xs:schema></wsdl:types>
  <wsdl:message name="ImplicitIn"><wsdl:part name="parameters" element="tns:Implicit"/></wsdl:message>
  <wsdl:message name="UsernamePasswordIn"><wsdl:part name="parameters" element="tns:UsernamePassword"/></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:AuthenticateResponse"/></wsdl:message>
  <wsdl:portType name="Principal">${op("Implicit")}${op("UsernamePassword")}</wsdl:portType>
  <wsdl:binding name="PrincipalBinding" type="tns:Principal"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>${bound("Implicit")}${bound("UsernamePassword")}</wsdl:binding>
</wsdl:definitions>`;
    const module = (await render({ text: wsdl, name: "auth.wsdl" })).get("principal.ts")!;
    expect(module).toContain("export interface AuthenticateResponse {\n  Ticket: string;\n}");
    expect(module).toContain("export type UsernamePasswordResponse = AuthenticateResponse;");
    expect(module).toContain("): Promise<UsernamePasswordResponse> {");
    expect(module).toMatch(/async implicit\(\s*request: ImplicitRequest = \{\},/);
    expect(module).not.toContain("ImplicitResponse {");
  });
});
