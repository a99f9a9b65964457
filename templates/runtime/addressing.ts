/**
 * WS-Addressing 1.0 (SOAP Binding, W3C 2006) for operations whose binding declares it: the request's
 * `wsa:` header blocks, and what the stub checks of them and answers.
 */
import { RawXml } from "./values.js";
import { escapeText } from "./xml.js";
import type { XmlElement } from "./xml.js";

export const WSA_NS = "http://www.w3.org/2005/08/addressing";
/** The address of "reply on this connection": the only `ReplyTo` a request-response over HTTP can have. */
export const WSA_ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";

const element = (local: string, content: string): RawXml =>
  new RawXml(`<wsa:${local} xmlns:wsa="${WSA_NS}">${content}</wsa:${local}>`);

/** `wsa:Action`, `wsa:MessageID` (a fresh UUID URN), `wsa:ReplyTo` anonymous and `wsa:To`, in that order. */
export function requestAddressing(action: string, to: string): RawXml[] {
  return [
    element("Action", escapeText(action)),
    element("MessageID", `urn:uuid:${globalThis.crypto.randomUUID()}`),
    element("ReplyTo", `<wsa:Address>${WSA_ANONYMOUS}</wsa:Address>`),
    element("To", escapeText(to)),
  ];
}

/** A response's `wsa:Action` and the `wsa:RelatesTo` naming the request's message. */
export function responseAddressing(action: string, relatesTo: string | undefined): RawXml[] {
  return [
    element("Action", escapeText(action)),
    ...(relatesTo === undefined ? [] : [element("RelatesTo", escapeText(relatesTo))]),
  ];
}

/**
 * What is wrong with a request's addressing headers for an operation expecting `action` at `url`, or
 * undefined: `wsa:Action` must be the input's action, `wsa:To` the URL posted to, a `wsa:MessageID` is
 * needed for a reply to relate to, and a `wsa:ReplyTo` must be anonymous.
 */
export function addressingProblem(
  header: XmlElement | undefined,
  action: string,
  url: string,
  replyExpected: boolean,
): string | undefined {
  const block = (local: string): XmlElement | undefined =>
    header?.children.find((child) => child.ns === WSA_NS && child.local === local);
  const text = (local: string): string | undefined => block(local)?.text.trim();
  const sent = text("Action");
  if (sent === undefined) return "the WS-Addressing header wsa:Action is missing";
  if (sent !== action) return `wsa:Action "${sent}" is not "${action}"`;
  const to = text("To");
  if (to === undefined) return "the WS-Addressing header wsa:To is missing";
  if (to !== url) return `wsa:To "${to}" is not "${url}"`;
  if (replyExpected && !text("MessageID")) return "the WS-Addressing header wsa:MessageID is missing";
  const replyTo = block("ReplyTo");
  const address = replyTo?.children.find((child) => child.ns === WSA_NS && child.local === "Address");
  if (replyTo !== undefined && address?.text.trim() !== WSA_ANONYMOUS)
    return `wsa:ReplyTo must be anonymous (${WSA_ANONYMOUS}) to be answered on this connection`;
  return undefined;
}

/** The request's `wsa:MessageID`, for the reply's `wsa:RelatesTo`. */
export function messageId(header: XmlElement | undefined): string | undefined {
  return header?.children.find((child) => child.ns === WSA_NS && child.local === "MessageID")?.text.trim();
}
