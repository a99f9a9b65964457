import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadServiceModel } from "../../generator/parse.js";
import { SoapgenError } from "../../generator/errors.js";
import { loadError, WSDL_DIR } from "./helpers.js";

const file = (name: string) => path.join(WSDL_DIR, "invalid", name);

describe("invalid inputs become one-line SoapgenErrors", () => {
  it.each([
    [
      "dangling-type.wsdl",
      "dangling type reference: type 'tns:Missing' ({urn:example:dangling}Missing) is not defined",
      10,
      "xs:complexType[@name='Order']/xs:sequence/xs:element[@name='Item']",
    ],
    [
      "duplicate-type.wsdl",
      "duplicate type {urn:example:duplicate}Order: already defined at",
      11,
      "xs:complexType[@name='Order']",
    ],
    [
      "rpc-encoded.wsdl",
      "rpc/encoded binding 'LegacyBinding' is not supported (operation 'Legacy'): soapgen supports literal use (document/literal and rpc/literal)",
      24,
      "wsdl:binding[@name='LegacyBinding']",
    ],
    [
      // Its schema restricts soapenc:Array, which no schema defines: the binding is what to report.
      "rpc-encoded-array.wsdl",
      "rpc/encoded binding 'LegacyBinding' is not supported (operation 'List')",
      32,
      "wsdl:binding[@name='LegacyBinding']/wsdl:operation[@name='List']/wsdl:input/soap:body",
    ],
    [
      // The schema is read under its own namespace (with a warning), where the message's c:Echo is not.
      "import-namespace.wsdl",
      "element='c:Echo': global element {urn:example:common}Echo is not defined in any schema",
      11,
      "wsdl:message[@name='EchoRequest']/wsdl:part",
    ],
    [
      "pre-2001-schema.wsdl",
      "xs:schema is in the pre-2001 XML Schema namespace http://www.w3.org/1999/XMLSchema; soapgen reads XML Schema 1.0 (http://www.w3.org/2001/XMLSchema)",
      7,
      "wsdl:types/xsd:schema",
    ],
    [
      "only-notifications.wsdl",
      "operation 'Tick' has no leading wsdl:input: notification and solicit-response operations are not supported",
      13,
      "wsdl:portType[@name='Ticker']/wsdl:operation[@name='Tick']",
    ],
    [
      "undefined-message.wsdl",
      "message='tns:NoSuchRequest': wsdl:message {urn:example:undefined}NoSuchRequest is not defined",
      16,
      "wsdl:portType[@name='UndefinedService']",
    ],
    [
      // A schemaLocation is a hint, but the schema refers to the namespace: the failed read is the cause.
      "missing-import.wsdl",
      `dangling type reference: type 'o:Thing' ({urn:example:other}Thing) is not defined: its namespace's import failed: ${file("missing-import.wsdl")}:7:7: cannot read imported document ${file("no-such-file.xsd")}: file not found`,
      8,
      "xs:schema/xs:element[@name='Uses']",
    ],
    ["malformed.xml", "not well-formed XML: Expected closing tag 'wsdl:types'", 4, undefined],
    ["doctype.wsdl", "DOCTYPE declarations are not allowed", 2, undefined],
    ["wsdl2.wsdl", "this is a WSDL 2.0 document", 2, "description"],
  ])("%s", async (name, detail, line, where) => {
    const error = await loadError(`invalid/${name}`);
    expect(error.file).toBe(file(name));
    expect(error.detail).toContain(detail);
    expect(error.line).toBe(line);
    if (where) expect(error.where).toContain(where);
    expect(error.message).not.toContain("\n");
    expect(error.message.startsWith(`${file(name)}:${line}:`)).toBe(true);
  });

  it("names the namespace of a type reference into SOAP encoding or a pre-2001 XML Schema", async () => {
    const wsdl = (type: string, ns: string): string =>
      `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema"` +
      ` xmlns:x="${ns}"><wsdl:types><xs:schema targetNamespace="urn:t">\n` +
      `<xs:element name="E" type="${type}"/></xs:schema></wsdl:types></wsdl:definitions>`;
    await expect(
      loadServiceModel({ text: wsdl("x:string", "http://www.w3.org/2000/10/XMLSchema") }),
    ).rejects.toThrow(
      "<input>:2:1: type: 'x:string' is in the pre-2001 XML Schema namespace http://www.w3.org/2000/10/XMLSchema; soapgen reads XML Schema 1.0 (http://www.w3.org/2001/XMLSchema)",
    );
    await expect(
      loadServiceModel({ text: wsdl("x:Array", "http://schemas.xmlsoap.org/soap/encoding/") }),
    ).rejects.toThrow(
      "<input>:2:1: type: 'x:Array' is a SOAP encoding type, which only rpc/encoded messages use; soapgen supports literal use only",
    );
  });

  it("rejects a document that is not a WSDL", async () => {
    const error = await loadError("invalid/not-wsdl.xml");
    expect(error.message).toBe(
      `${file("not-wsdl.xml")}: not a WSDL: expected root element {http://schemas.xmlsoap.org/wsdl/}definitions, found {}catalog (at catalog)`,
    );
  });

  it("rejects an empty file and a missing file", async () => {
    expect((await loadError("invalid/empty.wsdl")).message).toBe(
      `${file("empty.wsdl")}: the document is empty; expected a WSDL (XML) document`,
    );
    expect((await loadError("invalid/nope.wsdl")).message).toBe(`${file("nope.wsdl")}: file not found`);
  });

  it("rejects an undeclared prefix and text that is not XML", async () => {
    const undeclared = loadServiceModel({
      text: '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><x:y/></wsdl:definitions>',
    });
    await expect(undeclared).rejects.toThrow(
      '<input>: not namespace-well-formed XML: Undeclared namespace prefix "x" at definitions/y',
    );
    await expect(loadServiceModel({ text: "hello" })).rejects.toBeInstanceOf(SoapgenError);
  });

  it("reports an unreachable URL", async () => {
    const error = loadServiceModel({ location: "http://127.0.0.1:9/service.wsdl" }, { timeoutMs: 2000 });
    await expect(error).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:9\/service\.wsdl: cannot fetch: fetch failed/,
    );
  });
});
