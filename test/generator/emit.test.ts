/** Per construct: what the emitters make of each hand-written WSDL in wsdl/. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";

async function files(name: string): Promise<{ types: string; index: string; schema: string }> {
  const rendered = await render(resolve(process.cwd(), "wsdl", name));
  return {
    types: rendered.get("types.ts")!,
    index: rendered.get("index.ts")!,
    schema: rendered.get("schema.ts")!,
  };
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

  it("complexContent and simpleContent extension become interface inheritance", async () => {
    const { types, schema } = await files("extension.wsdl");
    expect(types).toContain("export interface Dog extends Animal {\n  Breed?: string;\n}");
    expect(types).toMatch(/Abstract in the schema[^]*export interface Animal \{/);
    expect(types).toMatch(/export interface Price \{\n[^}]*\$value: number;\n\s+currency: string;\n\}/);
    // The derived type inherits $value rather than declaring it again.
    expect(types).toContain("export interface DiscountedPrice extends Price {\n  discount?: number;\n}");
    expect(schema).toMatch(
      /Dog: \{\n\s+kind: "complex",\n\s+xmlName: "Dog",\n\s+xmlNs: \w+,\n\s+base: "Animal",/,
    );
  });

  it("enumerations become literal unions and xs:list an array", async () => {
    const { types } = await files("list-enum.wsdl");
    expect(types).toContain('export type Color = "Red" | "Green" | "Blue";');
    expect(types).toContain('export type Permissions = ("Read" | "Write")[];');
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
    expect(rendered.get("types.ts")).toContain('export type ColorOrPercent = Color | "Clear";');
    expect(rendered.get("schema.ts")).toContain(
      'ColorOrPercent: {\n    kind: "simple",\n    xmlName: "ColorOrPercent",\n    xmlNs: nslist_enum,\n    base: "string",\n    enumeration: ["Red", "Green", "Blue", "Clear"],\n  },',
    );
  });

  it("IsDictionary becomes Record, ArrayOf wrappers arrays, and a look-alike with an attribute stays a type", async () => {
    const { types } = await files("dictionary.wsdl");
    expect(types).toContain("Settings: Record<string, number> | null;");
    expect(types).toContain("Levels: Level[];");
    expect(types).toContain("Ids: (string | null)[];");
    expect(types).toMatch(/export interface ArrayOfPair \{\n\s+Pair: string\[\];\n\s+count\?: number;\n\}/);
    expect(types).toMatch(/service's underlying type is xs:short\.[^]*export type Level = "Low" \| "High";/);
  });

  it("attributes become properties, required or optional by use", async () => {
    const { types } = await files("attributes.wsdl");
    expect(types).toMatch(
      /export interface Document \{\n\s+Title: string;\n\s+id: string;\n\s+status\?: "draft" \| "final";/,
    );
    expect(types).toContain("stamp?: Date;");
  });

  it("xs:any is kept as raw XML and anyType as unknown", async () => {
    const { types, schema } = await files("any.wsdl");
    expect(types).toMatch(/Payload: unknown;\n\s+Untyped: unknown;\n[^]*\$any\?: string\[\];/);
    expect(schema).toContain("any: true");
  });

  it("unqualified local elements are written in no namespace", async () => {
    const { schema } = await files("unqualified.wsdl");
    expect(schema).toContain('{ name: "plain", ns: "", type: "string" },');
    expect(schema).toContain('{ name: "qualified", ns: nsunqualified, type: "string" },');
  });

  it("a SOAP 1.2 binding makes a SOAP 1.2 client", async () => {
    const { schema, index } = await files("soap12.wsdl");
    expect(schema).toContain('soapVersion: "1.2"');
    expect(index).toContain("A typed client for the EchoService SOAP 1.2 service.");
  });

  it("wsdl:fault becomes an error class the client throws, headers a typed interface", async () => {
    const { types, index } = await files("faults.wsdl");
    expect(index).toContain(
      'export class InsufficientFundsError extends SoapFaultError<InsufficientFunds> {\n  override readonly name = "InsufficientFundsError";\n}',
    );
    expect(index).toContain("new SoapClient<BankRequestHeaders>(bankService, options, bankServiceFaults)");
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

  it("the prettier-formatted files of the hostile examples too, whose odd comments and names test the parser", async () => {
    const { formatWithTypescriptParser } = await import("./prettier-typescript.js");
    for (const name of ["hostile/names.wsdl", "hostile/injection.wsdl", "hostile/cycle/service.wsdl"]) {
      const { index, types } = await files(name);
      expect(await formatWithTypescriptParser(index), `${name}: index`).toBe(index);
      expect(await formatWithTypescriptParser(types), `${name}: types`).toBe(types);
    }
  });
});
