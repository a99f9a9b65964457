/** The failure-header convention (xsd/datacontract.ts): a boolean `Succeeded` and an `ExceptionInfo` response header. */
import { describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";
import { loadServiceModel } from "../../generator/parse.js";

/**
 * A WSDL whose operation `Op` has a response that carries the header blocks `Succeeded` (of
 * `succeededType`) and `ExceptionInfo`, and whose operation `Plain` has none.
 */
function wsdl(succeededType: string, headers = ["Succeeded", "ExceptionInfo"]): string {
  return `<wsdl:definitions targetNamespace="urn:f" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:f" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types><xs:schema targetNamespace="urn:f" elementFormDefault="qualified">
    <xs:element name="Op"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    <xs:element name="OpResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    <xs:element name="Succeeded" type="${succeededType}"/>
    <xs:element name="ExceptionInfo"><xs:complexType><xs:sequence><xs:element name="Message" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
  </xs:schema></wsdl:types>
  <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Op"/></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:OpResponse"/></wsdl:message>
  ${headers.map((h) => `<wsdl:message name="${h}"><wsdl:part name="${h}" element="tns:${h}"/></wsdl:message>`).join("")}
  <wsdl:portType name="P">
    <wsdl:operation name="Op"><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/></wsdl:operation>
    <wsdl:operation name="Plain"><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="B" type="tns:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Op"><soap:operation soapAction="Op"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/>${headers.map((h) => `<soap:header message="tns:${h}" part="${h}" use="literal"/>`).join("")}</wsdl:output>
    </wsdl:operation>
    <wsdl:operation name="Plain"><soap:operation soapAction="Plain"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;
}

const failureHeaders = async (text: string) => (await loadServiceModel({ text })).ports[0]!.failureHeaders;

describe("failure headers", () => {
  it("are a boolean Succeeded and an ExceptionInfo among the response headers", async () => {
    expect(await failureHeaders(wsdl("xs:boolean"))).toEqual({
      succeeded: "{urn:f}Succeeded",
      exceptionInfo: "{urn:f}ExceptionInfo",
    });
  });

  it("are not there when Succeeded is no boolean, or either header is missing", async () => {
    expect(await failureHeaders(wsdl("xs:string"))).toBeUndefined();
    expect(await failureHeaders(wsdl("xs:boolean", ["Succeeded"]))).toBeUndefined();
    expect(await failureHeaders(wsdl("xs:boolean", ["ExceptionInfo"]))).toBeUndefined();
  });

  it("are left out with the operations whose responses carry them", async () => {
    const files = await render({ text: wsdl("xs:boolean"), name: "failure.wsdl" }, { operations: ["Plain"] });
    const module = files.get("p.ts")!;
    expect(module).toContain("async plain(");
    expect(module).not.toContain("failureHeaders");
    expect(module).not.toContain("SoapServiceError");
    const both = (await render({ text: wsdl("xs:boolean"), name: "failure.wsdl" })).get("p.ts")!;
    expect(both).toContain('failureHeaders: { succeeded: "Succeeded", exceptionInfo: "ExceptionInfo" }');
  });
});
