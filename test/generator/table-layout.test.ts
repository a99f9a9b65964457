/**
 * The tables are written in prettier's layout without prettier (generator/format/literal.ts), except those
 * with non-ASCII text, which prettier lays out. Given a WSDL, want the tables as prettier writes them.
 */
import { describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";
import { wsdlWithSchema } from "./given-want.js";
import { clientModules } from "./output.js";
import { formatWithTypescriptParser } from "./prettier-typescript.js";

/** The tables of the one client module: from the first namespace constant to the end. */
async function tablesOf(wsdl: string): Promise<string> {
  const files = await render({ text: wsdl, name: "layout.wsdl" });
  for (const [path, text] of files)
    if (path.endsWith(".ts")) expect(await formatWithTypescriptParser(text), path).toBe(text);
  const [module] = clientModules(files);
  const text = files.get(module!)!;
  return text.slice(text.indexOf("\nconst ns") + 1);
}

describe("tables in prettier's layout", () => {
  it("a namespace constant too long for a line has its string on the next", async () => {
    const ns = "urn:example:a-namespace-long-enough-that-its-constant-does-not-fit-on-one-line";
    const schema = `<xs:element name="Op"><xs:complexType><xs:sequence>
      <xs:element name="Value" type="xs:int"/>
    </xs:sequence></xs:complexType></xs:element>`;
    expect(await tablesOf(wsdlWithSchema(schema, ns))).toBe(
      `const nsa_namespace_long_enough_that_its_constant_does_not_fit_on_one_line =
  "urn:example:a-namespace-long-enough-that-its-constant-does-not-fit-on-one-line";

/** Wire layout of the types only Given uses, by TypeScript type name. */
const types: Readonly<Record<string, TypeMeta>> = {
  OpRequest: {
    kind: "complex",
    xmlNs: nsa_namespace_long_enough_that_its_constant_does_not_fit_on_one_line,
    fields: [{ name: "Value", type: "int" }],
  },
};

/** Wire layout of the Given operations. */
export const givenTables: ServiceMeta = {
  types,
  soapVersion: "1.1",
  ns: nsa_namespace_long_enough_that_its_constant_does_not_fit_on_one_line,
  operations: {
    Op: { soapAction: "Op", input: { body: [{ name: "Op", type: "OpRequest" }], unwrapped: true } },
  },
};
`,
    );
  });

  it("a non-ASCII operation name is a key without quotes, and its object on one line when that fits, as prettier writes them", async () => {
    const schema = `<xs:element name="größe"><xs:complexType><xs:sequence/></xs:complexType></xs:element>`;
    // A soapAction of 3 characters puts the operation's line at 110 characters once its key is unquoted.
    const wsdl = wsdlWithSchema(schema, "urn:maße", "größe").replace(
      'soapAction="größe"',
      'soapAction="urn"',
    );
    expect(await tablesOf(wsdl)).toBe(
      `const nsma_e = "urn:maße";

/** Wire layout of the types only Given uses, by TypeScript type name. */
const types: Readonly<Record<string, TypeMeta>> = {
  Gr__eRequest: { kind: "complex", xmlNs: nsma_e, fields: [] },
};

/** Wire layout of the Given operations. */
export const givenTables: ServiceMeta = {
  types,
  soapVersion: "1.1",
  ns: nsma_e,
  operations: {
    größe: { soapAction: "urn", input: { body: [{ name: "größe", type: "Gr__eRequest" }], unwrapped: true } },
  },
};
`,
    );
  });

  it("a string too long for its line goes to the next after a key of 5 characters or more, not after a shorter one", async () => {
    const long = `Element${"X".repeat(95)}`;
    const action = `urn:example:${"action/".repeat(14)}Op`;
    const schema = `<xs:element name="Op"><xs:complexType><xs:sequence>
      <xs:element name="${long}" type="xs:string"/>
    </xs:sequence></xs:complexType></xs:element>`;
    const tables = await tablesOf(
      wsdlWithSchema(schema).replace('soapAction="Op"', `soapAction="${action}"`),
    );
    expect(tables).toContain(`\n        name: "${long}",\n        type: "string",\n`);
    expect(tables).toContain(`\n      soapAction:\n        "${action}",\n`);
  });
});
