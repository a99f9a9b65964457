/**
 * The hand-written WSDLs of the constructs zeep also reads (rpc/literal, document/literal type= parts):
 * the generated client's requests as zeep reads them, and zeep's responses as the generated client
 * decodes them, so the wire format is checked against an independent implementation.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { zeepReadRequests, zeepWriteResponses, type ZeepWrittenResponse } from "./zeep.js";

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "soapgen-examples-"));
symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Generates the client of `wsdl/<name>` and imports it. */
async function client<T>(name: string): Promise<T> {
  const out = join(dir, name.replace(/\W/g, "_"));
  await generate({ wsdl: resolve(ROOT, "wsdl", name), out });
  return (await import(join(out, "index.ts"))) as T;
}

interface Sent {
  body: string;
  headers: Headers;
}

/** A fetch answering every call with `response` (HTTP `status`), recording what was sent. */
function answering(response: string, status = 200): { sent: Sent[]; fetch: typeof globalThis.fetch } {
  const sent: Sent[] = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({ body: String(init?.body), headers: new Headers(init?.headers) });
    return new Response(response, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

/** What the tests use of a generated module (its own types live in the temporary output folder). */
interface ClientOptions {
  fetch: typeof globalThis.fetch;
  headers?: Record<string, unknown>;
  soapVersion?: "1.1" | "1.2";
}
type Method = (request: object, options?: { headers?: Record<string, unknown> }) => Promise<unknown>;
interface RpcModule {
  QuotesClient: new (options: ClientOptions) => { getQuote: Method; log: Method };
  UnknownSymbolError: abstract new (...args: never[]) => Error;
}
interface TypePartsModule {
  LabelsClient: new (options: ClientOptions) => { format: Method };
}

function envelopeOf(written: ZeepWrittenResponse | undefined): string {
  if (written === undefined || written.error !== undefined)
    throw new Error(`zeep wrote no envelope: ${written?.error}`);
  return written.envelope;
}

describe("rpc-literal.wsdl against zeep", async () => {
  const wsdl = resolve(ROOT, "wsdl/rpc-literal.wsdl");
  const generated = await client<RpcModule>("rpc-literal.wsdl");
  let responses: Map<string, ZeepWrittenResponse>;
  beforeAll(async () => {
    responses = await zeepWriteResponses(wsdl, [
      {
        id: "quote",
        operation: "GetQuote",
        body: { quote: { Symbol: "ACME", Price: 12.5, Asked: "2024-05-06T07:08:09Z" }, total: 3 },
      },
    ]);
  });

  it("sends a request zeep reads as the operation's parts, and decodes zeep's response", async () => {
    const { sent, fetch } = answering(envelopeOf(responses.get("quote")));
    const quotes = new generated.QuotesClient({ fetch, headers: { auth: { Token: "secret" } } });
    const response = await quotes.getQuote({ symbol: "ACME", count: 2, Note: "hello" });
    expect(response).toEqual({
      quote: { Symbol: "ACME", Price: 12.5, Asked: new Date("2024-05-06T07:08:09Z") },
      total: 3,
    });
    expect(sent[0]?.headers.get("SOAPAction")).toBe('"urn:example:rpc/GetQuote"');
    const read = await zeepReadRequests(wsdl, [{ id: "q", operation: "GetQuote", envelope: sent[0]!.body }]);
    expect(read.get("q")).toEqual({
      header: { auth: { Token: "secret" } },
      body: { symbol: "ACME", count: 2, Note: "hello" },
    });
  });

  it("sends a one-way request zeep reads", async () => {
    const { sent, fetch } = answering("", 202);
    await new generated.QuotesClient({ fetch }).log({ line: "started" });
    const read = await zeepReadRequests(wsdl, [{ id: "log", operation: "Log", envelope: sent[0]!.body }]);
    // zeep gives the value of a message's only part without its name.
    expect(read.get("log")).toEqual({ header: null, body: "started" });
  });

  it("throws the typed error of the operation's fault", async () => {
    const fault =
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>` +
      `<faultcode>s:Client</faultcode><faultstring>no such symbol</faultstring><detail>` +
      `<t:UnknownSymbol xmlns:t="urn:example:rpc:types"><t:Symbol>XYZ</t:Symbol></t:UnknownSymbol>` +
      `</detail></s:Fault></s:Body></s:Envelope>`;
    const { fetch } = answering(fault, 500);
    const call = new generated.QuotesClient({ fetch }).getQuote({ symbol: "XYZ", count: 1, Note: "" });
    await expect(call).rejects.toBeInstanceOf(generated.UnknownSymbolError);
    await expect(call).rejects.toMatchObject({ detail: { Symbol: "XYZ" } });
  });

  it("speaks SOAP 1.2 with the same rpc wrapper", async () => {
    const response =
      `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body>` +
      `<w:GetQuoteResponse xmlns:w="urn:example:rpc:wire"><quote><t:Symbol xmlns:t="urn:example:rpc:types">A</t:Symbol>` +
      `<t:Price xmlns:t="urn:example:rpc:types">1</t:Price></quote><total>0</total></w:GetQuoteResponse></e:Body></e:Envelope>`;
    const { sent, fetch } = answering(response);
    const quotes = new generated.QuotesClient({ fetch, soapVersion: "1.2" });
    expect(await quotes.getQuote({ symbol: "A", count: 0, Note: "n" })).toEqual({
      quote: { Symbol: "A", Price: 1 },
      total: 0,
    });
    expect(sent[0]?.body).toMatch(
      /^<\?xml[^>]*\?><soap:Envelope xmlns:soap="http:\/\/www\.w3\.org\/2003\/05\/soap-envelope"[^>]*><soap:Body><ns\d:GetQuote><symbol>A<\/symbol><count>0<\/count><ns\d:Note>n<\/ns\d:Note><\/ns\d:GetQuote><\/soap:Body>/,
    );
  });
});

describe("type-parts.wsdl against zeep", async () => {
  const wsdl = resolve(ROOT, "wsdl/type-parts.wsdl");
  const generated = await client<TypePartsModule>("type-parts.wsdl");

  it("sends type= parts and a type= header zeep reads, and decodes zeep's type= response part", async () => {
    const written = await zeepWriteResponses(wsdl, [
      { id: "label", operation: "Format", body: { Lines: ["Ada Lovelace", "12 St James's Square"] } },
    ]);
    const { sent, fetch } = answering(envelopeOf(written.get("label")));
    const labels = new generated.LabelsClient({ fetch });
    const label = await labels.format(
      { name: "Ada Lovelace", address: { Street: "12 St James's Square", City: "London" } },
      { headers: { locale: "en-GB" } },
    );
    expect(label).toEqual({ Lines: ["Ada Lovelace", "12 St James's Square"] });
    const read = await zeepReadRequests(wsdl, [{ id: "f", operation: "Format", envelope: sent[0]!.body }]);
    expect(read.get("f")).toEqual({
      header: { locale: "en-GB" },
      body: { name: "Ada Lovelace", address: { Street: "12 St James's Square", City: "London" } },
    });
  });
});

interface RepeatedChoiceModule {
  MailboxServiceClient: new (options: ClientOptions) => { sync: Method };
}

describe("repeated-choice.wsdl against zeep", async () => {
  const wsdl = resolve(ROOT, "wsdl/repeated-choice.wsdl");
  const generated = await client<RepeatedChoiceModule>("repeated-choice.wsdl");

  it("agrees with zeep on the order of a repeated choice's elements, both ways", async () => {
    // zeep names a repeated choice `_value_1`, `_value_2`, …, with an item per element as ours.
    const written = await zeepWriteResponses(wsdl, [
      {
        id: "folder",
        operation: "Sync",
        body: {
          Folder: {
            Name: "Inbox",
            _value_1: [{ Message: { Subject: "first" } }, { Note: "n" }, { Message: { Subject: "second" } }],
            _value_2: [{ Flag: 2 }, { Tag: "red" }, { Flag: 1 }],
          },
        },
      },
    ]);
    const { sent, fetch } = answering(envelopeOf(written.get("folder")));
    const mailbox = new generated.MailboxServiceClient({ fetch });
    const response = await mailbox.sync({
      Folder: {
        Name: "Out",
        $choice: [{ CalendarItem: { Start: new Date("2024-05-06T07:08:09Z") } }, { Note: "x" }],
      },
      Script: { $choice: [{ Step: "a" }, { Wait: 5 }, { Step: "b" }, { Say: "hi" }] },
    });
    expect(response).toEqual({
      Folder: {
        Name: "Inbox",
        $choice: [{ Message: { Subject: "first" } }, { Note: "n" }, { Message: { Subject: "second" } }],
        $choice2: [{ Flag: 2 }, { Tag: "red" }, { Flag: 1 }],
      },
    });
    const read = await zeepReadRequests(wsdl, [{ id: "s", operation: "Sync", envelope: sent[0]!.body }]);
    // zeep groups the repeated sequence by its rounds, the same elements in the same order.
    expect(read.get("s")).toEqual({
      header: null,
      body: {
        Folder: {
          Name: "Out",
          _value_1: [{ CalendarItem: { Start: "2024-05-06T07:08:09+00:00" } }, { Note: "x" }],
          _value_2: {},
        },
        Script: {
          _value_1: [
            { Step: "a", Wait: 5, Say: null },
            { Step: "b", Wait: null, Say: "hi" },
          ],
        },
      },
    });
  });
});

interface RequiredChoiceModule {
  ShippingServiceClient: new (options: ClientOptions) => { ship: Method };
}

describe("required-choice.wsdl against zeep", async () => {
  const wsdl = resolve(ROOT, "wsdl/required-choice.wsdl");
  const generated = await client<RequiredChoiceModule>("required-choice.wsdl");

  it("sends the branch given as zeep reads it, and decodes zeep's branch without the other", async () => {
    const written = await zeepWriteResponses(wsdl, [
      { id: "ref", operation: "Ship", body: { Parcel: { Reference: "R-1" } } },
    ]);
    const { sent, fetch } = answering(envelopeOf(written.get("ref")));
    const shipping = new generated.ShippingServiceClient({ fetch });
    const response = await shipping.ship({
      Delivery: { PickupPoint: 7 },
      Recipient: { Name: "Ada" },
      Parcel: { Barcode: ["1", "2"] },
      Insurance: { Insurer: "I", Value: 100 },
    });
    expect(response).toEqual({ Parcel: { Reference: "R-1" } });
    const read = await zeepReadRequests(wsdl, [{ id: "s", operation: "Ship", envelope: sent[0]!.body }]);
    // zeep lists the branches not taken as null; a decimal is a string in its JSON.
    expect(read.get("s")).toEqual({
      header: null,
      body: {
        Delivery: { Address: null, PickupPoint: 7 },
        Recipient: { Name: "Ada" },
        Parcel: { Barcode: ["1", "2"], Reference: null },
        Insurance: { Insurer: "I", Value: "100", Category: null },
      },
    });
  });
});

interface MixedModule {
  PressServiceClient: new (options: ClientOptions) => { publish: Method };
}

describe("mixed.wsdl against zeep", async () => {
  const wsdl = resolve(ROOT, "wsdl/mixed.wsdl");
  const generated = await client<MixedModule>("mixed.wsdl");

  it("agrees with zeep on the elements of mixed content and their order (zeep drops the text)", async () => {
    // zeep reads and writes a mixed type's elements as a repeated choice, `_value_1`; text it neither
    // keeps nor writes, so only the elements can be compared.
    const written = await zeepWriteResponses(wsdl, [
      {
        id: "p",
        operation: "Publish",
        body: { Paragraph: { lang: "en", _value_1: [{ i: "x" }, { b: "y" }] } },
      },
    ]);
    const { sent, fetch } = answering(envelopeOf(written.get("p")));
    const press = new generated.PressServiceClient({ fetch });
    const response = await press.publish({
      Paragraph: [
        { $mixed: ["Hello ", { b: "bold" }, " and ", { a: { href: "http://x/", $value: "l" } }, "!"] },
      ],
    });
    expect(response).toEqual({ Paragraph: { lang: "en", $mixed: [{ i: "x" }, { b: "y" }] } });
    const read = await zeepReadRequests(wsdl, [{ id: "r", operation: "Publish", envelope: sent[0]!.body }]);
    expect(read.get("r")).toEqual({
      header: null,
      body: {
        Paragraph: [{ lang: null, _value_1: [{ b: "bold" }, { a: { href: "http://x/" } }] }],
        Letter: null,
      },
    });
  });
});

interface AnyAttributeModule {
  TokenServiceClient: new (options: ClientOptions) => { verify: Method };
}

describe("any-attribute.wsdl against zeep", async () => {
  const wsdl = resolve(ROOT, "wsdl/any-attribute.wsdl");
  const generated = await client<AnyAttributeModule>("any-attribute.wsdl");

  it("names undeclared attributes as zeep does (`_attr_1`: local or Clark names), both ways", async () => {
    const written = await zeepWriteResponses(wsdl, [
      {
        id: "t",
        operation: "Verify",
        body: { Token: { Value: "v", id: "i", _attr_1: { "{urn:w}Id": "T-2", plain: "x" } } },
      },
    ]);
    const { sent, fetch } = answering(envelopeOf(written.get("t")));
    const tokens = new generated.TokenServiceClient({
      fetch,
      headers: { context: { Tenant: "acme", $attributes: { "{urn:w}mustSee": "1", plain: "p" } } },
    });
    const response = await tokens.verify({
      Token: { Value: "v", id: "i", $attributes: { "{urn:w}Id": "T-1" } },
    });
    expect(response).toEqual({
      Token: { Value: "v", id: "i", $attributes: { "{urn:w}Id": "T-2", plain: "x" } },
    });
    const read = await zeepReadRequests(wsdl, [{ id: "r", operation: "Verify", envelope: sent[0]!.body }]);
    expect(read.get("r")).toEqual({
      header: { context: { Tenant: "acme", _attr_1: { "{urn:w}mustSee": "1", plain: "p" } } },
      body: { Token: { Value: "v", id: "i", _attr_1: { "{urn:w}Id": "T-1" } }, Signed: null },
    });
  });
});
