/**
 * Header blocks the WSDL does not declare (wsdl/ws-security.wsdl): the `extraHeaders` client and call
 * options, the stub's `extraHeaders`, and the WS-Security UsernameToken helper, checked against the OASIS
 * UsernameToken Profile's structure and against zeep's UsernameToken for the same inputs.
 */
import { describe, expect, it } from "vitest";
import type { ExtraHeaderContext, ExtraHeaders } from "../../templates/runtime/client.js";
import type { RawXml } from "../../templates/runtime/values.js";
import type * as Wsse from "../../templates/runtime/wsse.js";
import { parseXml, XMLNS_NS, type XmlElement } from "../../templates/runtime/xml.js";
import { zeepUsernameTokens } from "../conformance/zeep.js";
import { generated } from "./generated.js";

type Method = (request: object, options?: { extraHeaders?: ExtraHeaders }) => Promise<unknown>;
interface Context {
  headers: unknown;
  extraHeaders: readonly RawXml[];
}
const { index, stub } = await generated<
  {
    // The output's own runtime: a RawXml must be its class for the encoder to take it.
    RawXml: typeof RawXml;
    SoapEncodeError: new () => Error;
    usernameToken: typeof Wsse.usernameToken;
    usernameTokenHeader: typeof Wsse.usernameTokenHeader;
    WSSE_NS: string;
    WSU_NS: string;
    BankServiceClient: new (options: {
      fetch: typeof fetch;
      headers?: object;
      extraHeaders?: ExtraHeaders;
      soapVersion?: "1.1" | "1.2";
    }) => { getBalance: Method };
  },
  {
    createBankServiceHandler: (handlers: {
      getBalance: (request: unknown, context: Context) => unknown;
    }) => typeof fetch;
  }
>("ws-security.wsdl");
const { RawXml: Raw, SoapEncodeError, usernameToken, usernameTokenHeader, WSSE_NS, WSU_NS } = index;

/** A stub recording each request's envelope and what its method was given. */
function recordingBank(): { fetch: typeof fetch; envelopes: string[]; contexts: Context[] } {
  const envelopes: string[] = [];
  const contexts: Context[] = [];
  const handler = stub.createBankServiceHandler({
    getBalance: (_request, context) => {
      contexts.push(context);
      return { Balance: 10 };
    },
  });
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    envelopes.push(String(init?.body));
    return handler(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, envelopes, contexts };
}

const PROFILE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
const MESSAGE_SECURITY = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0";

/** An element as names, attributes (no namespace declarations), text and children, prefixes aside. */
interface Node {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
}
function tree(element: XmlElement): Node {
  const attributes: Record<string, string> = {};
  for (const a of element.attributes) if (a.ns !== XMLNS_NS) attributes[`{${a.ns}}${a.local}`] = a.value;
  return {
    name: `{${element.ns}}${element.local}`,
    attributes,
    text: element.text.trim(),
    children: element.children.map(tree),
  };
}

describe("extra header blocks", () => {
  it("sends the client's and the call's blocks after the declared ones, and the stub gets them", async () => {
    const bank = recordingBank();
    const seen: ExtraHeaderContext[] = [];
    const client = new index.BankServiceClient({
      fetch: bank.fetch,
      headers: { locale: "nb-NO" },
      extraHeaders: (context) => {
        seen.push(context);
        return [new Raw(`<v:Tenant xmlns:v="urn:vendor">acme</v:Tenant>`)];
      },
    });
    await client.getBalance(
      { Account: "1" },
      { extraHeaders: [new Raw(`<v:Trace xmlns:v="urn:vendor" id="7"/>`)] },
    );
    expect(bank.envelopes[0]).toMatch(
      /<soap:Header><ns0:Locale>nb-NO<\/ns0:Locale><v:Tenant xmlns:v="urn:vendor">acme<\/v:Tenant><v:Trace xmlns:v="urn:vendor" id="7"\/><\/soap:Header>/,
    );
    expect(seen).toEqual([
      {
        operation: "GetBalance",
        endpoint: "http://localhost:8080/bank",
        soapVersion: "1.1",
        soapAction: "urn:example:ws-security/GetBalance",
      },
    ]);
    expect(bank.contexts[0]?.headers).toEqual({ locale: "nb-NO" });
    expect(bank.contexts[0]?.extraHeaders.map((block) => block.xml)).toEqual([
      `<v:Tenant xmlns:v="urn:vendor">acme</v:Tenant>`,
      `<v:Trace xmlns:v="urn:vendor" id="7"/>`,
    ]);
  });

  it("refuses a block that is not one self-contained well-formed element", async () => {
    const bank = recordingBank();
    const call = (block: unknown) =>
      new index.BankServiceClient({ fetch: bank.fetch }).getBalance(
        { Account: "1" },
        { extraHeaders: [block as RawXml] },
      );
    await expect(call(new Raw("<a>"))).rejects.toThrow(SoapEncodeError);
    await expect(call(new Raw("<a/><b/>"))).rejects.toThrow("Not a well-formed XML element");
    // A prefix the block does not declare would take its meaning from the envelope around it.
    await expect(call(new Raw(`<x xmlns:v="urn:v"><soap:y/></x>`))).rejects.toThrow(
      /Not a well-formed XML element \(Undeclared namespace prefix "soap" at x\/y\) at extraHeaders\[0\]/,
    );
    await expect(call("<a/>")).rejects.toThrow("Expected a RawXml header block");
    expect(bank.envelopes).toEqual([]);
  });
});

describe("WS-Security UsernameToken", () => {
  const created = new Date("2024-05-06T07:08:09.500Z");
  const nonce = new TextEncoder().encode("0123456789abcdef");

  it("writes PasswordText as the OASIS profile's example has it", async () => {
    const block = await usernameTokenHeader({ username: "Zoe", password: "a<b" }, "1.1");
    expect(block.xml).toBe(
      `<wsse:Security xmlns:wsse="${WSSE_NS}"><wsse:UsernameToken><wsse:Username>Zoe</wsse:Username>` +
        `<wsse:Password Type="${PROFILE}#PasswordText">a&lt;b</wsse:Password></wsse:UsernameToken></wsse:Security>`,
    );
  });

  it("writes PasswordDigest with nonce and Created, a Timestamp and mustUnderstand", async () => {
    const block = await usernameTokenHeader(
      {
        username: "u",
        password: "p",
        passwordType: "PasswordDigest",
        timestampSeconds: 300,
        mustUnderstand: true,
      },
      "1.2",
      { nonce, created },
    );
    const security = parseXml(block.xml);
    expect(tree(security)).toEqual({
      name: `{${WSSE_NS}}Security`,
      attributes: { "{http://www.w3.org/2003/05/soap-envelope}mustUnderstand": "true" },
      text: "",
      children: [
        {
          name: `{${WSU_NS}}Timestamp`,
          attributes: {},
          text: "",
          children: [
            { name: `{${WSU_NS}}Created`, attributes: {}, text: "2024-05-06T07:08:09Z", children: [] },
            { name: `{${WSU_NS}}Expires`, attributes: {}, text: "2024-05-06T07:13:09Z", children: [] },
          ],
        },
        {
          name: `{${WSSE_NS}}UsernameToken`,
          attributes: {},
          text: "",
          children: [
            { name: `{${WSSE_NS}}Username`, attributes: {}, text: "u", children: [] },
            {
              name: `{${WSSE_NS}}Password`,
              attributes: { "{}Type": `${PROFILE}#PasswordDigest` },
              // Base64(SHA-1(nonce + created + password)): the value itself is checked against zeep's below
              text: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/) as unknown as string,
              children: [],
            },
            {
              name: `{${WSSE_NS}}Nonce`,
              attributes: { "{}EncodingType": `${MESSAGE_SECURITY}#Base64Binary` },
              text: "MDEyMzQ1Njc4OWFiY2RlZg==",
              children: [],
            },
            { name: `{${WSU_NS}}Created`, attributes: {}, text: "2024-05-06T07:08:09Z", children: [] },
          ],
        },
      ],
    });
  });

  it("agrees with zeep's UsernameToken for the same inputs", async () => {
    const cases = [
      { id: "text", username: "Zoe", password: "a<b & c", digest: false },
      { id: "digest", username: "u", password: "pässword", digest: true },
      { id: "timestamped", username: "u", password: "p", digest: true, timestamp: true },
    ];
    const zeep = await zeepUsernameTokens(
      cases.map(({ timestamp, ...rest }) => ({
        ...rest,
        nonce: "0123456789abcdef",
        created: "2024-05-06T07:08:09Z",
        ...(timestamp
          ? { timestamp: { created: "2024-05-06T07:08:09Z", expires: "2024-05-06T07:13:09Z" } }
          : {}),
      })),
    );
    for (const { id, username, password, digest, timestamp } of cases) {
      const ours = await usernameTokenHeader(
        {
          username,
          password,
          passwordType: digest ? "PasswordDigest" : "PasswordText",
          ...(timestamp ? { timestampSeconds: 300 } : {}),
        },
        "1.1",
        { nonce, created },
      );
      const theirs = zeep.get(id);
      if (theirs === undefined || theirs.error !== undefined)
        throw new Error(`zeep wrote no token for ${id}: ${theirs?.error}`);
      // zeep appends the Timestamp after the token; WS-SecurityPolicy's Strict layout (WCF's default),
      // which this helper follows, puts it first: the blocks are compared child by child, in name order.
      const sorted = (node: Node): Node => ({
        ...node,
        children: [...node.children].sort((a, b) => a.name.localeCompare(b.name)),
      });
      expect(sorted(tree(parseXml(ours.xml))), id).toEqual(sorted(tree(parseXml(theirs.xml))));
    }
  });

  it("sends a fresh token with every request through extraHeaders", async () => {
    const bank = recordingBank();
    const client = new index.BankServiceClient({
      fetch: bank.fetch,
      extraHeaders: usernameToken({
        username: "u",
        password: "p",
        passwordType: "PasswordDigest",
        mustUnderstand: true,
      }),
    });
    await client.getBalance({ Account: "1" });
    await client.getBalance({ Account: "2" });
    const nonces = bank.contexts.map((context) => {
      const security = parseXml(context.extraHeaders[0]!.xml);
      expect(security.ns).toBe(WSSE_NS);
      expect(security.attribute("http://schemas.xmlsoap.org/soap/envelope/", "mustUnderstand")).toBe("1");
      const token = security.children[0]!;
      return token.children.find((child) => child.local === "Nonce")!.text;
    });
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
