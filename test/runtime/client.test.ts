import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SoapClient } from "../../templates/runtime/client.js";
import type { SoapClientOptions } from "../../templates/runtime/client.js";
import {
  SoapAbortError,
  SoapDecodeError,
  SoapFaultError,
  SoapHttpError,
  SoapServiceError,
  SoapTimeoutError,
  SoapTransportError,
} from "../../templates/runtime/errors.js";
import { chatResponse, ENV11, ENV12, NS, rejection, SOAP_ACTION, service } from "./fixture.js";

interface AccessDeniedInfo {
  ErrorCode: number;
  Message?: string;
}
class AccessDeniedFault extends SoapFaultError<AccessDeniedInfo> {}

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

/** One local server for the file; each test installs its handler. */
let server: Server;
let endpoint: string;
let handler: Handler = (_request, response) => response.end();
const received: ReceivedRequest[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const captured = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body,
      };
      received.push(captured);
      handler(captured, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Services88/Chat.svc`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function respond(status: number, body: string, contentType = "text/xml; charset=utf-8"): Handler {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": contentType });
    response.end(body);
  };
}

function client(
  options: Partial<SoapClientOptions<Record<string, unknown>>> = {},
): SoapClient<Record<string, unknown>> {
  return new SoapClient<Record<string, unknown>>(
    service,
    { endpoint, timeoutMs: 5000, ...options },
    { faults: { AccessDenied: AccessDeniedFault } },
  );
}

/** What every error of a ChatSessionsForUser call starts with: the operation and the endpoint. */
function call(): string {
  return `ChatSessionsForUser (${endpoint}): `;
}

const fault11 = (detail: string): string =>
  `<s:Envelope xmlns:s="${ENV11}"><s:Body><s:Fault><faultcode xmlns:c="${ENV11}">c:Client</faultcode><faultstring>Access denied</faultstring><faultactor>urn:actor</faultactor><detail>${detail}</detail></s:Fault></s:Body></s:Envelope>`;

describe("SoapClient", { timeout: 10_000 }, () => {
  it("POSTs a SOAP 1.1 envelope with SOAPAction and merged headers, and returns body, headers and status", async () => {
    handler = respond(200, chatResponse(1));
    received.length = 0;
    const response = await client({ headers: { ApplicationToken: "app", TimeZone: "UTC" } }).invoke(
      "ChatSessionsForUser",
      {},
      {
        headers: { ApplicationToken: "call", Credentials: { Ticket: "7T" } },
      },
    );
    expect(response).toEqual({
      body: { Response: [{ ChatSessionId: 1, Status: "Active", Tags: [], Topic: "Topic 1" }] },
      headers: { ExceptionInfo: null, ExtraInfo: null, Succeeded: true, TimeZone: null },
      status: 200,
      deviations: [],
    });
    const [request] = received;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/Services88/Chat.svc");
    expect(request?.headers["content-type"]).toBe("text/xml; charset=utf-8");
    expect(request?.headers["soapaction"]).toBe(`"${SOAP_ACTION}"`);
    expect(request?.body).toBe(
      `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ENV11}" xmlns:ns0="${NS}"><soap:Header>` +
        `<ns0:ApplicationToken>call</ns0:ApplicationToken><ns0:Credentials><ns0:Ticket>7T</ns0:Ticket></ns0:Credentials><ns0:TimeZone>UTC</ns0:TimeZone>` +
        `</soap:Header><soap:Body><ns0:ChatSessionsForUser/></soap:Body></soap:Envelope>`,
    );
  });

  it("sends SOAP 1.2 with the action in the Content-Type", async () => {
    handler = respond(200, chatResponse(0).replaceAll(ENV11, ENV12), "application/soap+xml; charset=utf-8");
    received.length = 0;
    const response = await client({ soapVersion: "1.2" }).invoke("ChatSessionsForUser", {});
    expect(response.body).toEqual({ Response: [] });
    expect(received[0]?.headers["content-type"]).toBe(
      `application/soap+xml; charset=utf-8; action="${SOAP_ACTION}"`,
    );
    expect(received[0]?.headers["soapaction"]).toBeUndefined();
    expect(received[0]?.body).toContain(`<soap:Envelope xmlns:soap="${ENV12}"`);
  });

  it("uses the injected fetch", async () => {
    const calls: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(chatResponse(0), { status: 200 });
    };
    const response = await client({ fetch: fetchStub, endpoint: "http://stub.invalid/x" }).invoke(
      "ChatSessionsForUser",
      {},
    );
    expect(calls).toEqual(["http://stub.invalid/x"]);
    expect(response.status).toBe(200);
  });

  it("throws the declared fault class for a SOAP 1.1 fault with HTTP 500", async () => {
    handler = respond(
      500,
      fault11(
        `<AccessDeniedInfo xmlns="${NS}"><ErrorCode>403</ErrorCode><Message>No</Message></AccessDeniedInfo>`,
      ),
    );
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(AccessDeniedFault);
    const fault = error as AccessDeniedFault;
    expect([
      fault.code,
      fault.codeNamespace,
      fault.reason,
      fault.actor,
      fault.faultName,
      fault.status,
    ]).toEqual(["Client", ENV11, "Access denied", "urn:actor", "AccessDenied", 500]);
    expect(fault.detail).toEqual({ ErrorCode: 403, Message: "No" });
    expect(fault.message).toBe(`${call()}SOAP fault Client (AccessDenied): Access denied`);
    expect([fault.operation, fault.endpoint]).toEqual(["ChatSessionsForUser", endpoint]);
  });

  it("throws SoapFaultError with the raw detail for an undeclared SOAP 1.2 fault", async () => {
    handler = respond(
      500,
      `<env:Envelope xmlns:env="${ENV12}"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code>` +
        `<env:Reason><env:Text xml:lang="en">Server broke</env:Text></env:Reason><env:Detail><x:Trace xmlns:x="urn:x">t</x:Trace></env:Detail></env:Fault></env:Body></env:Envelope>`,
    );
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).not.toBeInstanceOf(AccessDeniedFault);
    const fault = error as SoapFaultError;
    expect([fault.code, fault.codeNamespace, fault.reason, fault.faultName, fault.status]).toEqual([
      "Receiver",
      ENV12,
      "Server broke",
      undefined,
      500,
    ]);
    expect(fault.detail).toBe(`<x:Trace xmlns:x="urn:x">t</x:Trace>`);
  });

  it("throws SoapHttpError for a 500 that is not a fault", async () => {
    handler = respond(500, "<html><body>Internal Server Error</body></html>", "text/html");
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapHttpError);
    expect([
      (error as SoapHttpError).status,
      (error as SoapHttpError).statusText,
      (error as SoapHttpError).body,
    ]).toEqual([500, "Internal Server Error", "<html><body>Internal Server Error</body></html>"]);
    handler = respond(503, "");
    expect((error as SoapHttpError).message).toBe(
      `${call()}HTTP 500 Internal Server Error: not a SOAP response (content-type text/html): "<html><body>Internal Server Error</body></html>"`,
    );
    handler = respond(503, "");
    expect(((await rejection(client().invoke("ChatSessionsForUser", {}))) as SoapHttpError).message).toBe(
      `${call()}HTTP 503 Service Unavailable: empty body (content-type text/xml; charset=utf-8)`,
    );
  });

  it("throws SoapDecodeError saying 'not a SOAP response' for a 200 whose body is text or an HTML page", async () => {
    handler = respond(200, "Service is up", "text/plain");
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapDecodeError);
    expect((error as SoapDecodeError).message).toBe(
      `${call()}HTTP 200: not a SOAP response (content-type text/plain): "Service is up"`,
    );
    const page = `<!DOCTYPE html><html><head><title>Down for maintenance</title></head><body>Back at 06:00</body></html>`;
    handler = respond(200, page, "text/html; charset=utf-8");
    const html = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(html).toBeInstanceOf(SoapDecodeError);
    expect((html as SoapDecodeError).message).toBe(
      `${call()}HTTP 200: not a SOAP response (content-type text/html; charset=utf-8): ${JSON.stringify(page)}`,
    );
  });

  it("says an empty 2xx body is empty when a response was expected", async () => {
    handler = respond(202, "", "");
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapDecodeError);
    expect((error as SoapDecodeError).message).toBe(
      `${call()}Expected a SOAP response, got HTTP 202 with an empty body (no content-type)`,
    );
  });

  it("throws SoapDecodeError for a response value that does not match its type", async () => {
    handler = respond(200, chatResponse(1).replace("<ChatSessionId>1<", "<ChatSessionId>abc<"));
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapDecodeError);
    expect((error as SoapDecodeError).path).toBe(
      "Envelope/Body/ChatSessionsForUserResponse/Response/ChatSession[0]/ChatSessionId",
    );
  });

  it("throws SoapServiceError when the Succeeded header is false", async () => {
    const info = `<ExceptionInfo xmlns="${NS}"><Message>Ticket expired</Message><StackTrace>at X</StackTrace><FriendlyText>Please log in</FriendlyText><ExceptionType>SoSessionException</ExceptionType></ExceptionInfo>`;
    handler = respond(
      200,
      chatResponse(0, false).replace(`<ExceptionInfo xmlns="${NS}" xsi:nil="true"/>`, info),
    );
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapServiceError);
    const serviceError = error as SoapServiceError;
    expect(serviceError.message).toBe(`${call()}Ticket expired`);
    expect(serviceError.exceptionInfo).toEqual({
      Message: "Ticket expired",
      StackTrace: "at X",
      FriendlyText: "Please log in",
      ExceptionType: "SoSessionException",
    });
    expect(serviceError.headers).toEqual({
      ExceptionInfo: serviceError.exceptionInfo,
      ExtraInfo: null,
      Succeeded: false,
      TimeZone: null,
    });
    expect(serviceError.status).toBe(200);
  });

  it("stops reading a body larger than maxBodyBytes", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/xml" });
      response.write(chatResponse(200).slice(0, 5000));
      // Never ends on its own: the client must stop at the limit rather than wait.
    };
    const error = await rejection(
      client({ limits: { maxBodyBytes: 2048 } }).invoke("ChatSessionsForUser", {}),
    );
    expect(error).toBeInstanceOf(SoapDecodeError);
    expect((error as SoapDecodeError).message).toBe(`${call()}Response body larger than maxBodyBytes (2048)`);
    handler = respond(200, chatResponse(200));
    const declared = await rejection(
      client({ limits: { maxBodyBytes: 2048 } }).invoke("ChatSessionsForUser", {}),
    );
    expect((declared as SoapDecodeError).message).toBe(
      `${call()}Response body larger than maxBodyBytes (2048)`,
    );
  });

  it("enforces maxDepth on the response", async () => {
    handler = respond(200, chatResponse(1));
    const error = await rejection(client({ limits: { maxDepth: 5 } }).invoke("ChatSessionsForUser", {}));
    expect((error as SoapDecodeError).message).toContain("Nesting deeper than maxDepth (5)");
  });

  it("throws SoapTransportError when the connection is refused", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await rejection(
      client({ endpoint: `http://127.0.0.1:${port}/` }).invoke("ChatSessionsForUser", {}),
    );
    expect(error).toBeInstanceOf(SoapTransportError);
    expect(error).not.toBeInstanceOf(SoapTimeoutError);
    expect((error as SoapTransportError).message).toContain("ECONNREFUSED");
    expect((error as SoapTransportError).cause).toBeInstanceOf(Error);
  });

  it("throws SoapTransportError when the connection is reset mid-body", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/xml", "Content-Length": "10000" });
      response.write(chatResponse(1).slice(0, 300), () => setTimeout(() => response.socket?.destroy(), 20));
    };
    const error = await rejection(client().invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapTransportError);
    expect(error).not.toBeInstanceOf(SoapTimeoutError);
    expect((error as SoapTransportError).message.startsWith(`${call()}Reading the response failed: `)).toBe(
      true,
    );
  });

  it("times out a server that never answers", async () => {
    handler = () => {};
    const started = Date.now();
    const error = await rejection(
      client({ timeoutMs: 5000 }).invoke("ChatSessionsForUser", {}, { timeoutMs: 200 }),
    );
    expect(error).toBeInstanceOf(SoapTimeoutError);
    expect((error as SoapTimeoutError).timeoutMs).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out a server that sends headers and then stalls", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/xml" });
      response.write("<s:Envelope");
    };
    const started = Date.now();
    const error = await rejection(client({ timeoutMs: 250 }).invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(SoapTimeoutError);
    expect((error as SoapTimeoutError).message).toBe(`${call()}SOAP call timed out after 250 ms`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("aborts when the caller's signal fires, during the body too", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { "Content-Type": "text/xml" });
      response.write("<s:Envelope");
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort("user left"), 100);
    const error = await rejection(client().invoke("ChatSessionsForUser", {}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(SoapAbortError);
    expect((error as SoapAbortError).cause).toBe("user left");

    const clientController = new AbortController();
    clientController.abort("shutdown");
    received.length = 0;
    const early = await rejection(
      client({ signal: clientController.signal }).invoke("ChatSessionsForUser", {}),
    );
    expect(early).toBeInstanceOf(SoapAbortError);
    expect(received).toEqual([]);
  });
});
