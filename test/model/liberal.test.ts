/**
 * Liberal intake (wsdl/liberal/): what every other stack reads and is unambiguous is read, with one
 * warning line naming the file, the line and what was wrong; what is dangerous or ambiguous (expanding
 * an entity, reading an external DTD, a reference into a namespace that could not be read) is refused.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SoapgenError } from "../../generator/errors.js";
import { render } from "../../generator/generate.js";
import { parseXml } from "../../generator/load/xml.js";
import { load, WSDL_DIR } from "./helpers.js";

const file = (name: string): string => path.join(WSDL_DIR, "liberal", name);
const COMMON = "urn:example:common";

function refusal(xml: string): string {
  try {
    parseXml(xml, "doc.xsd");
  } catch (error) {
    if (error instanceof SoapgenError) return error.message;
    throw error;
  }
  return expect.fail("expected a SoapgenError");
}

describe("a DOCTYPE", () => {
  it("whose internal subset only declares entities the document never uses is read past, with a warning", async () => {
    const model = await load("liberal/doctype-unused-entities.wsdl");
    expect(model.warnings).toEqual([
      `${file("doctype-unused-entities.wsdl")}:5:1: read past the DOCTYPE, which declares entities the document never uses (example); its external DTD is not read`,
    ]);
    expect(model.ports.map((port) => port.operations.map((op) => op.name))).toEqual([["Ping"]]);
  });

  it("keeps every line and column of the document after it", () => {
    const xml = `<!DOCTYPE r [\n  <!ENTITY e "x">\n]>\n<r>\n  <a></b>\n</r>`;
    expect(refusal(xml)).toMatch(/^doc\.xsd:5:\d+: not well-formed XML/);
  });

  it.each([
    [
      "an entity it declares is used",
      `<!DOCTYPE r [<!ENTITY e "boom">]><r>&e;</r>`,
      "doc.xsd:1:1: DOCTYPE declarations are not allowed in WSDL or XML Schema documents: it declares the entity 'e', which the document uses; soapgen expands only the five predefined entities and character references",
    ],
    [
      "an entity its external DTD may declare is used",
      `<!DOCTYPE r SYSTEM "http://example.com/r.dtd"><r>&e;</r>`,
      "doc.xsd:1:1: DOCTYPE declarations are not allowed in WSDL or XML Schema documents: the document uses the entity 'e', which its external DTD may declare; soapgen expands only the five predefined entities and character references",
    ],
    [
      "its internal subset includes a parameter entity (an external one would be fetched)",
      `<!DOCTYPE r [<!ENTITY % x SYSTEM "http://example.com/x.ent"> %x;]><r/>`,
      "doc.xsd:1:1: DOCTYPE declarations are not allowed in WSDL or XML Schema documents: its internal subset includes a parameter entity",
    ],
    [
      "an ATTLIST defaults an attribute that is not a namespace declaration",
      `<!DOCTYPE r [<!ATTLIST r elementFormDefault CDATA "qualified">]><r/>`,
      "doc.xsd:1:1: DOCTYPE declarations are not allowed in WSDL or XML Schema documents: its ATTLIST gives attributes other than namespace declarations default values",
    ],
    [
      "it is not terminated",
      `<!DOCTYPE r [<!ENTITY e "x">`,
      "doc.xsd:1:1: DOCTYPE declarations are not allowed in WSDL or XML Schema documents: the DOCTYPE is not terminated",
    ],
  ])("is refused when %s", (_, xml, message) => {
    expect(refusal(xml)).toBe(message);
  });
});

describe("an xs:import", () => {
  it.each([
    ["import-namespace-mismatch.wsdl", "xs:import of namespace 'urn:example:commons'", "xs:import"],
    ["import-without-namespace.wsdl", "xs:import without a namespace", "xs:import"],
  ])(
    "%s: read under the imported document's own targetNamespace, with a warning",
    async (name, imported, step) => {
      const model = await load(`liberal/${name}`);
      expect(model.warnings).toEqual([
        `${file(name)}:8:7: ${imported} reads ${file("common.xsd")}, whose targetNamespace is '${COMMON}': read under '${COMMON}' (at wsdl:definitions[@name='Echo']/wsdl:types/xs:schema/${step})`,
      ]);
      expect(model.elements.has(`{${COMMON}}Echo`)).toBe(true);
      expect(model.ports[0]!.operations[0]!.input.body[0]!.element).toBe(`{${COMMON}}Echo`);
    },
  );

  it("whose schemaLocation cannot be read, of a namespace nothing refers to, is a hint: a warning", async () => {
    const model = await load("liberal/unreadable-import.wsdl");
    expect(model.warnings).toEqual([
      `${file("unreadable-import.wsdl")}:9:7: cannot read imported document ${file("no-such-file.xsd")}: file not found; read on without it, as nothing refers to namespace 'urn:example:unused' (at wsdl:definitions[@name='Echo']/wsdl:types/xs:schema/xs:import[2])`,
    ]);
    expect(model.ports).toHaveLength(1);
  });
});

describe("the warnings", () => {
  it("reach onWarning, one line each, and the output is generated", async () => {
    const warnings: string[] = [];
    const files = await render(["doctype-unused-entities.wsdl", "import-without-namespace.wsdl"].map(file), {
      onWarning: (warning) => warnings.push(warning),
    });
    expect(files.has("index.ts")).toBe(true);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^.*doctype-unused-entities\.wsdl:5:1: read past the DOCTYPE/);
    expect(warnings[1]).toMatch(/^.*import-without-namespace\.wsdl:8:7: xs:import without a namespace/);
    for (const warning of warnings) expect(warning).not.toContain("\n");
  });
});
