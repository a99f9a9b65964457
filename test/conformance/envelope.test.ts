import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  customerServiceTables,
  decodeMessage,
  SOAP11_NS,
  SOAP12_NS,
} from "../../generated/customer-service/index.js";
import { parseXml } from "../../generated/customer-service/runtime/xml.js";
import type { XmlElement } from "../../generated/customer-service/runtime/xml.js";
import { catalog, recordingFetch } from "./conformance.js";
import type { CapturedRequest } from "./conformance.js";
import { envelopeDeviations, normaliseToWsdl } from "./docs.js";
import { CUSTOMER_SERVICE } from "./services.js";
import type { ConformanceClient } from "./services.js";

const WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
const WSDL_SOAP11_NS = "http://schemas.xmlsoap.org/wsdl/soap/";
const ENDPOINT = "http://conformance.invalid/Remote/Services88/CustomerService.svc";
const { documented } = catalog(CUSTOMER_SERVICE);

/** soapAction of every operation, read from the WSDL's binding (not from the generated tables). */
function wsdlSoapActions(): Map<string, string> {
  const definitions = parseXml(readFileSync(CUSTOMER_SERVICE.wsdlPath, "utf8"));
  const children = (element: XmlElement, ns: string, local: string): XmlElement[] =>
    element.children.filter((c) => c.ns === ns && c.local === local);
  const actions = new Map<string, string>();
  for (const binding of children(definitions, WSDL_NS, "binding")) {
    for (const operation of children(binding, WSDL_NS, "operation")) {
      const soapOperation = children(operation, WSDL_SOAP11_NS, "operation")[0];
      const name = operation.attributes.find((a) => a.local === "name")?.value;
      const action = soapOperation?.attributes.find((a) => a.local === "soapAction")?.value;
      if (name !== undefined && action !== undefined) actions.set(name, action);
    }
  }
  return actions;
}

/** Sends the page's documented request through a client on a recording fetch that answers `answer`. */
async function send(
  client: (fetch: typeof globalThis.fetch) => ConformanceClient,
  operation: (typeof documented)[number],
  answer: string,
): Promise<{ sent: CapturedRequest; result: unknown }> {
  const captured: CapturedRequest[] = [];
  const request = decodeMessage(
    customerServiceTables,
    operation.operation,
    "input",
    normaliseToWsdl(operation.page.request),
  );
  const result = await client(recordingFetch(answer, captured)).call(operation.operation, request);
  expect(captured).toHaveLength(1);
  return { sent: captured[0] as CapturedRequest, result };
}

function envelopeOutline(xml: string): string[] {
  const root = parseXml(xml);
  return [
    `{${root.ns}}${root.local}`,
    ...root.children.map((child) => `${child.local}: ${child.children.map((c) => c.local).join(", ")}`),
  ];
}

describe("the client follows the WSDL's SOAP 1.1 binding", () => {
  const soapActions = wsdlSoapActions();

  it("reads a soapAction for each of the 33 operations from the WSDL", () => {
    expect(soapActions.size).toBe(33);
    expect(Object.keys(customerServiceTables.operations).sort()).toEqual([...soapActions.keys()].sort());
  });

  it.each(documented.map((entry) => [entry.operation, entry] as const))(
    "%s: SOAP 1.1 envelope, headers inside Header, SOAPAction from the WSDL",
    async (name, entry) => {
      const { sent } = await send(
        (fetch) => CUSTOMER_SERVICE.client({ endpoint: ENDPOINT, fetch }),
        entry,
        normaliseToWsdl(entry.page.response),
      );

      expect([sent.method, sent.url]).toEqual(["POST", ENDPOINT]);
      expect(sent.headers["soapaction"]).toBe(`"${soapActions.get(name)}"`);
      expect(sent.headers["content-type"]).toBe("text/xml; charset=utf-8");
      expect(envelopeOutline(sent.body)).toEqual([
        `{${SOAP11_NS}}Envelope`,
        "Header: ApplicationToken, Credentials",
        `Body: ${name}`,
      ]);
      expect(envelopeDeviations(sent.body)).toEqual([]);
    },
  );
});

describe("with soapVersion 1.2 the client writes the documented envelope", () => {
  it.each(documented.map((entry) => [entry.operation, entry] as const))(
    "%s: SOAP 1.2 namespace, action in the content type, and reads the documented response as it stands",
    async (name, entry) => {
      // The documented response is a SOAP 1.2 envelope already (it has no header blocks to misplace).
      const { sent, result } = await send(
        (fetch) => CUSTOMER_SERVICE.client({ endpoint: ENDPOINT, fetch, soapVersion: "1.2" }),
        entry,
        entry.page.response,
      );

      expect(parseXml(sent.body).ns).toBe(parseXml(entry.page.request).ns);
      expect(parseXml(sent.body).ns).toBe(SOAP12_NS);
      expect(sent.headers["content-type"]).toBe(
        `application/soap+xml; charset=utf-8; action="${customerServiceTables.operations[name]?.soapAction}"`,
      );
      expect(sent.headers["soapaction"]).toBeUndefined();
      // Header blocks stay inside Header: of the documented deviations only the namespace remains.
      expect(envelopeDeviations(sent.body)).toEqual(
        CUSTOMER_SERVICE.expected.requestEnvelopeDeviations.slice(0, 1),
      );
      expect(result).toEqual({
        ...decodeMessage(customerServiceTables, name, "output", normaliseToWsdl(entry.page.response)),
        status: 200,
      });
    },
  );
});
