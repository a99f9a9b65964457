import { describe, expect, it } from "vitest";
import { encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapEncodeError } from "../../templates/runtime/errors.js";
import { ENV11, ENV12, NS, OTHER_NS, service } from "./fixture.js";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function everything(value: object, strict = false): string {
  return encodeMessage(service, "Everything", "input", value, undefined, "1.1", { strict });
}

function encodeError(fn: () => unknown): SoapEncodeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SoapEncodeError) return error;
    throw error;
  }
  throw new Error("expected a SoapEncodeError");
}

describe("encodeMessage", () => {
  it("writes a SOAP 1.1 envelope with header blocks, omitting undefined ones", () => {
    const xml = encodeMessage(
      service,
      "ChatSessionsForUser",
      "input",
      {},
      { ApplicationToken: "app&<token>", Credentials: { Ticket: "t1" }, TimeZone: undefined },
    );
    expect(xml).toBe(
      `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ENV11}" xmlns:ns0="${NS}">` +
        `<soap:Header><ns0:ApplicationToken>app&amp;&lt;token&gt;</ns0:ApplicationToken><ns0:Credentials><ns0:Ticket>t1</ns0:Ticket></ns0:Credentials></soap:Header>` +
        `<soap:Body><ns0:ChatSessionsForUser/></soap:Body></soap:Envelope>`,
    );
  });

  it("writes a SOAP 1.2 envelope and omits Header when no block is given", () => {
    const xml = encodeMessage(service, "ChatSessionsForUser", "input", undefined, {}, "1.2");
    expect(xml).toBe(
      `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${ENV12}" xmlns:ns0="${NS}"><soap:Body><ns0:ChatSessionsForUser/></soap:Body></soap:Envelope>`,
    );
  });

  it("writes null as xsi:nil and declares xsi once on the Envelope", () => {
    const xml = encodeMessage(
      service,
      "ChatSessionsForUser",
      "input",
      {},
      { ApplicationToken: null, Credentials: { Ticket: null } },
    );
    expect(xml).toContain(`<soap:Envelope xmlns:soap="${ENV11}" xmlns:ns0="${NS}" xmlns:xsi="${XSI}">`);
    expect(xml).toContain(
      `<soap:Header><ns0:ApplicationToken xsi:nil="true"/><ns0:Credentials><ns0:Ticket xsi:nil="true"/></ns0:Credentials></soap:Header>`,
    );
  });

  it("writes fields in schema order (base first), whatever the property order", () => {
    const xml = everything({
      Session: {
        Topic: "t",
        Tags: ["a", "b"],
        ChatSessionId: 7,
        Note: "n",
        Flags: ["Urgent", "Vip"],
        Status: "Closed",
      },
    });
    expect(xml).toContain(
      `<ns0:Session><ns0:Note>n</ns0:Note><ns0:ChatSessionId>7</ns0:ChatSessionId><ns0:Status>Closed</ns0:Status>` +
        `<ns0:Flags>Urgent Vip</ns0:Flags><ns0:Tags>a</ns0:Tags><ns0:Tags>b</ns0:Tags><ns0:Topic>t</ns0:Topic></ns0:Session>`,
    );
  });

  it("writes unqualified children without prefix and never declares a default namespace", () => {
    const xml = everything({ Address: { Street: "Main St", City: "Oslo" } });
    expect(xml).toContain(`<ns0:Address><Street>Main St</Street><ns0:City>Oslo</ns0:City></ns0:Address>`);
    expect(xml).not.toContain(`xmlns="`);
  });

  it("writes attributes, qualified where the schema says, and simple content", () => {
    const xml = everything({ Amount: { $value: 1e-7, currency: 'N"OK', rate: 1.5 } });
    expect(xml).toContain(`<soap:Envelope xmlns:soap="${ENV11}" xmlns:ns0="${NS}" xmlns:ns1="${OTHER_NS}">`);
    expect(xml).toContain(`<ns0:Amount currency="N&quot;OK" ns1:rate="1.5">0.0000001</ns0:Amount>`);
  });

  it("writes each value kind", () => {
    const xml = everything({
      Kinds: {
        Str: " a\r\n",
        Bool: false,
        Int: -12,
        Long: 9007199254740991,
        Dbl: -Infinity,
        Dec: 1.5e21,
        When: new Date(Date.UTC(2024, 1, 29, 13, 5, 6, 789)),
        Day: "2024-02-29",
        Bytes: new Uint8Array([0, 255, 16]),
        Hex: new Uint8Array([0xab, 0x01]),
        Anything: "x",
        Name: "p:q",
      },
    });
    expect(xml).toContain(
      `<ns0:Kinds><ns0:Str> a&#13;\n</ns0:Str><ns0:Bool>false</ns0:Bool><ns0:Int>-12</ns0:Int><ns0:Long>9007199254740991</ns0:Long>` +
        `<ns0:Dbl>-INF</ns0:Dbl><ns0:Dec>1500000000000000000000</ns0:Dec><ns0:When>2024-02-29T13:05:06.789Z</ns0:When><ns0:Day>2024-02-29</ns0:Day>` +
        `<ns0:Bytes>AP8Q</ns0:Bytes><ns0:Hex>AB01</ns0:Hex><ns0:Anything>x</ns0:Anything><ns0:Name>p:q</ns0:Name></ns0:Kinds>`,
    );
  });

  it("writes dictionaries in key order with their entry elements", () => {
    const xml = everything({ Extra: { b: "2", a: null }, Sessions: { "5": { ChatSessionId: 5 } } });
    const arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    expect(xml).toContain(`xmlns:ns1="${arrays}"`);
    expect(xml).toContain(
      `<ns0:Sessions><ns1:KeyValueOfintChatSession><ns1:Key>5</ns1:Key><ns1:Value><ns0:ChatSessionId>5</ns0:ChatSessionId></ns1:Value></ns1:KeyValueOfintChatSession></ns0:Sessions>` +
        `<ns0:Extra><ns1:KeyValueOfstringstring><ns1:Key>b</ns1:Key><ns1:Value>2</ns1:Value></ns1:KeyValueOfstringstring>` +
        `<ns1:KeyValueOfstringstring><ns1:Key>a</ns1:Key><ns1:Value xsi:nil="true"/></ns1:KeyValueOfstringstring></ns0:Extra>`,
    );
  });

  it("writes raw $any elements after the known fields", () => {
    const xml = everything({ Ext: { Name: "n", $any: ['<x:Extra xmlns:x="urn:x">1</x:Extra>'] } });
    expect(xml).toContain(`<ns0:Ext><ns0:Name>n</ns0:Name><x:Extra xmlns:x="urn:x">1</x:Extra></ns0:Ext>`);
  });

  it("writes non-wrapped parts as unqualified elements", () => {
    const xml = encodeMessage(service, "Parts", "input", { first: 1, second: { Street: "s" } }, undefined);
    expect(xml).toContain(`<soap:Body><first>1</first><second><Street>s</Street></second></soap:Body>`);
  });

  it.each([
    [{ Session: { Topic: "t" } }, "Missing required element ChatSessionId", "body.Session.ChatSessionId"],
    [
      { Session: { ChatSessionId: "1" } },
      'Expected a value of kind int, got "1"',
      "body.Session.ChatSessionId",
    ],
    [
      { Session: { ChatSessionId: 1.5 } },
      "Expected a value of kind int, got 1.5",
      "body.Session.ChatSessionId",
    ],
    [{ Session: { ChatSessionId: 1, Topik: "typo" } }, "Unknown property Topik", "body.Session"],
    [
      { Session: { ChatSessionId: 1, Status: "Open" } },
      '"Open" is not one of the ChatSessionStatus enumeration values',
      "body.Session.Status",
    ],
    [
      { Session: { ChatSessionId: 1, Tags: "a" } },
      "Expected an array for repeated element Tags",
      "body.Session.Tags",
    ],
    [{ Kinds: { Dec: Number.NaN } }, "Expected a value of kind decimal, got NaN", "body.Kinds.Dec"],
    [{ Kinds: { Long: 2 ** 53 } }, "Expected a value of kind long, got 9007199254740992", "body.Kinds.Long"],
    [
      { Kinds: { When: new Date(Number.NaN) } },
      "Expected a value of kind dateTime, got a Date",
      "body.Kinds.When",
    ],
    [{ Kinds: { Str: "bell\u0007" } }, "String contains a character XML cannot carry", "body.Kinds.Str"],
    [{ Amount: { $value: 1 } }, "Missing required attribute currency", "body.Amount.currency"],
    [{ Address: { Street: null } }, "Street is not nillable", "body.Address.Street"],
    [{ Ext: { Name: "n", $any: ["<a><b></a>"] } }, "Not a well-formed XML element", "body.Ext.$any[0]"],
    [{ Nope: 1 }, "Unknown property Nope", "body"],
  ])("rejects %j when strict", (value, message, path) => {
    const error = encodeError(() => everything(value, true));
    expect(error.message).toContain(message);
    expect(error.path).toBe(path);
  });

  it("writes an enumeration value the schema does not list unless strict: a newer server's, sent back", () => {
    expect(everything({ Session: { ChatSessionId: 1, Status: "Open", Flags: ["Vip", "Loud"] } })).toContain(
      `<ns0:Session><ns0:ChatSessionId>1</ns0:ChatSessionId><ns0:Status>Open</ns0:Status><ns0:Flags>Vip Loud</ns0:Flags></ns0:Session>`,
    );
    expect(
      encodeError(() => everything({ Session: { ChatSessionId: 1, Flags: ["Vip", "Loud"] } }, true)).path,
    ).toBe("body.Session.Flags[1]");
    // A list item holding the separator would change the list.
    expect(encodeError(() => everything({ Flags: ["Vip Loud"] })).message).toBe(
      'List item "Vip Loud" is empty or contains white space at body.Flags[0]',
    );
  });

  it("rejects unknown header blocks and operations", () => {
    expect(
      encodeError(() => encodeMessage(service, "ChatSessionsForUser", "input", {}, { Ticket: "x" })).message,
    ).toBe("Unknown property Ticket at headers");
    expect(encodeError(() => encodeMessage(service, "Nope", "input", {}, undefined)).message).toBe(
      "Unknown operation Nope at Nope",
    );
  });
});
