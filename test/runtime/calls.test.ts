/**
 * What a call does around the codec, through an injected fetch: which failure wins, where headers come
 * from, the default time limit, what errors say about the call, and values that must survive a round trip
 * (derived types, raw XML).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TIMEOUT_MS, SoapClient } from "../../templates/runtime/client.js";
import type { SoapClientOptions } from "../../templates/runtime/client.js";
import type { Deviation } from "../../templates/runtime/decode.js";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import {
  SoapDecodeError,
  SoapEncodeError,
  SoapFaultError,
  SoapHttpError,
  SoapServiceError,
  SoapTimeoutError,
} from "../../templates/runtime/errors.js";
import { RawXml } from "../../templates/runtime/values.js";
import { chatResponse, ENV11, NS, rejection, service } from "./fixture.js";

type Headers = Record<string, unknown>;
const ENDPOINT = "https://user:secret@crm.example.com/Cust1/Remote/Services88/Chat.svc?ticket=7T:abc#frag";
const SHOWN = "https://crm.example.com/Cust1/Remote/Services88/Chat.svc";

/** A fetch answering every request with `body`, recording the request bodies. */
function answering(body: string, status = 200, sent: string[] = []): typeof fetch {
  return async (_input, init) => {
    sent.push(String(init?.body));
    return new Response(body, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  };
}

function client(options: Partial<SoapClientOptions<Headers>>): SoapClient<Headers> {
  return new SoapClient<Headers>(service, { endpoint: ENDPOINT, ...options });
}

const failureHeaders = `<soap:Header><ExceptionInfo xmlns="${NS}"><Message>Ticket expired</Message></ExceptionInfo><Succeeded xmlns="${NS}">false</Succeeded></soap:Header>`;
const envelope = (header: string, body: string): string =>
  `<soap:Envelope xmlns:soap="${ENV11}">${header}<soap:Body>${body}</soap:Body></soap:Envelope>`;

describe("failure precedence", () => {
  it.each([
    ["an empty Body", ""],
    [
      "a Body that does not decode",
      `<ChatSessionsForUserResponse xmlns="${NS}"><Response>oops</Response></ChatSessionsForUserResponse>`,
    ],
    ["another operation's Body", `<Other xmlns="${NS}"/>`],
  ])("Succeeded=false with %s is the service's failure, with its message", async (_what, body) => {
    const error = await rejection(
      client({ fetch: answering(envelope(failureHeaders, body)) }).invoke("ChatSessionsForUser", {}),
    );
    expect(error).toBeInstanceOf(SoapServiceError);
    if (error instanceof SoapServiceError) {
      // @ts-expect-error instanceof the base class gives exceptionInfo: unknown, not any
      expect(error.exceptionInfo.Message).toBe("Ticket expired");
    }
    expect((error as Error).message).toBe(`ChatSessionsForUser (${SHOWN}): Ticket expired`);
  });

  it("Succeeded=false with HTTP 500 and no Fault is the service's failure, not an HTTP error", async () => {
    const error = await rejection(
      client({ fetch: answering(envelope(failureHeaders, ""), 500) }).invoke("ChatSessionsForUser", {}),
    );
    expect(error).toBeInstanceOf(SoapServiceError);
    expect((error as SoapServiceError).status).toBe(500);
  });

  it("a Fault wins over failure headers", async () => {
    const fault = `<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Boom</faultstring></soap:Fault>`;
    const error = await rejection(
      client({ fetch: answering(envelope(failureHeaders, fault), 500) }).invoke("ChatSessionsForUser", {}),
    );
    expect(error).toBeInstanceOf(SoapFaultError);
    expect((error as SoapFaultError).reason).toBe("Boom");
  });

  it("throws the generated service error class when the client is given one", async () => {
    class ChatError extends SoapServiceError<{ Message?: string | null } | null | undefined, Headers> {
      override readonly name = "ChatError";
    }
    const chat = new SoapClient<Headers>(
      service,
      { endpoint: ENDPOINT, fetch: answering(envelope(failureHeaders, "")) },
      { serviceError: ChatError },
    );
    const error = await rejection(chat.invoke("ChatSessionsForUser", {}));
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toBeInstanceOf(SoapServiceError);
    // instanceof on the generated class gives the typed fields without a cast.
    if (error instanceof ChatError) expect(error.exceptionInfo?.Message).toBe("Ticket expired");
  });
});

describe("errors name the call", () => {
  it("with the operation and the endpoint without user info, query or fragment", async () => {
    const error = await rejection(
      client({ fetch: answering("<html>down</html>", 503) }).invoke("ChatSessionsForUser", {}),
    );
    expect(error).toBeInstanceOf(SoapHttpError);
    expect((error as SoapHttpError).message).toBe(
      `ChatSessionsForUser (${SHOWN}): HTTP 503: not a SOAP response (content-type text/xml; charset=utf-8): "<html>down</html>"`,
    );
    expect((error as SoapHttpError).message).not.toContain("secret");
    expect((error as SoapHttpError).message).not.toContain("7T:abc");
    expect([(error as SoapHttpError).operation, (error as SoapHttpError).endpoint]).toEqual([
      "ChatSessionsForUser",
      SHOWN,
    ]);
  });

  it("also for a request that does not encode, which is never sent", async () => {
    const sent: string[] = [];
    const error = await rejection(
      client({ fetch: answering(chatResponse(0), 200, sent) }).invoke("Everything", { Kinds: { Int: "1" } }),
    );
    expect(error).toBeInstanceOf(SoapEncodeError);
    expect((error as Error).message).toBe(
      `Everything (${SHOWN}): Expected a value of kind int, got "1" at body.Kinds.Int`,
    );
    expect(sent).toEqual([]);
  });
});

describe("headers", () => {
  it("may be a function, sync or async, called for every request so a renewed ticket is used", async () => {
    const sent: string[] = [];
    let ticket = "7T:first";
    const sync = client({
      fetch: answering(chatResponse(0), 200, sent),
      headers: () => ({ Credentials: { Ticket: ticket } }),
    });
    await sync.invoke("ChatSessionsForUser", {});
    ticket = "7T:renewed";
    await sync.invoke("ChatSessionsForUser", {});
    const async = client({
      fetch: answering(chatResponse(0), 200, sent),
      headers: async () => ({ Credentials: { Ticket: "7T:async" }, ApplicationToken: "app" }),
    });
    // Per-call headers still override block by block, and may be a function too.
    await async.invoke("ChatSessionsForUser", {}, { headers: () => ({ ApplicationToken: "call" }) });
    const tickets = sent.map((xml) => /<ns0:Ticket>([^<]*)</.exec(xml)?.[1]);
    expect(tickets).toEqual(["7T:first", "7T:renewed", "7T:async"]);
    expect(sent[2]).toContain("<ns0:ApplicationToken>call</ns0:ApplicationToken>");
  });
});

describe("time limit", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fetch that never answers, but gives up when its signal aborts, as real fetch does. */
  const stalling: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) =>
      init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
    );

  it(`is ${DEFAULT_TIMEOUT_MS} ms when neither the client nor the call sets one`, async () => {
    vi.useFakeTimers();
    const call = rejection(client({ fetch: stalling }).invoke("ChatSessionsForUser", {}));
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    let settled = false;
    void call.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await call;
    expect(error).toBeInstanceOf(SoapTimeoutError);
    expect((error as SoapTimeoutError).timeoutMs).toBe(60_000);
  });

  it.each([0, Infinity])("is off with timeoutMs: %s", async (timeoutMs) => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const call = rejection(
      client({ fetch: stalling, timeoutMs, signal: controller.signal }).invoke("ChatSessionsForUser", {}),
    );
    let settled = false;
    void call.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(settled).toBe(false);
    controller.abort("done");
    expect((await call) as Error).not.toBeInstanceOf(SoapTimeoutError);
  });
});

describe("deviations", () => {
  it("are on the call() result and given to onDeviation, with the call they came from", async () => {
    const seen: [Deviation, string][] = [];
    const newer = chatResponse(1).replace("<Topic>", `<Mood xmlns="urn:new">calm</Mood><Topic>`);
    const response = await client({
      fetch: answering(newer),
      onDeviation: (deviation, context) => seen.push([deviation, context.operation]),
    }).invoke("ChatSessionsForUser", {});
    const deviation = {
      kind: "unknownElement",
      path: "Envelope/Body/ChatSessionsForUserResponse/Response/ChatSession[0]/Mood",
      detail: "urn:new",
    };
    expect(response.deviations).toEqual([deviation]);
    expect(seen).toEqual([[deviation, "ChatSessionsForUser"]]);
  });

  it("are errors with strict, set on the client or for one call", async () => {
    const newer = chatResponse(1).replace("<Topic>", `<Mood xmlns="urn:new">calm</Mood><Topic>`);
    expect(
      await rejection(client({ fetch: answering(newer), strict: true }).invoke("ChatSessionsForUser", {})),
    ).toBeInstanceOf(SoapDecodeError);
    expect(
      await rejection(
        client({ fetch: answering(newer) }).invoke("ChatSessionsForUser", {}, { strict: true }),
      ),
    ).toBeInstanceOf(SoapDecodeError);
    const lenient = await client({ fetch: answering(newer), strict: true }).invoke(
      "ChatSessionsForUser",
      {},
      { strict: false },
    );
    expect(lenient.deviations).toHaveLength(1);
  });
});

describe("values that round-trip", () => {
  const roundTrip = (value: object): { xml: string; decoded: unknown } => {
    const xml = encodeMessage(service, "Everything", "input", value, undefined);
    return { xml, decoded: decodeMessage(service, "Everything", "input", xml).body };
  };

  it("a derived type in a base-typed field is sent with xsi:type from $type and read back with it", () => {
    const value = { Session: { $type: "ChatSessionEx", ChatSessionId: 1, Tags: [], Priority: 5 } };
    const { xml, decoded } = roundTrip(value);
    expect(xml).toContain(
      `<ns0:Session xsi:type="ns0:ChatSessionEx"><ns0:ChatSessionId>1</ns0:ChatSessionId><ns0:Priority>5</ns0:Priority></ns0:Session>`,
    );
    expect(xml).toContain(`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`);
    expect(decoded).toEqual(value);
    // The declared type itself needs no xsi:type.
    expect(roundTrip({ Session: { $type: "ChatSession", ChatSessionId: 2 } }).xml).toContain(
      "<ns0:Session><ns0:ChatSessionId>2",
    );
    expect(() => roundTrip({ Session: { $type: "SoCredentials", ChatSessionId: 1 } })).toThrow(
      '$type "SoCredentials" is not ChatSession or a type derived from it at body.Session.$type',
    );
    // A derived type's fields without $type are unknown to the declared type.
    expect(() => roundTrip({ Session: { ChatSessionId: 1, Priority: 5 } })).toThrow(
      "Unknown property Priority",
    );
  });

  it("xs:anyType content: RawXml is written as XML and read back as RawXml, a string stays text", () => {
    const raw = new RawXml(`<x:a xmlns:x="urn:x">1 &amp; 2</x:a>tail`);
    const { xml, decoded } = roundTrip({ Kinds: { Anything: raw } });
    expect(xml).toContain(`<ns0:Anything><x:a xmlns:x="urn:x">1 &amp; 2</x:a>tail</ns0:Anything>`);
    expect(decoded).toEqual({ Kinds: { Anything: raw } });
    const text = roundTrip({ Kinds: { Anything: "<not xml>" } });
    expect(text.xml).toContain(`<ns0:Anything>&lt;not xml&gt;</ns0:Anything>`);
    expect(text.decoded).toEqual({ Kinds: { Anything: "<not xml>" } });
    expect(() => roundTrip({ Kinds: { Anything: new RawXml("<a><b></a>") } })).toThrow(SoapEncodeError);
  });
});
