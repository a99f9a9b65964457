import path from "node:path";
import * as contact from "../../generated/contact/index.js";
import * as customerService from "../../generated/customer-service/index.js";
import type { DecodedMessage, ServiceMeta, SoapResponse } from "../../generated/customer-service/index.js";
import { CONTACT_EXPECTED, CUSTOMER_SERVICE_EXPECTED } from "./expected.js";
import type { ServiceExpectations } from "./expected.js";

const SERVICES88 = path.resolve(process.cwd(), "../shared/superoffice-docs/Services88");

/** What the conformance checks need of a generated client: its `call`, with a decoded request. */
export interface ConformanceClient {
  call(operation: string, request: DecodedMessage): Promise<SoapResponse<unknown, Record<string, unknown>>>;
}

export interface ClientSettings {
  readonly endpoint: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly soapVersion?: "1.1" | "1.2";
}

/**
 * One Services88 agent under test: its published pages and WSDL (read where they lie in ../shared,
 * never copied), its generated client, and what is pinned about its pages.
 */
export interface ServiceUnderTest {
  readonly name: string;
  /** Folder name of its generated client and of its response snapshots. */
  readonly slug: string;
  readonly docsDir: string;
  readonly wsdlPath: string;
  readonly meta: ServiceMeta;
  readonly decodeMessage: typeof customerService.decodeMessage;
  readonly encodeMessage: typeof customerService.encodeMessage;
  readonly client: (settings: ClientSettings) => ConformanceClient;
  /** Where node-soap hosts the WSDL, and the wsdl:service and wsdl:port it implements. */
  readonly nodeSoap: { readonly path: string; readonly service: string; readonly port: string };
  readonly expected: ServiceExpectations;
}

/** The generated clients' `call` is typed per operation; the checks call every operation by name. */
export function asConformanceClient<Headers>(client: {
  call(
    operation: never,
    request: never,
    options: { headers: Headers },
  ): Promise<SoapResponse<unknown, object>>;
}): ConformanceClient {
  return {
    call: async (operation, request) => {
      const result = await client.call(operation as never, request.body as never, {
        headers: request.headers as Headers,
      });
      return { ...result, headers: result.headers as Record<string, unknown> };
    },
  };
}

export const CUSTOMER_SERVICE: ServiceUnderTest = {
  name: "CustomerService",
  slug: "customer-service",
  docsDir: path.join(SERVICES88, "CustomerService"),
  wsdlPath: path.join(SERVICES88, "Services88-CustomerService.wsdl"),
  meta: customerService.customerServiceTables,
  decodeMessage: customerService.decodeMessage,
  encodeMessage: customerService.encodeMessage,
  client: (settings) => asConformanceClient(new customerService.CustomerServiceClient(settings)),
  nodeSoap: {
    path: "/Remote/Services88/CustomerService.svc",
    service: "WcfCustomerServiceService",
    port: "BasicHttpBinding_CustomerService",
  },
  expected: CUSTOMER_SERVICE_EXPECTED,
};

export const CONTACT: ServiceUnderTest = {
  name: "Contact",
  slug: "contact",
  docsDir: path.join(SERVICES88, "Contact"),
  wsdlPath: path.join(SERVICES88, "Services88-Contact.wsdl"),
  meta: contact.contactTables,
  decodeMessage: contact.decodeMessage,
  encodeMessage: contact.encodeMessage,
  client: (settings) => asConformanceClient(new contact.ContactClient(settings)),
  nodeSoap: {
    path: "/Remote/Services88/Contact.svc",
    service: "WcfContactService",
    port: "BasicHttpBinding_Contact",
  },
  expected: CONTACT_EXPECTED,
};

/** The agents the suite covers, in report order. */
export const SERVICES: readonly ServiceUnderTest[] = [CUSTOMER_SERVICE, CONTACT];
