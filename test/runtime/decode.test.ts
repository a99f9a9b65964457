import { describe, expect, it } from "vitest";
import type { DecodeOptions } from "../../templates/runtime/decode.js";
import { decodeMessage } from "../../templates/runtime/envelope.js";
import { SoapDecodeError, SoapFaultError } from "../../templates/runtime/errors.js";
import { RawXml } from "../../templates/runtime/values.js";
import { ARRAYS_NS, chatResponse, ENV11, ENV12, NS, OTHER_NS, service } from "./fixture.js";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const STRICT: DecodeOptions = { strict: true };

function everythingXml(content: string, extraDeclarations = ""): string {
  return `<s:Envelope xmlns:s="${ENV11}" xmlns:i="${XSI}" xmlns:so="${NS}"${extraDeclarations}><s:Body><so:Everything>${content}</so:Everything></s:Body></s:Envelope>`;
}

/** Wraps Everything content in a request envelope and decodes it strictly: the schema exactly. */
function everything(content: string, extraDeclarations = ""): Record<string, unknown> {
  return decodeMessage(service, "Everything", "input", everythingXml(content, extraDeclarations), STRICT)
    .body as Record<string, unknown>;
}

function chat(xml: string, options: DecodeOptions = STRICT): ReturnType<typeof decodeMessage> {
  return decodeMessage(service, "ChatSessionsForUser", "output", xml, options);
}

function decodeError(fn: () => unknown): SoapDecodeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SoapDecodeError) return error;
    throw error;
  }
  throw new Error("expected a SoapDecodeError");
}

describe("decodeMessage", () => {
  it("decodes a SuperOffice response: array, base fields, nil headers", () => {
    expect(chat(chatResponse(2))).toEqual({
      body: {
        Response: [
          { ChatSessionId: 1, Status: "Active", Tags: [], Topic: "Topic 1" },
          { ChatSessionId: 2, Status: "Active", Tags: [], Topic: "Topic 2" },
        ],
      },
      headers: { ExceptionInfo: null, ExtraInfo: null, Succeeded: true, TimeZone: null },
      deviations: [],
    });
  });

  it("keeps a one-element array an array and an absent optional property absent", () => {
    const { body } = chat(chatResponse(1));
    expect(body).toEqual({ Response: [{ ChatSessionId: 1, Status: "Active", Tags: [], Topic: "Topic 1" }] });
    const session = (body as { Response: object[] }).Response[0] as object;
    expect(Object.keys(session)).toEqual(["ChatSessionId", "Status", "Tags", "Topic"]);
    expect("Note" in session).toBe(false);
  });

  it("decodes the same document whatever the prefixes and default namespaces", () => {
    const variants = [
      `<soap:Envelope xmlns:soap="${ENV11}"><soap:Body><r:ChatSessionsForUserResponse xmlns:r="${NS}"><r:Response><r:ChatSession><r:Note>n</r:Note><r:ChatSessionId>3</r:ChatSessionId></r:ChatSession></r:Response></r:ChatSessionsForUserResponse></soap:Body></soap:Envelope>`,
      `<Envelope xmlns="${ENV11}"><Body><ChatSessionsForUserResponse xmlns="${NS}"><Response><ChatSession><Note>n</Note><ChatSessionId>3</ChatSessionId></ChatSession></Response></ChatSessionsForUserResponse></Body></Envelope>`,
      `<a:Envelope xmlns:a="${ENV11}" xmlns:b="${NS}"><a:Body><b:ChatSessionsForUserResponse><Response xmlns="${NS}"><b:ChatSession><Note>n</Note><a:ChatSessionId xmlns:a="${NS}">3</a:ChatSessionId></b:ChatSession></Response></b:ChatSessionsForUserResponse></a:Body></a:Envelope>`,
    ];
    for (const xml of variants) {
      expect(chat(xml)).toEqual({
        body: { Response: [{ Note: "n", ChatSessionId: 3, Tags: [] }] },
        headers: {},
        deviations: [],
      });
    }
  });

  it("does not match elements by prefix", () => {
    // Same prefixes as the schema would suggest, but bound to another namespace.
    const xml = `<s:Envelope xmlns:s="${ENV11}"><s:Body><ChatSessionsForUserResponse xmlns="${NS}"><Response><ChatSession><ChatSessionId xmlns="${OTHER_NS}">1</ChatSessionId></ChatSession></Response></ChatSessionsForUserResponse></s:Body></s:Envelope>`;
    const error = decodeError(() => chat(xml));
    expect(error.message).toBe(
      `Unexpected element <ChatSessionId> (namespace "${OTHER_NS}") at Envelope/Body/ChatSessionsForUserResponse/Response/ChatSession[0]`,
    );
  });

  it("decodes xsi:nil to null, and a nil array item to a null item", () => {
    const xml = `<s:Envelope xmlns:s="${ENV11}" xmlns:x="${XSI}"><s:Body><ChatSessionsForUserResponse xmlns="${NS}"><Response><ChatSession x:nil="true"/><ChatSession><ChatSessionId>1</ChatSessionId><Topic x:nil="1"/></ChatSession></Response></ChatSessionsForUserResponse></s:Body></s:Envelope>`;
    expect(chat(xml).body).toEqual({ Response: [null, { ChatSessionId: 1, Tags: [], Topic: null }] });
    const nilResponse = `<s:Envelope xmlns:s="${ENV11}" xmlns:x="${XSI}"><s:Body><ChatSessionsForUserResponse xmlns="${NS}"><Response x:nil="true"/></ChatSessionsForUserResponse></s:Body></s:Envelope>`;
    expect(chat(nilResponse).body).toEqual({ Response: null });
  });

  it("rejects xsi:nil on a non-nillable element", () => {
    const error = decodeError(() => everything(`<so:Session><so:ChatSessionId i:nil="true"/></so:Session>`));
    expect(error.message).toBe(
      "ChatSessionId is not nillable but has xsi:nil at Envelope/Body/Everything/Session/ChatSessionId",
    );
  });

  it("decodes a derived type named by xsi:type and ignores same-type or unrelated xsi:type", () => {
    expect(
      everything(
        `<so:Session i:type="so:ChatSessionEx"><so:ChatSessionId>1</so:ChatSessionId><so:Priority>9</so:Priority></so:Session>`,
      ),
    ).toEqual({
      Session: { $type: "ChatSessionEx", ChatSessionId: 1, Tags: [], Priority: 9 },
    });
    expect(
      everything(
        `<so:Session i:type="x:ChatSession" xmlns:x="${NS}"><so:ChatSessionId>1</so:ChatSessionId></so:Session>`,
      ),
    ).toEqual({
      Session: { ChatSessionId: 1, Tags: [] },
    });
    expect(
      everything(
        `<so:Session i:type="xsd:int" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><so:ChatSessionId>1</so:ChatSessionId></so:Session>`,
      ),
    ).toEqual({
      Session: { ChatSessionId: 1, Tags: [] },
    });
    // Not derived from ChatSession: ignored, so its field is unknown.
    const error = decodeError(() =>
      everything(`<so:Session i:type="so:SoCredentials"><so:Ticket>t</so:Ticket></so:Session>`),
    );
    expect(error.message).toBe(
      `Unexpected element <so:Ticket> (namespace "${NS}") at Envelope/Body/Everything/Session`,
    );
  });

  it("ignores xsi:type on an array wrapper as SuperOffice writes it", () => {
    const xml = `<s:Envelope xmlns:s="${ENV11}" xmlns:xsi="${XSI}" xmlns:CustomerService="${NS}"><s:Body><ChatSessionsForUserResponse xmlns="${NS}"><Response xsi:type="CustomerService:ArrayOfChatSession"><ChatSession><ChatSessionId>4</ChatSessionId></ChatSession></Response></ChatSessionsForUserResponse></s:Body></s:Envelope>`;
    expect(chat(xml).body).toEqual({ Response: [{ ChatSessionId: 4, Tags: [] }] });
  });

  it("decodes enumerations, lists, repeated elements and dates", () => {
    expect(
      everything(
        `<so:Session><so:ChatSessionId> 12 </so:ChatSessionId><so:Status>Closed</so:Status><so:Flags> Urgent\n Vip </so:Flags><so:Started>0001-01-01T00:00:00</so:Started><so:Tags>a</so:Tags><so:Tags/></so:Session><so:Flags></so:Flags>`,
      ),
    ).toEqual({
      Session: {
        ChatSessionId: 12,
        Status: "Closed",
        Flags: ["Urgent", "Vip"],
        Started: new Date("0001-01-01T00:00:00Z"),
        Tags: ["a", ""],
      },
      Flags: [],
    });
    const error = decodeError(() => everything(`<so:Flags>Urgent Loud</so:Flags>`));
    expect(error.message).toBe(
      'Value is not one of the ChatFlag enumeration values at Envelope/Body/Everything/Flags: "Loud"',
    );
  });

  it("decodes every value kind", () => {
    const kinds = everything(
      `<so:Kinds><so:Str>  a &amp; &lt;b&gt; &#x41;&#66; </so:Str><so:Bool>1</so:Bool><so:Int>-0042</so:Int><so:Long>-9007199254740991</so:Long><so:Dbl>-INF</so:Dbl>` +
        `<so:Dec>12.50</so:Dec><so:When>2024-02-29T23:30:00.1234567+02:00</so:When><so:Day>2024-02-29</so:Day><so:Bytes>AP8Q\n</so:Bytes><so:Hex>ab01</so:Hex>` +
        `<so:Anything>text</so:Anything><so:Name>p:q</so:Name></so:Kinds>`,
    );
    expect(kinds).toEqual({
      Kinds: {
        Str: "  a & <b> AB ",
        Bool: true,
        Int: -42,
        Long: -9007199254740991,
        Dbl: -Infinity,
        Dec: 12.5,
        When: new Date(Date.UTC(2024, 1, 29, 21, 30, 0, 123)),
        Day: "2024-02-29",
        Bytes: new Uint8Array([0, 255, 16]),
        Hex: new Uint8Array([0xab, 0x01]),
        Anything: "text",
        Name: "p:q",
      },
    });
    expect(
      everything(
        `<so:Kinds><so:Str/><so:Dbl>NaN</so:Dbl><so:Anything><x:a xmlns:x="urn:x">1</x:a><so:b/></so:Anything></so:Kinds>`,
      ),
    ).toEqual({
      Kinds: {
        Str: "",
        Dbl: Number.NaN,
        Anything: new RawXml(`<x:a xmlns:x="urn:x">1</x:a><so:b xmlns:so="${NS}"/>`),
      },
    });
    expect(everything(`<so:Kinds><so:Str><![CDATA[<raw> &amp;]]></so:Str></so:Kinds>`)).toEqual({
      Kinds: { Str: "<raw> &amp;" },
    });
  });

  it("decodes simple content with attributes", () => {
    expect(
      everything(`<so:Amount currency="NOK" o:rate="0.5" xmlns:o="${OTHER_NS}"> 10.25 </so:Amount>`),
    ).toEqual({ Amount: { currency: "NOK", rate: 0.5, $value: 10.25 } });
  });

  it("decodes an unqualified child", () => {
    expect(everything(`<so:Address><Street>Main</Street></so:Address>`)).toEqual({
      Address: { Street: "Main" },
    });
    const error = decodeError(() => everything(`<so:Address><so:Street>Main</so:Street></so:Address>`));
    expect(error.message).toBe(
      `Unexpected element <so:Street> (namespace "${NS}") at Envelope/Body/Everything/Address`,
    );
  });

  it("decodes dictionaries into null-prototype records, complex values included", () => {
    const body = everything(
      `<so:Sessions><a:KeyValueOfintChatSession><a:Key>7</a:Key><a:Value><so:ChatSessionId>7</so:ChatSessionId></a:Value></a:KeyValueOfintChatSession></so:Sessions>` +
        `<so:Extra><a:KeyValueOfstringstring><a:Key>__proto__</a:Key><a:Value>x</a:Value></a:KeyValueOfstringstring><a:KeyValueOfstringstring><a:Key>b</a:Key><a:Value i:nil="true"/></a:KeyValueOfstringstring></so:Extra>`,
      ` xmlns:a="${ARRAYS_NS}"`,
    );
    const extra = body["Extra"] as Record<string, unknown>;
    expect(Object.getPrototypeOf(extra)).toBe(null);
    expect(Object.keys(extra)).toEqual(["__proto__", "b"]);
    expect(extra["__proto__"]).toBe("x");
    expect(extra["b"]).toBe(null);
    expect({ ...(body["Sessions"] as object) }).toEqual({ "7": { ChatSessionId: 7, Tags: [] } });
  });

  it("keeps unknown children of an xs:any type as raw XML", () => {
    expect(
      everything(
        `<so:Ext><so:Name>n</so:Name><x:Extra xmlns:x="urn:x" a="1&amp;2">v<x:In/></x:Extra><so:More/></so:Ext>`,
      ),
    ).toEqual({
      Ext: {
        Name: "n",
        $any: [`<x:Extra xmlns:x="urn:x" a="1&amp;2">v<x:In/></x:Extra>`, `<so:More xmlns:so="${NS}"/>`],
      },
    });
  });

  it.each([
    [
      "<so:Session><so:ChatSessionId>abc</so:ChatSessionId></so:Session>",
      'Not an integer (int) at Envelope/Body/Everything/Session/ChatSessionId: "abc"',
    ],
    [
      "<so:Session><so:ChatSessionId></so:ChatSessionId></so:Session>",
      'Not an integer (int) at Envelope/Body/Everything/Session/ChatSessionId: ""',
    ],
    [
      "<so:Kinds><so:Long>9007199254740993</so:Long></so:Kinds>",
      'Integer beyond ±(2^53-1) (long) at Envelope/Body/Everything/Kinds/Long: "9007199254740993"',
    ],
    [
      "<so:Kinds><so:Bool>yes</so:Bool></so:Kinds>",
      'Not a boolean at Envelope/Body/Everything/Kinds/Bool: "yes"',
    ],
    [
      "<so:Kinds><so:When>2024-02-30T00:00:00</so:When></so:Kinds>",
      'Not a dateTime at Envelope/Body/Everything/Kinds/When: "2024-02-30T00:00:00"',
    ],
    [
      "<so:Kinds><so:Dec>1e5</so:Dec></so:Kinds>",
      'Not a decimal at Envelope/Body/Everything/Kinds/Dec: "1e5"',
    ],
    [
      "<so:Kinds><so:Bytes>A=B=</so:Bytes></so:Kinds>",
      'Not base64 at Envelope/Body/Everything/Kinds/Bytes: "A=B="',
    ],
    [
      "<so:Session><so:Status>Open</so:Status><so:ChatSessionId>1</so:ChatSessionId></so:Session>",
      'Value is not one of the ChatSessionStatus enumeration values at Envelope/Body/Everything/Session/Status: "Open"',
    ],
    [
      "<so:Session><so:Topic>t</so:Topic></so:Session>",
      "Missing required element <ChatSessionId> at Envelope/Body/Everything/Session",
    ],
    [
      "<so:Session><so:ChatSessionId>1</so:ChatSessionId><so:ChatSessionId>2</so:ChatSessionId></so:Session>",
      "Element <so:ChatSessionId> occurs more than once at Envelope/Body/Everything/Session",
    ],
    [
      "<so:Session><so:ChatSessionId>1</so:ChatSessionId><so:Unknown/></so:Session>",
      `Unexpected element <so:Unknown> (namespace "${NS}") at Envelope/Body/Everything/Session`,
    ],
    [
      "<so:Session>text<so:ChatSessionId>1</so:ChatSessionId></so:Session>",
      'Unexpected text in element-only content at Envelope/Body/Everything/Session: "text"',
    ],
    [
      "<so:Kinds><so:Int><so:x/></so:Int></so:Kinds>",
      "Unexpected element <so:x> in a simple value at Envelope/Body/Everything/Kinds/Int",
    ],
    ["<so:Amount>1</so:Amount>", "Missing required attribute currency at Envelope/Body/Everything/Amount"],
    [
      "<so:Kinds><so:Str>&nbsp;</so:Str></so:Kinds>",
      'Undefined or malformed entity reference at Envelope/Body/Everything/Kinds/Str: "&nbsp;"',
    ],
  ])("rejects %s", (content, message) => {
    expect(decodeError(() => everything(content)).message).toBe(message);
  });

  it("reports the path of an item inside an array", () => {
    const xml = chatResponse(3).replace(
      "<ChatSessionId>2</ChatSessionId>",
      "<ChatSessionId>abc</ChatSessionId>",
    );
    const error = decodeError(() => chat(xml));
    expect(error.path).toBe(
      "Envelope/Body/ChatSessionsForUserResponse/Response/ChatSession[1]/ChatSessionId",
    );
    expect(error.excerpt).toBe("abc");
  });

  it("reports a wrong root, a missing Body and a wrong body element", () => {
    expect(decodeError(() => chat(`<html><body>Error</body></html>`)).message).toBe(
      'Expected a SOAP Envelope, found <html> in namespace "" at html',
    );
    expect(decodeError(() => chat(`<Envelope xmlns="urn:not-soap"><Body/></Envelope>`)).message).toBe(
      'Expected a SOAP Envelope, found <Envelope> in namespace "urn:not-soap" at Envelope',
    );
    expect(decodeError(() => chat(`<s:Envelope xmlns:s="${ENV11}"><s:Header/></s:Envelope>`)).message).toBe(
      "Missing SOAP Body at Envelope",
    );
    expect(
      decodeError(() =>
        chat(`<s:Envelope xmlns:s="${ENV11}"><s:Body><Other xmlns="${NS}"/></s:Body></s:Envelope>`),
      ).message,
    ).toBe(
      `Expected <ChatSessionsForUserResponse> in namespace "${NS}", found <Other> in namespace "${NS}" at Envelope/Body`,
    );
  });

  it("accepts a SOAP 1.2 envelope and skips undeclared header blocks, even when strict, listing them", () => {
    const xml = `<e:Envelope xmlns:e="${ENV12}"><e:Header><w:Action xmlns:w="http://www.w3.org/2005/08/addressing">x</w:Action><Succeeded xmlns="${NS}">false</Succeeded></e:Header><e:Body><ChatSessionsForUserResponse xmlns="${NS}"/></e:Body></e:Envelope>`;
    expect(chat(xml)).toEqual({
      body: {},
      headers: { Succeeded: false },
      deviations: [
        {
          kind: "unknownHeader",
          path: "Envelope/Header/Action",
          detail: "http://www.w3.org/2005/08/addressing",
        },
      ],
    });
  });

  it("throws a Fault found by decodeMessage as SoapFaultError", () => {
    const xml = `<s:Envelope xmlns:s="${ENV11}"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Boom</faultstring></s:Fault></s:Body></s:Envelope>`;
    expect(() => chat(xml)).toThrow(SoapFaultError);
  });
});
