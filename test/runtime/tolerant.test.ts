/**
 * Tolerant decoding: what a newer version of a service adds does not break a call, is listed as a
 * deviation, and is an error again when decoding is strict. Values that are wrong, not merely unknown,
 * and required elements that are missing stay errors either way.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DecodeOptions } from "../../templates/runtime/decode.js";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapDecodeError } from "../../templates/runtime/errors.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";
import { ARRAYS_NS, ENV11, NS, service } from "./fixture.js";

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const NEW_NS = "urn:example:newer-version";

function everything(content: string, options: DecodeOptions = {}): ReturnType<typeof decodeMessage> {
  const xml = `<s:Envelope xmlns:s="${ENV11}" xmlns:i="${XSI}" xmlns:so="${NS}" xmlns:a="${ARRAYS_NS}" xmlns:n="${NEW_NS}"><s:Body><so:Everything>${content}</so:Everything></s:Body></s:Envelope>`;
  return decodeMessage(service, "Everything", "input", xml, options);
}

function strictError(content: string): string {
  try {
    everything(content, { strict: true });
  } catch (error) {
    if (error instanceof SoapDecodeError) return error.message;
    throw error;
  }
  throw new Error("expected a SoapDecodeError when strict");
}

const BODY = "Envelope/Body/Everything";

describe("tolerant decoding (the default)", () => {
  it("skips elements the schema does not declare, wherever they are, and lists them", () => {
    const decoded = everything(
      `<so:Session><so:Note>n</so:Note><n:Mood>calm</n:Mood><so:ChatSessionId>1</so:ChatSessionId><so:Added><x/></so:Added></so:Session>` +
        `<so:Extra><a:KeyValueOfstringstring><a:Key>k</a:Key><n:Since>2020</n:Since><a:Value>v</a:Value></a:KeyValueOfstringstring><n:Summary/></so:Extra>`,
    );
    expect(decoded.body).toEqual({
      Session: { Note: "n", ChatSessionId: 1, Tags: [] },
      Extra: Object.assign(Object.create(null), { k: "v" }),
    });
    expect(decoded.deviations).toEqual([
      { kind: "unknownElement", path: `${BODY}/Session/Mood`, detail: NEW_NS },
      { kind: "unknownElement", path: `${BODY}/Session/Added`, detail: NS },
      { kind: "unknownElement", path: `${BODY}/Extra/KeyValueOfstringstring[0]/Since`, detail: NEW_NS },
      { kind: "unknownElement", path: `${BODY}/Extra/Summary`, detail: NEW_NS },
    ]);
    expect(strictError(`<so:Session><so:ChatSessionId>1</so:ChatSessionId><n:Mood/></so:Session>`)).toBe(
      `Unexpected element <n:Mood> (namespace "${NEW_NS}") at ${BODY}/Session`,
    );
  });

  it("skips an unknown item of an ArrayOf wrapper and an element after the response wrapper", () => {
    const xml = `<s:Envelope xmlns:s="${ENV11}"><s:Body><ChatSessionsForUserResponse xmlns="${NS}"><Response><ChatSession><ChatSessionId>1</ChatSessionId></ChatSession><ChatTopic/></Response></ChatSessionsForUserResponse><Trailer xmlns="${NEW_NS}"/></s:Body></s:Envelope>`;
    const decoded = decodeMessage(service, "ChatSessionsForUser", "output", xml);
    expect(decoded.body).toEqual({ Response: [{ ChatSessionId: 1, Tags: [] }] });
    expect(decoded.deviations).toEqual([
      {
        kind: "unknownElement",
        path: "Envelope/Body/ChatSessionsForUserResponse/Response/ChatTopic",
        detail: NS,
      },
      { kind: "unknownElement", path: "Envelope/Body/Trailer", detail: NEW_NS },
    ]);
    expect(() => decodeMessage(service, "ChatSessionsForUser", "output", xml, { strict: true })).toThrow(
      `Unexpected element <ChatTopic> (namespace "${NS}"), expected <ChatSession> at Envelope/Body/ChatSessionsForUserResponse/Response`,
    );
  });

  it("keeps an enumeration value or flag it does not know as its text", () => {
    const decoded = everything(
      `<so:Session><so:ChatSessionId>1</so:ChatSessionId><so:Status>Archived</so:Status></so:Session><so:Flags>Urgent Starred Vip</so:Flags>`,
    );
    expect(decoded.body).toEqual({
      Session: { ChatSessionId: 1, Status: "Archived", Tags: [] },
      Flags: ["Urgent", "Starred", "Vip"],
    });
    expect(decoded.deviations).toEqual([
      { kind: "unknownValue", path: `${BODY}/Session/Status`, detail: "Archived" },
      { kind: "unknownValue", path: `${BODY}/Flags`, detail: "Starred" },
    ]);
    expect(strictError(`<so:Flags>Urgent Starred</so:Flags>`)).toBe(
      `Value is not one of the ChatFlag enumeration values at ${BODY}/Flags: "Starred"`,
    );
  });

  it("reads xsi:nil on an optional element that is not nillable, and empty text for an optional number, as absent", () => {
    const decoded = everything(
      `<so:Kinds><so:Int i:nil="true"/><so:Bool></so:Bool><so:When> </so:When><so:Str/></so:Kinds>` +
        `<so:Session><so:ChatSessionId>1</so:ChatSessionId><so:Status/><so:Tags i:nil="true"/><so:Tags>t</so:Tags></so:Session>`,
    );
    expect(decoded.body).toEqual({
      Kinds: { Str: "" },
      Session: { ChatSessionId: 1, Tags: ["t"] },
    });
    expect(decoded.deviations).toEqual([
      { kind: "nilNotNillable", path: `${BODY}/Kinds/Int`, detail: "" },
      { kind: "emptyValue", path: `${BODY}/Kinds/Bool`, detail: "" },
      { kind: "emptyValue", path: `${BODY}/Kinds/When`, detail: "" },
      { kind: "emptyValue", path: `${BODY}/Session/Status`, detail: "" },
      { kind: "nilNotNillable", path: `${BODY}/Session/Tags[0]`, detail: "" },
    ]);
    expect(strictError(`<so:Kinds><so:Int i:nil="true"/></so:Kinds>`)).toBe(
      `Int is not nillable but has xsi:nil at ${BODY}/Kinds/Int`,
    );
    expect(strictError(`<so:Kinds><so:Bool/></so:Kinds>`)).toBe(`Not a boolean at ${BODY}/Kinds/Bool: ""`);
  });

  it.each([
    ["a required element that is nil", `<so:Session><so:ChatSessionId i:nil="true"/></so:Session>`],
    ["a required element that is empty", `<so:Session><so:ChatSessionId/></so:Session>`],
    ["a required element that is missing", `<so:Session><so:Note>n</so:Note></so:Session>`],
    ["a value of the wrong type", `<so:Session><so:ChatSessionId>one</so:ChatSessionId></so:Session>`],
    ["an element where text belongs", `<so:Kinds><so:Int><so:x/></so:Int></so:Kinds>`],
    [
      "a single element twice",
      `<so:Session><so:ChatSessionId>1</so:ChatSessionId><so:ChatSessionId>2</so:ChatSessionId></so:Session>`,
    ],
  ])("still rejects %s", (_what, content) => {
    expect(() => everything(content)).toThrow(SoapDecodeError);
  });

  it("never throws on a valid message with elements a newer schema added anywhere inside it", () => {
    const session = fc.record(
      {
        Note: fc.string(),
        ChatSessionId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        Status: fc.constantFrom("Active", "Closed"),
        Flags: fc.array(fc.constantFrom("None", "Urgent", "Vip")),
        Tags: fc.array(fc.string()),
      },
      { requiredKeys: ["ChatSessionId"] },
    );
    const message = fc.record(
      {
        Session: session,
        Sessions: fc.dictionary(fc.integer({ min: 0, max: 99 }).map(String), session, { maxKeys: 3 }),
        Extra: fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        Flags: fc.array(fc.constantFrom("None", "Urgent", "Vip")),
      },
      { requiredKeys: [] },
    );
    const added = fc.constantFrom(
      `<n:Added/>`,
      `<n:Added n:level="2">text</n:Added>`,
      `<Plain xmlns="${NEW_NS}"><Deep><Deeper>1</Deeper></Deep></Plain>`,
      `<NewField xmlns="${NS}">x</NewField>`,
      `<n:Session><n:ChatSessionId>9</n:ChatSessionId></n:Session>`,
    );
    fc.assert(
      fc.property(
        message,
        fc.array(fc.tuple(fc.nat(), added), { minLength: 1, maxLength: 6 }),
        (value, inserts) => {
          const xml = encodeMessage(service, "Everything", "input", value, undefined).replace(
            "<soap:Envelope ",
            `<soap:Envelope xmlns:n="${NEW_NS}" `,
          );
          const plain = decodeMessage(service, "Everything", "input", xml);
          const slots = elementContentSlots(xml, 3);
          if (slots.length === 0) return;
          // Insert from the end so that earlier slot offsets stay valid.
          const chosen = [...new Set(inserts.map(([n]) => slots[n % slots.length] as number))].sort(
            (a, b) => b - a,
          );
          let mutated = xml;
          for (const [i, offset] of chosen.entries()) {
            const element = inserts[i % inserts.length]![1];
            mutated = mutated.slice(0, offset) + element + mutated.slice(offset);
          }
          const decoded = decodeMessage(service, "Everything", "input", mutated);
          expect(decoded.body).toEqual(plain.body);
          expect(decoded.deviations).toHaveLength(chosen.length);
          expect(decoded.deviations.every((d) => d.kind === "unknownElement")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * Offsets between two tags (`>` then `<`, no text between) at least `depth` elements deep: there the
 * parent holds element content, so an added element is one a newer schema could have declared.
 */
function elementContentSlots(xml: string, depth: number): number[] {
  const slots: number[] = [];
  let open = 0;
  for (const tag of xml.matchAll(/<(\/?)[^>]*?(\/?)>/g)) {
    const end = (tag.index ?? 0) + tag[0].length;
    if (tag[0].startsWith("<?")) continue;
    if (tag[1] === "/") open--;
    else if (tag[2] !== "/") open++;
    if (open >= depth && xml[end] === "<") slots.push(end);
  }
  return slots;
}

/** Dictionaries keyed by each value kind that has a canonical text other than itself. */
const keyed: ServiceMeta = {
  soapVersion: "1.1",
  types: Object.fromEntries(
    (["dateTime", "boolean", "double", "long", "date"] as const).map((kind) => [
      `By_${kind}`,
      {
        kind: "dictionary",
        xmlName: `By_${kind}`,
        xmlNs: NS,
        entry: { name: "Entry", ns: NS },
        key: { name: "Key", ns: NS, type: kind },
        value: { name: "Value", ns: NS, type: "string" },
      },
    ]),
  ),
  operations: {
    Keys: {
      soapAction: "urn:Keys",
      input: {
        body: (["dateTime", "boolean", "double", "long", "date"] as const).map((kind) => ({
          name: kind,
          ns: "",
          type: `By_${kind}`,
          optional: true,
        })),
        unwrapped: false,
        headers: [],
      },
      faults: [],
    },
  },
};

describe("dictionary keys", () => {
  const decodeKeys = (content: string): Record<string, Record<string, unknown>> =>
    decodeMessage(
      keyed,
      "Keys",
      "input",
      `<s:Envelope xmlns:s="${ENV11}" xmlns:k="${NS}"><s:Body>${content}</s:Body></s:Envelope>`,
    ).body as Record<string, Record<string, unknown>>;

  it("are the canonical text of the key, a dateTime in UTC with its milliseconds, in every time zone", () => {
    const zone = process.env["TZ"];
    try {
      for (const tz of ["Europe/Oslo", "UTC", "America/Los_Angeles"]) {
        process.env["TZ"] = tz;
        const body = decodeKeys(
          `<dateTime><k:Entry><k:Key>2024-03-31T01:30:00.250+01:00</k:Key><k:Value>a</k:Value></k:Entry>` +
            `<k:Entry><k:Key>2024-01-01T00:00:00</k:Key><k:Value>b</k:Value></k:Entry></dateTime>` +
            `<boolean><k:Entry><k:Key>1</k:Key><k:Value>t</k:Value></k:Entry></boolean>` +
            `<double><k:Entry><k:Key>1.50</k:Key><k:Value>x</k:Value></k:Entry><k:Entry><k:Key>-INF</k:Key><k:Value>y</k:Value></k:Entry></double>`,
        );
        expect(Object.keys(body["dateTime"]!)).toEqual([
          "2024-03-31T00:30:00.250Z",
          "2024-01-01T00:00:00.000Z",
        ]);
        expect(Object.keys(body["boolean"]!)).toEqual(["true"]);
        expect(Object.keys(body["double"]!)).toEqual(["1.5", "-Infinity"]);
      }
    } finally {
      if (zone === undefined) delete process.env["TZ"];
      else process.env["TZ"] = zone;
    }
  });

  it("encode back to the same keys: encode → decode round trip of every key type under TZ=Europe/Oslo and UTC", () => {
    const zone = process.env["TZ"];
    const keysOf = {
      dateTime: fc
        .date({
          min: new Date("0001-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
      boolean: fc.boolean().map(String),
      // -0 has the canonical text "0", which a dictionary may already hold.
      double: fc
        .double({ noNaN: true })
        .filter((d) => !Object.is(d, -0))
        .map(String),
      long: fc.maxSafeInteger().map(String),
      date: fc.constantFrom("2024-02-29", "0001-01-01", "2024-12-31Z"),
    };
    const value = fc.record(
      Object.fromEntries(
        Object.entries(keysOf).map(([kind, key]) => [kind, fc.dictionary(key, fc.string(), { maxKeys: 4 })]),
      ),
    );
    try {
      for (const tz of ["Europe/Oslo", "UTC"]) {
        process.env["TZ"] = tz;
        fc.assert(
          fc.property(value, (request) => {
            const xml = encodeMessage(keyed, "Keys", "input", request, undefined);
            const decoded = decodeMessage(keyed, "Keys", "input", xml).body as Record<string, object>;
            for (const [kind, dictionary] of Object.entries(request)) {
              expect(Object.keys(decoded[kind] ?? {})).toEqual(Object.keys(dictionary));
            }
          }),
          { numRuns: 150 },
        );
      }
    } finally {
      if (zone === undefined) delete process.env["TZ"];
      else process.env["TZ"] = zone;
    }
  });

  it('an empty key where its type has no empty value is the key "" with an emptyValue deviation; strict refuses it', () => {
    const content =
      `<dateTime><k:Entry><k:Key></k:Key><k:Value>empty</k:Value></k:Entry>` +
      `<k:Entry><k:Key>2024-01-01T00:00:00Z</k:Key><k:Value>b</k:Value></k:Entry></dateTime>` +
      `<long><k:Entry><k:Key> </k:Key><k:Value>blank</k:Value></k:Entry></long>`;
    const envelope = `<s:Envelope xmlns:s="${ENV11}" xmlns:k="${NS}"><s:Body>${content}</s:Body></s:Envelope>`;
    const decoded = decodeMessage(keyed, "Keys", "input", envelope);
    expect(decoded.body).toEqual({
      dateTime: Object.assign(Object.create(null), { "": "empty", "2024-01-01T00:00:00.000Z": "b" }),
      long: Object.assign(Object.create(null), { "": "blank" }),
    });
    expect(decoded.deviations).toEqual([
      { kind: "emptyValue", path: "Envelope/Body/dateTime/Entry[0]/Key", detail: "" },
      { kind: "emptyValue", path: "Envelope/Body/long/Entry[0]/Key", detail: "" },
    ]);
    let strictError: unknown;
    try {
      decodeMessage(keyed, "Keys", "input", envelope, { strict: true });
    } catch (error) {
      strictError = error;
    }
    expect(strictError).toBeInstanceOf(SoapDecodeError);
    expect((strictError as Error).message).toBe('Not a dateTime at Envelope/Body/dateTime/Entry[0]/Key: ""');
    // The encoder writes only valid keys: "" is no dateTime.
    expect(() => encodeMessage(keyed, "Keys", "input", decoded.body, undefined)).toThrow(/dateTime/);
  });
});
