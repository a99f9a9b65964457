/**
 * Every way the stub answers other than with a response: the service's failure headers, a SOAP Fault
 * (thrown, declared with a typed detail, or for an operation without a method), and requests it cannot
 * take (malformed, oversized, too deep, DOCTYPE, wrong SOAP version, no operation, not the schema), in
 * SOAP 1.1 and 1.2, in process and over node:http. Never a crash: every one is an HTTP answer.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import {
  CustomerServiceClient,
  CustomerServiceError,
  customerServiceTables,
  decodeMessage,
  SoapFaultError,
  SOAP11_NS,
  SOAP12_NS,
} from "../../generated/customer-service/index.js";
import { createCustomerServiceHandler, nodeListener } from "../../generated/customer-service/stub.js";
import type { CustomerServiceHandlers, SoapHandlerOptions } from "../../generated/customer-service/stub.js";
import { parseXml } from "../../generated/customer-service/runtime/xml.js";

const ROOT = process.cwd();
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const ACTION = `${NS}/CustomerService/ChatSessionsForUser`;
const ENDPOINT = "http://stub.invalid/Remote/Services88/CustomerService.svc";

const crm = (handlers: CustomerServiceHandlers, options?: SoapHandlerOptions) =>
  new CustomerServiceClient({ endpoint: ENDPOINT, fetch: createCustomerServiceHandler(handlers, options) });

/** What a Fault response says: its HTTP status, the envelope's version and the fault's code and reason. */
async function faultOf(response: Response): Promise<{
  status: number;
  contentType: string | null;
  envelope: string;
  code: string;
  codeNamespace: string;
  reason: string;
  upgrade: boolean;
}> {
  const text = await response.text();
  const root = parseXml(text);
  try {
    decodeMessage(customerServiceTables, "ChatSessionsForUser", "output", text);
  } catch (error) {
    if (!(error instanceof SoapFaultError)) throw error;
    return {
      status: response.status,
      contentType: response.headers.get("content-type"),
      envelope: root.ns,
      code: error.code,
      codeNamespace: error.codeNamespace,
      reason: error.reason,
      upgrade: text.includes(`<u:Upgrade xmlns:u="${SOAP12_NS}">`),
    };
  }
  throw new Error(`not a fault: ${text}`);
}

const soap11 = (body: string, header = "") =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${SOAP11_NS}">${header}<s:Body>${body}</s:Body></s:Envelope>`;

function post(body: string, headers: Record<string, string> = { SOAPAction: `"${ACTION}"` }): Request {
  return new Request(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "text/xml; charset=utf-8", ...headers },
    body,
  });
}

describe("a method's failures, as the client sees them", () => {
  it("a thrown CustomerServiceError is answered as NetServer does: Succeeded=false and ExceptionInfo", async () => {
    const handlers: CustomerServiceHandlers = {
      chatSessionsForUser(_request, context) {
        context.setResponseHeaders({ TimeZone: null });
        throw new CustomerServiceError({
          exceptionInfo: { Message: "Ticket expired", ExceptionType: "SoException" },
          headers: {},
          status: 200,
        });
      },
    };
    const error = await crm(handlers)
      .chatSessionsForUser()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustomerServiceError);
    const failure = error as CustomerServiceError;
    expect(failure.message).toBe(`ChatSessionsForUser (${ENDPOINT}): Ticket expired`);
    expect(failure.exceptionInfo).toEqual({ Message: "Ticket expired", ExceptionType: "SoException" });
    expect(failure.headers).toEqual({
      Succeeded: false,
      ExceptionInfo: { Message: "Ticket expired", ExceptionType: "SoException" },
      TimeZone: null,
    });
    expect(failure.status).toBe(200);

    const raw = await createCustomerServiceHandler(handlers)(
      post(soap11(`<ChatSessionsForUser xmlns="${NS}"/>`)),
    );
    const text = await raw.text();
    expect(raw.status).toBe(200);
    expect(text).toContain(`<ns0:Succeeded>false</ns0:Succeeded>`);
    expect(text).toContain(`<soap:Body><ns0:ChatSessionsForUserResponse/></soap:Body>`);
  });

  it("a thrown SoapFaultError is that Fault, HTTP 500", async () => {
    const error = await crm({
      chatSessionsForUser() {
        throw new SoapFaultError({
          code: "Server",
          codeNamespace: "",
          reason: "Database down",
          detail: "retry later",
          status: 500,
        });
      },
    })
      .chatSessionsForUser()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).toMatchObject({
      code: "Server",
      codeNamespace: SOAP11_NS,
      reason: "Database down",
      detail: "retry later",
      status: 500,
    });
  });

  it("a custom fault code keeps its namespace", async () => {
    const error = await crm({
      chatSessionsForUser() {
        throw new SoapFaultError({
          code: "Throttled",
          codeNamespace: "urn:example:codes",
          reason: "Slow down",
          detail: undefined,
          status: 0,
        });
      },
    })
      .chatSessionsForUser()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "Throttled",
      codeNamespace: "urn:example:codes",
      reason: "Slow down",
      status: 500,
    });
  });

  it("an operation without a method is a Server fault naming it", async () => {
    const error = await crm({})
      .getMailboxes()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "Server",
      reason: "Operation GetMailboxes is not implemented",
      status: 500,
    });
  });

  it("anything else a method throws is a Server fault with its message, reported to onError", async () => {
    const seen: [unknown, string][] = [];
    const error = await crm(
      {
        chatSessionsForUser() {
          throw new TypeError("cannot read properties of undefined");
        },
      },
      { onError: (e, operation) => seen.push([e, operation]) },
    )
      .chatSessionsForUser()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "Server",
      reason: "ChatSessionsForUser: cannot read properties of undefined",
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBeInstanceOf(TypeError);
    expect(seen[0]![1]).toBe("ChatSessionsForUser");
  });

  it("a response that does not match the schema is a Server fault, not a half-written envelope", async () => {
    const seen: unknown[] = [];
    const error = await crm(
      { eventHandlerExists: () => ({ Response: "yes" as unknown as boolean }) },
      { onError: (e) => seen.push(e) },
    )
      .eventHandlerExists()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "Server", status: 500 });
    expect((error as SoapFaultError).reason).toMatch(/^EventHandlerExists response: .*boolean/);
    expect(seen).toHaveLength(1);
  });

  it("headers decoded, deviations listed; strict refuses what tolerant skips", async () => {
    let seen: { headers: unknown; deviations: unknown } | undefined;
    const handlers: CustomerServiceHandlers = {
      chatSessionsForUser(_request, context) {
        seen = { headers: context.headers, deviations: context.deviations };
        return { Response: [] };
      },
    };
    const body = soap11(
      `<ChatSessionsForUser xmlns="${NS}"><Extra>1</Extra></ChatSessionsForUser>`,
      `<s:Header><ApplicationToken xmlns="${NS}">app</ApplicationToken></s:Header>`,
    );
    const tolerant = await createCustomerServiceHandler(handlers)(post(body));
    expect(tolerant.status).toBe(200);
    expect(seen).toEqual({
      headers: { ApplicationToken: "app" },
      deviations: [expect.objectContaining({ kind: "unknownElement" })],
    });
    const strict = await faultOf(await createCustomerServiceHandler(handlers, { strict: true })(post(body)));
    expect(strict).toMatchObject({ status: 500, code: "Client" });
    expect(strict.reason).toMatch(/^ChatSessionsForUser: .*Extra/);
  });
});

describe("requests the stub cannot take (SOAP 1.1: HTTP 500, soap:Client)", () => {
  const handler = createCustomerServiceHandler(
    { chatSessionsForUser: () => ({ Response: [] }) },
    { limits: { maxBodyBytes: 4096, maxDepth: 16 }, wsdl: "<definitions/>" },
  );
  const deep = "<a>".repeat(40) + "</a>".repeat(40);
  it.each([
    ["malformed XML", soap11("<ChatSessionsForUser"), /Malformed|well-formed|Unclosed|Expected/i],
    [
      "a DOCTYPE",
      `<!DOCTYPE x [<!ENTITY e "boom">]>${soap11(`<ChatSessionsForUser xmlns="${NS}"/>`)}`,
      /DOCTYPE/,
    ],
    [
      "an oversized body",
      soap11(`<ChatSessionsForUser xmlns="${NS}"/>`) + " ".repeat(5000),
      /larger than maxBodyBytes \(4096\)/,
    ],
    [
      "nesting beyond maxDepth",
      soap11(`<ChatSessionsForUser xmlns="${NS}">${deep}</ChatSessionsForUser>`),
      /deep|depth/i,
    ],
    [
      "no envelope",
      `<ChatSessionsForUser xmlns="${NS}"/>`,
      /Expected a SOAP Envelope, found <ChatSessionsForUser>/,
    ],
    ["no Body", `<s:Envelope xmlns:s="${SOAP11_NS}"/>`, /Missing SOAP Body/],
    ["bytes that are not UTF-8", "\u00ff", /not valid UTF-8/],
    [
      "a value of the wrong type",
      soap11(
        `<DeleteChatSessions xmlns="${NS}"><Ids><int xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays">x</int></Ids></DeleteChatSessions>`,
      ),
      /^DeleteChatSessions: .*Ids/,
    ],
  ])("%s", async (_what, body, reason) => {
    const request =
      _what === "bytes that are not UTF-8"
        ? new Request(ENDPOINT, {
            method: "POST",
            headers: { SOAPAction: `"${ACTION}"` },
            body: new Uint8Array([0xff, 0xfe, 0x3c]),
          })
        : post(body, _what === "a value of the wrong type" ? {} : undefined);
    const fault = await faultOf(await handler(request));
    expect(fault).toMatchObject({
      status: 500,
      envelope: SOAP11_NS,
      code: "Client",
      codeNamespace: SOAP11_NS,
    });
    expect(fault.contentType).toBe("text/xml; charset=utf-8");
    expect(fault.reason).toMatch(reason);
  });

  it("a SOAP 1.2 envelope is a SOAP 1.1 VersionMismatch fault", async () => {
    const body = `<e:Envelope xmlns:e="${SOAP12_NS}"><e:Body><ChatSessionsForUser xmlns="${NS}"/></e:Body></e:Envelope>`;
    const fault = await faultOf(await handler(post(body)));
    expect(fault).toMatchObject({
      status: 500,
      envelope: SOAP11_NS,
      code: "VersionMismatch",
      upgrade: false,
    });
    expect(fault.reason).toBe(
      `Expected a SOAP 1.1 Envelope (namespace "${SOAP11_NS}"), found namespace "${SOAP12_NS}"`,
    );
  });

  it("a SOAPAction and body element no operation has is a Client fault naming both", async () => {
    const fault = await faultOf(
      await handler(post(soap11(`<Nothing xmlns="urn:x"/>`), { SOAPAction: '"urn:none"' })),
    );
    expect(fault).toMatchObject({ status: 500, code: "Client" });
    expect(fault.reason).toBe(
      `No operation has SOAPAction "urn:none" or the body element <Nothing> in namespace "urn:x"`,
    );
  });

  it("without a SOAPAction the body element picks the operation", async () => {
    const response = await handler(post(soap11(`<ChatSessionsForUser xmlns="${NS}"/>`), {}));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("ChatSessionsForUserResponse");
  });

  it("GET ?wsdl answers the WSDL given; without one 404; another GET 405", async () => {
    const wsdl = await handler(new Request(`${ENDPOINT}?wsdl`));
    expect([wsdl.status, wsdl.headers.get("content-type"), await wsdl.text()]).toEqual([
      200,
      "text/xml; charset=utf-8",
      "<definitions/>",
    ]);
    const none = await createCustomerServiceHandler({})(new Request(`${ENDPOINT}?wsdl`));
    expect(none.status).toBe(404);
    const other = await handler(new Request(ENDPOINT));
    expect([other.status, other.headers.get("allow")]).toEqual([405, "POST"]);
  });
});

describe("over node:http: every failure is an answer and the server keeps serving", () => {
  const server = createServer(
    nodeListener(
      createCustomerServiceHandler(
        { chatSessionsForUser: () => ({ Response: [] }) },
        { limits: { maxBodyBytes: 4096 } },
      ),
    ),
  );
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/CustomerService.svc`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it("malformed, oversized (streamed, no Content-Length) and DOCTYPE requests, then a good call", async () => {
    const send = (body: string) =>
      fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "text/xml", SOAPAction: `"${ACTION}"` },
        body,
      });
    const malformed = await faultOf(await send("<s:Envelope"));
    expect(malformed).toMatchObject({ status: 500, code: "Client" });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        controller.close();
      },
    });
    const oversized = await faultOf(
      await fetch(endpoint, { method: "POST", body: chunks, duplex: "half" } as RequestInit & {
        duplex: "half";
      }),
    );
    expect(oversized).toMatchObject({
      status: 500,
      code: "Client",
      reason: "Request body larger than maxBodyBytes (4096)",
    });
    const doctype = await faultOf(await send(`<!DOCTYPE x>${soap11("")}`));
    expect(doctype.reason).toMatch(/DOCTYPE/);
    const client = new CustomerServiceClient({ endpoint });
    expect(await client.chatSessionsForUser()).toEqual({ Response: [] });
  });
});

describe("generated stubs of the hand-written WSDLs", async () => {
  const dir = mkdtempSync(join(tmpdir(), "soapgen-stub-"));
  symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = async <T>(name: string): Promise<T> => {
    const out = join(dir, name.replace(/\W/g, "_"));
    await generate({ wsdl: resolve(ROOT, "wsdl", name), out });
    return { ...(await import(join(out, "index.ts"))), ...(await import(join(out, "stub.ts"))) } as T;
  };
  type Handler = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  type Method = (request: object, options?: object) => Promise<unknown>;

  describe("faults.wsdl: a declared wsdl:fault with a typed detail, a one-way operation", async () => {
    const bank = await load<{
      BankClient: new (options: { endpoint: string; fetch: Handler; headers?: object }) => {
        withdraw: Method;
        log: Method;
      };
      InsufficientFundsError: new (init: object) => SoapFaultError;
      createBankHandler: (handlers: object) => Handler;
    }>("faults.wsdl");
    const logged: unknown[] = [];
    const fetch = bank.createBankHandler({
      withdraw(request: { Amount: number }, context: { headers: unknown }) {
        logged.push(context.headers);
        throw new bank.InsufficientFundsError({
          code: "Client",
          codeNamespace: "",
          reason: "Not enough",
          detail: { Balance: request.Amount - 1 },
          status: 500,
        });
      },
      log(request: unknown) {
        logged.push(request);
      },
    });
    const client = new bank.BankClient({ endpoint: ENDPOINT, fetch });

    it("the fault class thrown arrives as that class with its detail decoded", async () => {
      const error = await client
        .withdraw({ Amount: 10.5 }, { headers: { session: "s1", trace: "t1" } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(bank.InsufficientFundsError);
      expect(error).toMatchObject({
        code: "Client",
        reason: "Not enough",
        faultName: "InsufficientFunds",
        detail: { Balance: 9.5 },
        status: 500,
      });
      expect(logged.shift()).toEqual({ session: "s1", trace: "t1" });
    });

    it("a one-way operation is answered 202 with no body", async () => {
      await expect(client.log({ parameters: "hello" })).resolves.toBeUndefined();
      expect(logged.shift()).toEqual({ parameters: "hello" });
    });
  });

  describe("soap12.wsdl: SOAP 1.2 codes and statuses", async () => {
    const echo = await load<{
      EchoServiceClient: new (options: { fetch: Handler; soapVersion?: "1.1" }) => { echo: Method };
      createEchoServiceHandler: (handlers: object) => Handler;
      SoapFaultError: typeof SoapFaultError;
    }>("soap12.wsdl");
    const handler = echo.createEchoServiceHandler({
      echo({ parameters: text }: { parameters: string }) {
        if (text === "sender")
          throw new echo.SoapFaultError({
            code: "Client",
            codeNamespace: "",
            reason: "bad",
            detail: undefined,
            status: 0,
          });
        if (text === "custom")
          throw new echo.SoapFaultError({
            code: "Busy",
            codeNamespace: "urn:codes",
            reason: "later",
            detail: undefined,
            status: 0,
          });
        return { parameters: text };
      },
    });
    const client = new echo.EchoServiceClient({ fetch: handler });
    const post12 = (body: string) =>
      handler(
        new Request(ENDPOINT, {
          method: "POST",
          headers: {
            "Content-Type": 'application/soap+xml; charset=utf-8; action="urn:example:soap12/Echo"',
          },
          body,
        }),
      );

    it("answers, and a thrown Client fault is env:Sender with HTTP 400", async () => {
      expect(await client.echo({ parameters: "hi" })).toEqual({ parameters: "hi" });
      const error = await client.echo({ parameters: "sender" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "Sender", codeNamespace: SOAP12_NS, reason: "bad", status: 400 });
    });

    it("a code SOAP 1.2 does not define is a Receiver fault (500) with it as Subcode", async () => {
      const response = await client.echo({ parameters: "custom" }).catch((e: unknown) => e);
      expect(response).toMatchObject({ code: "Receiver", status: 500 });
    });

    it("malformed: env:Sender, HTTP 400, application/soap+xml", async () => {
      const fault = await faultOf(await post12(`<e:Envelope xmlns:e="${SOAP12_NS}"><e:Body>`));
      expect(fault).toMatchObject({
        status: 400,
        envelope: SOAP12_NS,
        code: "Sender",
        codeNamespace: SOAP12_NS,
      });
      expect(fault.contentType).toBe("application/soap+xml; charset=utf-8");
    });

    it("a SOAP 1.1 envelope: a SOAP 1.1 VersionMismatch fault with the Upgrade header (500)", async () => {
      const error = await new echo.EchoServiceClient({ fetch: handler, soapVersion: "1.1" })
        .echo({ parameters: "hi" })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "VersionMismatch", codeNamespace: SOAP11_NS, status: 500 });
      const fault = await faultOf(await post12(soap11(`<Echo xmlns="urn:example:soap12">x</Echo>`)));
      expect(fault).toMatchObject({ envelope: SOAP11_NS, code: "VersionMismatch", upgrade: true });
    });

    it("an envelope of no SOAP version: env:VersionMismatch with the Upgrade header", async () => {
      const fault = await faultOf(await post12(`<e:Envelope xmlns:e="urn:not-soap"><e:Body/></e:Envelope>`));
      expect(fault).toMatchObject({
        status: 500,
        envelope: SOAP12_NS,
        code: "VersionMismatch",
        upgrade: true,
      });
    });
  });
});
