/**
 * The page soapgen started from: ChatSessionsForUser end to end through an injected fetch. The request
 * must carry the seed page's header and body content (inside a SOAP 1.1 Header, as the WSDL says), and
 * the page's documented response must decode to typed data.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CustomerServiceClient,
  CustomerServiceError,
  SOAP11_NS,
  SOAP12_NS,
  SoapServiceError,
} from "../../generated/customer-service/index.js";
import { parseXml, type XmlElement } from "../../templates/runtime/xml.js";

const SEED = resolve(process.cwd(), "../shared/seed/ChatSessionsForUser.md");
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";

function xmlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```xml\n([\s\S]*?)^```/gm)].map((m) => m[1]!.trim());
}

/** An element as comparable data: namespace, local name, trimmed text and children, prefixes gone. */
interface Node {
  ns: string;
  local: string;
  text: string;
  children: Node[];
}

function toNode(element: XmlElement): Node {
  return {
    ns: element.ns,
    local: element.local,
    text: element.text.trim(),
    children: element.children.map(toNode),
  };
}

function child(node: Node, ns: string, local: string): Node {
  const found = node.children.find((c) => c.ns === ns && c.local === local);
  if (!found) throw new Error(`no {${ns}}${local} under ${node.local}`);
  return found;
}

const [documentedRequest, documentedResponse] = xmlBlocks(readFileSync(SEED, "utf8"));
const documented = toNode(parseXml(documentedRequest!));
/** The page puts its header blocks straight under Envelope; they are everything but the Body. */
const documentedHeaders = documented.children.filter((c) => !(c.ns === SOAP12_NS && c.local === "Body"));
const documentedBody = child(documented, SOAP12_NS, "Body").children;

function capture(responseXml: string) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ url: String(url), init: init ?? {} });
    return new Response(responseXml, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

/** The documented response, moved to the binding's SOAP 1.1 envelope namespace. */
const soap11Response = documentedResponse!.replaceAll(SOAP12_NS, SOAP11_NS);

describe("ChatSessionsForUser, as on the seed page", () => {
  it("the seed page documents the header blocks the client types", () => {
    expect(documentedHeaders.map((h) => `{${h.ns}}${h.local}`)).toEqual([
      `{${NS}}ApplicationToken`,
      `{${NS}}Credentials`,
    ]);
    expect(documentedBody.map((b) => `{${b.ns}}${b.local}`)).toEqual([`{${NS}}ChatSessionsForUser`]);
  });

  it("sends the documented header and body content inside a SOAP 1.1 envelope", async () => {
    const token = child(documented, NS, "ApplicationToken").text;
    const ticket = child(child(documented, NS, "Credentials"), NS, "Ticket").text;
    const { sent, fetch } = capture(soap11Response);
    const client = new CustomerServiceClient({
      endpoint: "https://crm.example/Remote/Services88/CustomerService.svc",
      headers: { ApplicationToken: token, Credentials: { Ticket: ticket } },
      fetch,
    });

    await client.chatSessionsForUser();

    expect(sent).toHaveLength(1);
    const { url, init } = sent[0]!;
    expect(url).toBe("https://crm.example/Remote/Services88/CustomerService.svc");
    expect(init.method).toBe("POST");
    const headers = new Headers(init.headers);
    expect(headers.get("SOAPAction")).toBe(
      '"http://www.superoffice.net/ws/crm/NetServer/Services88/CustomerService/ChatSessionsForUser"',
    );
    expect(headers.get("Content-Type")).toBe("text/xml; charset=utf-8");

    const envelope = toNode(parseXml(String(init.body)));
    expect(`{${envelope.ns}}${envelope.local}`).toBe(`{${SOAP11_NS}}Envelope`);
    expect(child(envelope, SOAP11_NS, "Header").children).toEqual(documentedHeaders);
    expect(child(envelope, SOAP11_NS, "Body").children).toEqual(documentedBody);
  });

  it("decodes the documented response into typed data", async () => {
    const { fetch } = capture(soap11Response);
    const client = new CustomerServiceClient({ fetch });

    const response = await client.chatSessionsForUser();

    expect(response).toEqual({ Response: [{ ChatSessionId: 0 }] });
    const sessions = response.Response ?? [];
    // A one-element array stays an array; the item is typed ChatSession | null.
    expect(sessions[0]?.ChatSessionId).toBe(0);
  });

  it("gives the caller the response headers through call()", async () => {
    const withHeaders = soap11Response.replace(
      `<SOAP-ENV:Body>`,
      `<SOAP-ENV:Header><CustomerService:Succeeded>true</CustomerService:Succeeded></SOAP-ENV:Header><SOAP-ENV:Body>`,
    );
    const { fetch } = capture(withHeaders);
    const client = new CustomerServiceClient({ fetch });

    const result = await client.call("ChatSessionsForUser", {});

    expect(result).toEqual({
      body: { Response: [{ ChatSessionId: 0 }] },
      headers: { Succeeded: true },
      status: 200,
      deviations: [],
    });
  });

  it("sends the documented SOAP 1.2 envelope namespace when asked to", async () => {
    const { sent, fetch } = capture(documentedResponse!);
    const client = new CustomerServiceClient({ fetch, soapVersion: "1.2" });

    await client.chatSessionsForUser();

    const envelope = toNode(parseXml(String(sent[0]!.init.body)));
    expect(envelope.ns).toBe(documented.ns);
    expect(new Headers(sent[0]!.init.headers).get("Content-Type")).toBe(
      'application/soap+xml; charset=utf-8; action="http://www.superoffice.net/ws/crm/NetServer/Services88/CustomerService/ChatSessionsForUser"',
    );
  });

  it("throws a CustomerServiceError (a SoapServiceError) when the service says Succeeded=false", async () => {
    const failed = soap11Response.replace(
      `<SOAP-ENV:Body>`,
      `<SOAP-ENV:Header><CustomerService:ExceptionInfo><CustomerService:Message>Ticket expired</CustomerService:Message>` +
        `</CustomerService:ExceptionInfo><CustomerService:Succeeded>false</CustomerService:Succeeded></SOAP-ENV:Header><SOAP-ENV:Body>`,
    );
    const { fetch } = capture(failed);
    const error = await new CustomerServiceClient({ fetch }).chatSessionsForUser().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SoapServiceError);
    if (!(error instanceof CustomerServiceError)) throw new Error("expected a CustomerServiceError");
    // No cast: instanceof alone types exceptionInfo and headers.
    expect(error.exceptionInfo?.Message).toBe("Ticket expired");
    expect(error.headers.Succeeded).toBe(false);
    expect(error.name).toBe("CustomerServiceError");
    expect(error.message).toBe(
      "ChatSessionsForUser (https://sod.superoffice.com/Cust12345/Remote/Services88/CustomerService.svc): Ticket expired",
    );
  });
});
