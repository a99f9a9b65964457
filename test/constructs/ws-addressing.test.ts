/**
 * WS-Addressing 1.0 (wsdl/ws-addressing.wsdl): a binding that declares it gets wsa:Action (explicit or
 * the default action pattern), wsa:To, a fresh wsa:MessageID and an anonymous wsa:ReplyTo on every
 * request, with the HTTP action consistent; the typed stub checks them and answers with wsa:Action and
 * wsa:RelatesTo; bindings that do not declare it get none of it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../../generator/generate.js";
import { zeepAddressingActions } from "../conformance/zeep.js";
import { outputParts } from "../generator/output.js";
import { parseXml, type XmlElement } from "../../templates/runtime/xml.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";
import { generated } from "./generated.js";

const WSA = "http://www.w3.org/2005/08/addressing";
const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
const ENDPOINT = "http://localhost:8080/meter";
const WSDL = resolve(process.cwd(), "wsdl/ws-addressing.wsdl");
type Method = (request: object) => Promise<unknown>;
const { index, stub } = await generated<
  {
    meterTables: ServiceMeta;
    MeterClient: new (options: {
      fetch: typeof fetch;
      endpoint?: string;
      onDeviation?: (deviation: unknown) => void;
    }) => {
      read: Method;
      reset: Method;
      log: Method;
    };
  },
  {
    createMeterHandler: (
      handlers: Record<
        string,
        (request: unknown, context: { deviations: unknown; extraHeaders: unknown }) => unknown
      >,
    ) => typeof fetch;
  }
>("ws-addressing.wsdl");

interface Exchange {
  body: string;
  contentType: string;
  response: Response;
}

/** The typed stub behind a fetch that records each request and response. */
/** What the stub's read method was given besides the request. */
const seen: { deviations: unknown; extraHeaders: unknown }[] = [];

function meter(): { fetch: typeof fetch; exchanges: Exchange[] } {
  const handler = stub.createMeterHandler({
    read: (_request: unknown, context: { deviations: unknown; extraHeaders: unknown }) => {
      seen.push({ deviations: context.deviations, extraHeaders: context.extraHeaders });
      return { Value: 1.5 };
    },
    reset: () => ({}),
    log: () => undefined,
  });
  const exchanges: Exchange[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await handler(input, init);
    exchanges.push({
      body: String(init?.body),
      contentType: new Headers(init?.headers).get("content-type") ?? "",
      response: response.clone(),
    });
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, exchanges };
}

/** The wsa: header blocks of an envelope, by local name, as text (ReplyTo: its Address). */
function addressing(xml: string): Record<string, string> {
  const header = parseXml(xml).children.find((child) => child.local === "Header");
  const blocks: Record<string, string> = {};
  for (const block of header?.children ?? [])
    if (block.ns === WSA) blocks[block.local] = (block.children[0] ?? block).text;
  return blocks;
}

/** A request envelope as a client without WS-Addressing (or a hand-written one) would send it. */
async function post(headerXml: string, action = "http://example.com/meter/Read", url = ENDPOINT) {
  const handler = stub.createMeterHandler({ read: () => ({ Value: 1 }) });
  const response = await handler(url, {
    method: "POST",
    headers: { "Content-Type": `application/soap+xml; charset=utf-8; action="${action}"` },
    body:
      `<e:Envelope xmlns:e="${SOAP12}" xmlns:wsa="${WSA}"><e:Header>${headerXml}</e:Header>` +
      `<e:Body><m:Read xmlns:m="urn:example:ws-addressing"><m:Meter>A</m:Meter></m:Read></e:Body></e:Envelope>`,
  });
  return { status: response.status, text: await response.text() };
}

describe("WS-Addressing", () => {
  it("takes explicit actions, else the default pattern (':' after a URN, the input's name)", () => {
    const { operations } = index.meterTables;
    expect(operations["Read"]?.addressing).toEqual({
      input: "http://example.com/meter/Read",
      output: "http://example.com/meter/ReadResponse",
    });
    expect(operations["Reset"]?.addressing).toEqual({
      input: "urn:example:ws-addressing:Meter:ResetIt",
      output: "urn:example:ws-addressing:Meter:ResetResponse",
    });
    expect(operations["Log"]?.addressing).toEqual({ input: "urn:example:ws-addressing:Meter:Log" });
  });

  it("uses '/' after other namespaces (none doubled), reads wsam:Addressing inline, and is off without either", async () => {
    const text = readFileSync(WSDL, "utf8");
    const tables = async (wsdl: string) =>
      outputParts(await render({ text: wsdl, name: "wsa.wsdl" })).clients;
    const http = text.replace(/urn:example:ws-addressing(?=")/g, "http://example.com/meter/");
    expect(await tables(http)).toContain('input: "http://example.com/meter/Meter/ResetIt"');
    const inline = text
      .replace(
        /<wsp:PolicyReference[^>]*\/>/,
        `<wsp:Policy><wsam:Addressing><wsp:Policy/></wsam:Addressing></wsp:Policy>`,
      )
      .replace(/<wsp:Policy wsu:Id[^]*?<\/wsp:Policy>/, "");
    expect(await tables(inline)).toContain('input: "urn:example:ws-addressing:Meter:Log"');
    const off = text.replace(/<wsp:PolicyReference[^>]*\/>/, "");
    expect(await tables(off)).not.toContain("addressing: {");
    expect(outputParts(await render(resolve(process.cwd(), "wsdl/choice.wsdl"))).clients).not.toContain(
      "addressing: {",
    );
  });

  it("sends Action, a fresh MessageID, an anonymous ReplyTo and To, with the same action on HTTP", async () => {
    const { fetch, exchanges } = meter();
    const client = new index.MeterClient({ fetch });
    expect(await client.read({ Meter: "A" })).toEqual({ Value: 1.5 });
    await client.reset({ Meter: "A" });
    const [read, reset] = exchanges.map((exchange) => addressing(exchange.body));
    expect(read).toEqual({
      Action: "http://example.com/meter/Read",
      MessageID: expect.stringMatching(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ) as unknown as string,
      ReplyTo: "http://www.w3.org/2005/08/addressing/anonymous",
      To: ENDPOINT,
    });
    expect(reset?.["Action"]).toBe("urn:example:ws-addressing:Meter:ResetIt");
    expect(reset?.["MessageID"]).not.toBe(read?.["MessageID"]);
    expect(exchanges[0]?.contentType).toBe(
      'application/soap+xml; charset=utf-8; action="http://example.com/meter/Read"',
    );
    // The binding's soapAction is "": the HTTP action is wsa:Action's, as WS-Addressing's SOAP binding requires.
    expect(exchanges[1]?.contentType).toContain('action="urn:example:ws-addressing:Meter:ResetIt"');
  });

  it("the stub answers with the output's Action, relating to the request; neither side calls them deviations", async () => {
    const { fetch, exchanges } = meter();
    const deviations: unknown[] = [];
    await new index.MeterClient({ fetch, onDeviation: (deviation) => deviations.push(deviation) }).read({
      Meter: "A",
    });
    expect(deviations).toEqual([]);
    expect(seen.at(-1)).toEqual({ deviations: [], extraHeaders: [] });
    const response = addressing(await exchanges[0]!.response.text());
    expect(response).toEqual({
      Action: "http://example.com/meter/ReadResponse",
      RelatesTo: addressing(exchanges[0]!.body)["MessageID"],
    });
    await new index.MeterClient({ fetch }).log({ Line: "x" });
    expect(exchanges[1]?.response.status).toBe(202);
  });

  it("the stub refuses a request whose addressing headers are missing or wrong", async () => {
    const good = {
      Action: `<wsa:Action>http://example.com/meter/Read</wsa:Action>`,
      MessageID: `<wsa:MessageID>urn:uuid:1</wsa:MessageID>`,
      To: `<wsa:To>${ENDPOINT}</wsa:To>`,
    };
    const headers = (blocks: Partial<typeof good> & { ReplyTo?: string }) => Object.values(blocks).join("");
    expect((await post(headers(good))).status).toBe(200);
    const refusals: [string, string][] = [
      [headers({ ...good, Action: undefined }), "the WS-Addressing header wsa:Action is missing"],
      [
        headers({ ...good, Action: `<wsa:Action>urn:other</wsa:Action>` }),
        'wsa:Action "urn:other" is not "http://example.com/meter/Read"',
      ],
      [headers({ ...good, To: undefined }), "the WS-Addressing header wsa:To is missing"],
      [
        headers({ ...good, To: `<wsa:To>http://elsewhere/</wsa:To>` }),
        `wsa:To "http://elsewhere/" is not "${ENDPOINT}"`,
      ],
      [headers({ ...good, MessageID: undefined }), "the WS-Addressing header wsa:MessageID is missing"],
      [
        headers({
          ...good,
          ReplyTo: `<wsa:ReplyTo><wsa:Address>http://client/cb</wsa:Address></wsa:ReplyTo>`,
        }),
        "wsa:ReplyTo must be anonymous",
      ],
    ];
    for (const [header, reason] of refusals) {
      const { status, text } = await post(header);
      expect(status, reason).toBe(400);
      const fault = parseXml(text);
      const reasonText = (element: XmlElement): string[] =>
        element.local === "Text" ? [element.text] : element.children.flatMap(reasonText);
      expect(reasonText(fault).join(""), reason).toContain(`Read: ${reason}`);
    }
  });

  it("agrees with zeep on the explicit actions (zeep has no default pattern)", async () => {
    expect(await zeepAddressingActions(WSDL)).toEqual({
      Read: index.meterTables.operations["Read"]?.addressing?.input,
      Reset: null,
      Log: null,
    });
  });
});
