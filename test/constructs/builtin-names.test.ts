/**
 * Types named like the XSD built-ins and the runtime's value kinds (`int`, `string`, `date`, `hex`, …): the
 * tables name a leaf by its value kind and a type by its TypeScript name, so a complex type named `int`
 * once reached the runtime as the value kind int (`Expected a value of kind int, got object`). Complex and
 * simple types of every such name round-trip through the typed stub.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { BUILTIN_NAMES, VALUE_KINDS } from "../../generator/lib/builtins.js";

const NAMES = [...new Set([...BUILTIN_NAMES, ...VALUE_KINDS])].sort();
const XS = "http://www.w3.org/2001/XMLSchema";

/** A complex type `c:<name>` (one string field) and a simple type `s:<name>` (an enumeration) per name. */
const wsdl = `<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:names" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:names" xmlns:c="urn:names:complex"
    xmlns:s="urn:names:simple" xmlns:xs="${XS}">
  <wsdl:types>
    <xs:schema targetNamespace="urn:names:complex" elementFormDefault="qualified">
      ${NAMES.map((n) => `<xs:complexType name="${n}"><xs:sequence><xs:element name="V" type="xs:string"/></xs:sequence></xs:complexType>`).join("\n      ")}
    </xs:schema>
    <xs:schema targetNamespace="urn:names:simple">
      ${NAMES.map((n) => `<xs:simpleType name="${n}"><xs:restriction base="xs:string"><xs:enumeration value="${n}-value"/></xs:restriction></xs:simpleType>`).join("\n      ")}
    </xs:schema>
    <xs:schema targetNamespace="urn:names" elementFormDefault="qualified">
      <xs:import namespace="urn:names:complex"/><xs:import namespace="urn:names:simple"/>
      <xs:element name="Echo"><xs:complexType><xs:sequence>
        ${NAMES.map((n, i) => `<xs:element name="C${i}" type="c:${n}"/><xs:element name="S${i}" type="s:${n}"/>`).join("\n        ")}
      </xs:sequence></xs:complexType></xs:element>
      <xs:element name="EchoResponse"><xs:complexType><xs:sequence>
        ${NAMES.map((n, i) => `<xs:element name="C${i}" type="c:${n}"/><xs:element name="S${i}" type="s:${n}"/>`).join("\n        ")}
      </xs:sequence></xs:complexType></xs:element>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="EchoIn"><wsdl:part name="parameters" element="tns:Echo"/></wsdl:message>
  <wsdl:message name="EchoOut"><wsdl:part name="parameters" element="tns:EchoResponse"/></wsdl:message>
  <wsdl:portType name="Names"><wsdl:operation name="Echo"><wsdl:input message="tns:EchoIn"/><wsdl:output message="tns:EchoOut"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="NamesBinding" type="tns:Names"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Echo"><soap:operation soapAction="urn:names/Echo"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;

const dir = mkdtempSync(join(tmpdir(), "soapgen-builtin-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("types named like the built-ins and the value kinds", () => {
  it("round-trip through the typed stub, complex and simple", async () => {
    symlinkSync(resolve(process.cwd(), "node_modules"), join(dir, "node_modules"));
    await generate({ wsdl: { text: wsdl, name: "names.wsdl" }, out: join(dir, "out") });
    const { NamesClient } = (await import(join(dir, "out", "index.ts"))) as {
      NamesClient: new (options: { endpoint: string; fetch: typeof fetch }) => {
        echo(request: object): Promise<object>;
      };
    };
    const { createNamesHandler } = (await import(join(dir, "out", "stub.ts"))) as {
      createNamesHandler: (handlers: { echo: (request: object) => object }) => typeof fetch;
    };
    const request = Object.fromEntries(
      NAMES.flatMap((name, i) => [
        [`C${i}`, { V: `hello ${name}` }],
        [`S${i}`, `${name}-value`],
      ]),
    );
    const client = new NamesClient({
      endpoint: "http://stub.invalid/names",
      fetch: createNamesHandler({ echo: (received) => received }),
    });
    expect(NAMES).toContain("int");
    expect(NAMES).toContain("hex");
    expect(await client.echo(request)).toEqual(request);
  });
});
