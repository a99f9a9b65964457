/**
 * The bench's inputs, read from the SuperOffice documentation at run time (nothing of it is copied here):
 * the CustomerService WSDL, the documented request/response envelopes converted to SOAP 1.1, and a large
 * synthetic response made by replicating the items of a documented array.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const DOCS_DIR = path.resolve("../shared/superoffice-docs/Services88");
export const WSDL_PATH = path.join(DOCS_DIR, "Services88-CustomerService.wsdl");
export const CONTACT_WSDL_PATH = path.join(DOCS_DIR, "Services88-Contact.wsdl");
const PAGES_DIR = path.join(DOCS_DIR, "CustomerService");

const SOAP12_ENVELOPE = "http://www.w3.org/2003/05/soap-envelope";
const SOAP12_ENCODING = "http://www.w3.org/2003/05/soap-encoding";
export const SOAP11_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP11_ENCODING = "http://schemas.xmlsoap.org/soap/encoding/";

export interface DocumentedPage {
  /** The operation the page documents, e.g. "ChatSessionsForUser". */
  operation: string;
  /** The documented envelopes as published (SOAP 1.2 namespace, headers directly under Envelope). */
  request: string;
  response: string;
}

/** Every page with a request and a response example, by operation name. */
export function readDocumentedPages(): DocumentedPage[] {
  return readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .flatMap((name) => {
      const blocks = [
        ...readFileSync(path.join(PAGES_DIR, name), "utf8").matchAll(/```xml\n([\s\S]*?)```/g),
      ].map((m) => m[1] ?? "");
      const [request, response] = blocks;
      return request !== undefined && response !== undefined
        ? [{ operation: name.slice(0, -3), request, response }]
        : [];
    });
}

export function documentedPage(pages: DocumentedPage[], operation: string): DocumentedPage {
  const page = pages.find((p) => p.operation === operation);
  if (page === undefined) throw new Error(`no documented page for ${operation}`);
  return page;
}

/**
 * The documented envelope as a SOAP 1.1 service sends it: the 1.1 envelope and encoding namespaces, and
 * the header blocks (which the pages put directly under Envelope) inside a Header element. The Body is
 * left byte for byte as documented.
 */
export function toSoap11(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?Envelope\b[^>]*>/.exec(xml);
  if (root === null) throw new Error("no SOAP Envelope start tag");
  const prefix = root[1] ?? "";
  const bodyStart = xml.indexOf(`<${prefix}Body`, root.index + root[0].length);
  if (bodyStart < 0) throw new Error("no SOAP Body");
  const startTag = root[0]
    .replaceAll(`"${SOAP12_ENVELOPE}"`, `"${SOAP11_ENVELOPE}"`)
    .replaceAll(`"${SOAP12_ENCODING}"`, `"${SOAP11_ENCODING}"`);
  const between = xml.slice(root.index + root[0].length, bodyStart);
  const headers =
    between.trim() === "" || between.trimStart().startsWith(`<${prefix}Header`)
      ? between
      : `\n <${prefix}Header>${between}</${prefix}Header>\n `;
  return xml.slice(0, root.index) + startTag + headers + xml.slice(bodyStart);
}

/** `envelope` with its first `<itemElement>` (an array item) repeated until the document is about `targetBytes` long. */
export function replicateArrayItems(
  envelope: string,
  itemElement: string,
  targetBytes: number,
): { xml: string; items: number } {
  const item = new RegExp(`([ \\t]*<(\\w+:)?${itemElement}\\b[\\s\\S]*?</\\2${itemElement}>\\s*)`).exec(
    envelope,
  );
  if (item === null) throw new Error(`no <${itemElement}> item in the envelope`);
  const itemText = item[1] ?? "";
  const before = envelope.slice(0, item.index);
  const after = envelope.slice(item.index + itemText.length);
  const items = Math.max(1, Math.round((targetBytes - before.length - after.length) / itemText.length));
  return { xml: before + itemText.repeat(items) + after, items };
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");
