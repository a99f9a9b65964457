import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CustomerServiceClient,
  SOAP11_NS,
  SoapFaultError,
  SoapHttpError,
  SoapServiceError,
  SoapTransportError,
} from "../../generated/customer-service/index.js";
import { catalog, documentedResponseContents } from "./conformance.js";
import { NodeSoapHarness } from "./node-soap.js";
import { CUSTOMER_SERVICE } from "./services.js";
import { rejection } from "../runtime/fixture.js";

// The per-operation end-to-end checks are the node-soap column of conformance.test.ts; these are the
// failure paths, each answered by node-soap (or, for the error page, the same HTTP server).
let harness: NodeSoapHarness;

beforeAll(async () => {
  harness = await NodeSoapHarness.start(
    CUSTOMER_SERVICE,
    documentedResponseContents(catalog(CUSTOMER_SERVICE).documented),
  );
});

afterAll(async () => {
  await harness.close();
});

const credentials = {
  ApplicationToken: "1234567-1234-9876",
  Credentials: { Ticket: "7T:1234abcxyzExample==" },
};

describe("node-soap failure answers", () => {
  it("Succeeded=false with ExceptionInfo response headers is a SoapServiceError carrying the message", async () => {
    harness.answers.set("GetCustomerCenterConfig", {
      kind: "serviceFailure",
      message: "Ticket 7T:1234abcxyzExample== has expired",
    });
    const client = new CustomerServiceClient({ endpoint: harness.endpoint, headers: credentials });
    const error = await rejection(client.getCustomerCenterConfig({ CustomerCenterConfigId: 3 }));
    harness.answers.delete("GetCustomerCenterConfig");

    expect(error).toBeInstanceOf(SoapServiceError);
    const serviceError = error as SoapServiceError<
      { Message?: string | null; ExceptionType?: string | null },
      Record<string, unknown>
    >;
    expect(serviceError.exceptionInfo).toEqual({
      Message: "Ticket 7T:1234abcxyzExample== has expired",
      ExceptionType: "SoException",
    });
    expect(serviceError.headers["Succeeded"]).toBe(false);
    expect(serviceError.status).toBe(200);
    expect(harness.received.at(-1)).toMatchObject({
      operation: "GetCustomerCenterConfig",
      args: { CustomerCenterConfigId: 3 },
      headers: credentials,
    });
  });

  it("a SOAP Fault is a SoapFaultError with node-soap's code and reason", async () => {
    harness.answers.set("SaveMailboxEntity", {
      kind: "fault",
      code: "soap:Client",
      reason: "MailboxEntity.Address is required",
    });
    const client = new CustomerServiceClient({ endpoint: harness.endpoint });
    const error = await rejection(client.saveMailboxEntity({ MailboxEntity: { MailInFilterId: 7 } }));
    harness.answers.delete("SaveMailboxEntity");

    expect(error).toBeInstanceOf(SoapFaultError);
    const fault = error as SoapFaultError;
    expect([fault.code, fault.codeNamespace, fault.reason, fault.status]).toEqual([
      "Client",
      SOAP11_NS,
      "MailboxEntity.Address is required",
      500,
    ]);
  });

  it("HTTP 500 with a plain-text body is a SoapHttpError with that body", async () => {
    const client = new CustomerServiceClient({ endpoint: harness.errorPageEndpoint });
    const error = await rejection(client.hasChatNotify());

    expect(error).toBeInstanceOf(SoapHttpError);
    const httpError = error as SoapHttpError;
    expect([httpError.status, httpError.body]).toEqual([
      500,
      "Internal Server Error: the database is not reachable",
    ]);
  });

  it("answers with the documented response again once the failure answers are withdrawn", async () => {
    const client = new CustomerServiceClient({ endpoint: harness.endpoint });
    const result = await client.getCustomerCenterConfig({ CustomerCenterConfigId: 0 });
    expect(result.Response?.Type).toBe("Style");
    expect(result.Response?.Registered).toEqual(new Date("2021-11-30T13:23:36Z"));
  });
});

describe("the harness", () => {
  it("stops listening when closed", async () => {
    const spare = await NodeSoapHarness.start(CUSTOMER_SERVICE, new Map([["HasChatNotify", ""]]));
    const client = new CustomerServiceClient({ endpoint: spare.endpoint, timeoutMs: 5000 });
    expect(await client.hasChatNotify()).toEqual({});
    await spare.close();
    expect(await rejection(client.hasChatNotify())).toBeInstanceOf(SoapTransportError);
  });
});
