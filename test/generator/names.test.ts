/**
 * wsdl/lowercase-names.wsdl: type, class and error names are PascalCase whatever the schema's case; the
 * tables keep the XML names; two names that meet once capitalised are numbered, the one the schema
 * already spelt so keeping its name.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";

const ROOT = process.cwd();
const files = await render(resolve(ROOT, "wsdl/lowercase-names.wsdl"));

/** The names a file declares, in order. */
const declared = (name: string): string[] =>
  [...files.get(name)!.matchAll(/^export (?:interface|type|class|const|function) (\w+)/gm)].map((m) => m[1]!);

describe("names in a schema's own case", () => {
  it("become PascalCase types, clients and errors; values stay camelCase", () => {
    expect(declared("types.ts")).toEqual(["Address", "Item2", "Item"]);
    expect(declared("check-vat-port-type.ts")).toEqual([
      "CheckVatRequest",
      "CheckVatResponse",
      "CheckVatPortTypeRequestHeaders",
      "CheckVatPortTypeResponseHeaders",
      "FaultError",
      "CheckVatPortTypeDefaultEndpoint",
      "CheckVatPortTypeOperations",
      "CheckVatPortTypeClientOptions",
      "CheckVatPortTypeClient",
      "checkVatPortTypeTables",
    ]);
    expect(declared("check-vat-port-type.stub.ts")).toEqual([
      "CheckVatPortTypeHandlerContext",
      "CheckVatPortTypeMethod",
      "CheckVatPortTypeHandlers",
      "createCheckVatPortTypeHandler",
    ]);
  });

  it("keeps the XML names in the tables, the operation and the method as the schema spells them", () => {
    const tables = files.get("tables.ts")!;
    expect(tables).toMatch(/ {2}Item2: \{\n {4}kind: "complex",\n {4}xmlName: "item",/);
    expect(tables).toMatch(/ {2}Item: \{\n {4}kind: "complex",\n {4}xmlName: "Item",/);
    const client = files.get("check-vat-port-type.ts")!;
    expect(client).toContain("  async checkVat(");
    expect(client).toContain("  checkVat: {");
    expect(client).toContain("const checkVatPortTypeFaults = { fault: FaultError };");
  });
});
