import type { FieldMeta, ServiceMeta } from "../../templates/runtime/metadata.js";

/** A hand-written slice of what the generator emits for SuperOffice's Chat service, plus one of each construct. */
export const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
export const ARRAYS_NS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
export const OTHER_NS = "urn:example:other";
export const SOAP_ACTION = "http://www.superoffice.net/ws/crm/NetServer/Services88/Chat/ChatSessionsForUser";

function field(
  prop: string,
  type: string,
  flags: Partial<Pick<FieldMeta, "optional" | "repeated" | "nillable" | "ns" | "name">> = {},
): FieldMeta {
  return {
    prop,
    name: flags.name ?? prop,
    ns: flags.ns ?? NS,
    type,
    optional: flags.optional ?? false,
    repeated: flags.repeated ?? false,
    nillable: flags.nillable ?? false,
  };
}
const opt = { optional: true } as const;
const optNil = { optional: true, nillable: true } as const;

export const service: ServiceMeta = {
  soapVersion: "1.1",
  failureHeaders: { succeeded: "Succeeded", exceptionInfo: "ExceptionInfo" },
  types: {
    Carrier: {
      kind: "complex",
      xmlName: "Carrier",
      xmlNs: NS,
      fields: [field("Note", "string", opt)],
      attributes: [],
    },
    ChatSession: {
      kind: "complex",
      xmlName: "ChatSession",
      xmlNs: NS,
      base: "Carrier",
      fields: [
        field("ChatSessionId", "int"),
        field("Status", "ChatSessionStatus", opt),
        field("Flags", "ChatFlags", opt),
        field("Started", "dateTime", opt),
        field("Tags", "string", { optional: true, repeated: true }),
        field("Topic", "string", optNil),
      ],
      attributes: [],
    },
    ChatSessionEx: {
      kind: "complex",
      xmlName: "ChatSessionEx",
      xmlNs: NS,
      base: "ChatSession",
      fields: [field("Priority", "int")],
      attributes: [],
    },
    ArrayOfChatSession: {
      kind: "array",
      xmlName: "ArrayOfChatSession",
      xmlNs: NS,
      item: field("ChatSession", "ChatSession", { optional: true, repeated: true, nillable: true }),
    },
    ChatSessionStatus: {
      kind: "simple",
      xmlName: "ChatSessionStatus",
      xmlNs: NS,
      base: "string",
      enumeration: ["Active", "Closed"],
    },
    ChatFlag: {
      kind: "simple",
      xmlName: "ChatFlag",
      xmlNs: NS,
      base: "string",
      enumeration: ["None", "Urgent", "Vip"],
    },
    ChatFlags: { kind: "list", xmlName: "ChatFlags", xmlNs: NS, item: "ChatFlag" },
    SoCredentials: {
      kind: "complex",
      xmlName: "SoCredentials",
      xmlNs: NS,
      fields: [field("Ticket", "string", optNil)],
      attributes: [],
    },
    SoExceptionInfo: {
      kind: "complex",
      xmlName: "SoExceptionInfo",
      xmlNs: NS,
      fields: [
        field("Message", "string", optNil),
        field("StackTrace", "string", optNil),
        field("FriendlyText", "string", optNil),
        field("ExceptionType", "string", optNil),
        field("InnerException", "SoExceptionInfo", optNil),
      ],
      attributes: [],
    },
    StringDictionary: {
      kind: "dictionary",
      xmlName: "ArrayOfKeyValueOfstringstring",
      xmlNs: ARRAYS_NS,
      entry: { name: "KeyValueOfstringstring", ns: ARRAYS_NS },
      key: field("Key", "string", { ns: ARRAYS_NS }),
      value: field("Value", "string", { ns: ARRAYS_NS, nillable: true }),
    },
    SessionDictionary: {
      kind: "dictionary",
      xmlName: "ArrayOfKeyValueOfintChatSession",
      xmlNs: ARRAYS_NS,
      entry: { name: "KeyValueOfintChatSession", ns: ARRAYS_NS },
      key: field("Key", "int", { ns: ARRAYS_NS }),
      value: field("Value", "ChatSession", { ns: ARRAYS_NS }),
    },
    AccessDeniedInfo: {
      kind: "complex",
      xmlName: "AccessDeniedInfo",
      xmlNs: NS,
      fields: [field("ErrorCode", "int"), field("Message", "string", opt)],
      attributes: [],
    },
    Amount: {
      kind: "complex",
      xmlName: "Amount",
      xmlNs: NS,
      fields: [],
      attributes: [
        { prop: "currency", name: "currency", ns: "", type: "string", optional: false },
        { prop: "rate", name: "rate", ns: OTHER_NS, type: "double", optional: true },
      ],
      text: "decimal",
    },
    Address: {
      kind: "complex",
      xmlName: "Address",
      xmlNs: NS,
      fields: [field("Street", "string", { ns: "" }), field("City", "string", opt)],
      attributes: [],
    },
    Extensible: {
      kind: "complex",
      xmlName: "Extensible",
      xmlNs: NS,
      fields: [field("Name", "string")],
      attributes: [],
      any: true,
    },
    Kinds: {
      kind: "complex",
      xmlName: "Kinds",
      xmlNs: NS,
      fields: [
        field("Str", "string", opt),
        field("Bool", "boolean", opt),
        field("Int", "int", opt),
        field("Long", "long", opt),
        field("Dbl", "double", opt),
        field("Dec", "decimal", opt),
        field("When", "dateTime", opt),
        field("Day", "date", opt),
        field("Bytes", "base64", opt),
        field("Hex", "hex", opt),
        field("Anything", "any", opt),
        field("Name", "qname", opt),
      ],
      attributes: [],
    },
    ChatSessionsForUser: {
      kind: "complex",
      xmlName: "ChatSessionsForUser",
      xmlNs: NS,
      fields: [],
      attributes: [],
    },
    ChatSessionsForUserResponse: {
      kind: "complex",
      xmlName: "ChatSessionsForUserResponse",
      xmlNs: NS,
      fields: [field("Response", "ArrayOfChatSession", optNil)],
      attributes: [],
    },
    Everything: {
      kind: "complex",
      xmlName: "Everything",
      xmlNs: NS,
      fields: [
        field("Kinds", "Kinds", opt),
        field("Amount", "Amount", opt),
        field("Address", "Address", opt),
        field("Ext", "Extensible", opt),
        field("Sessions", "SessionDictionary", opt),
        field("Extra", "StringDictionary", opt),
        field("Session", "ChatSession", optNil),
        field("Flags", "ChatFlags", opt),
      ],
      attributes: [],
    },
  },
  operations: {
    ChatSessionsForUser: {
      soapAction: SOAP_ACTION,
      input: {
        body: [field("ChatSessionsForUser", "ChatSessionsForUser")],
        unwrapped: true,
        headers: [
          field("ApplicationToken", "string", { nillable: true }),
          field("Credentials", "SoCredentials", { nillable: true }),
          field("TimeZone", "string", { nillable: true }),
        ],
      },
      output: {
        body: [field("ChatSessionsForUserResponse", "ChatSessionsForUserResponse")],
        unwrapped: true,
        headers: [
          field("ExceptionInfo", "SoExceptionInfo", { nillable: true }),
          field("ExtraInfo", "StringDictionary", { nillable: true }),
          field("Succeeded", "boolean"),
          field("TimeZone", "string", { nillable: true }),
        ],
      },
      faults: [{ name: "AccessDenied", detail: field("AccessDeniedInfo", "AccessDeniedInfo") }],
    },
    Everything: {
      soapAction: "urn:Everything",
      input: { body: [field("Everything", "Everything")], unwrapped: true, headers: [] },
      output: {
        body: [field("Everything", "Everything", { name: "EverythingResponse" })],
        unwrapped: true,
        headers: [],
      },
      faults: [],
    },
    Parts: {
      soapAction: "urn:Parts",
      input: {
        body: [
          field("first", "int", { name: "first", ns: "" }),
          field("second", "Address", { name: "second", ns: "" }),
        ],
        unwrapped: false,
        headers: [],
      },
      faults: [],
    },
  },
};

export const ENV11 = "http://schemas.xmlsoap.org/soap/envelope/";
export const ENV12 = "http://www.w3.org/2003/05/soap-envelope";

/** A ChatSessionsForUser response as SuperOffice writes it, with `count` sessions. */
export function chatResponse(count: number, succeeded = true): string {
  const sessions = Array.from(
    { length: count },
    (_, i) =>
      `<ChatSession><ChatSessionId>${i + 1}</ChatSessionId><Status>Active</Status><Topic>Topic ${i + 1}</Topic></ChatSession>`,
  ).join("");
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<soap:Envelope xmlns:soap="${ENV11}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
    `<soap:Header><ExceptionInfo xmlns="${NS}" xsi:nil="true"/><ExtraInfo xmlns="${NS}" xsi:nil="true"/>` +
    `<Succeeded xmlns="${NS}">${succeeded}</Succeeded><TimeZone xmlns="${NS}" xsi:nil="true"/></soap:Header>` +
    `<soap:Body><ChatSessionsForUserResponse xmlns="${NS}"><Response>${sessions}</Response></ChatSessionsForUserResponse></soap:Body></soap:Envelope>`
  );
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}
