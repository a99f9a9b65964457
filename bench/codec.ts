/**
 * The decoders and encoders under comparison, each fed the same SOAP 1.1 bytes: soapgen's generated
 * runtime, node-soap's WSDL object (what its Client does around an HTTP exchange), and fast-xml-parser
 * alone as the floor any XML-based decoder sits on.
 */
import { XMLParser, type X2jOptions } from "fast-xml-parser";
import soap from "soap";
import { customerServiceTables, decodeMessage, encodeMessage } from "../generated/customer-service/index.js";
import { SOAP11_ENVELOPE } from "./docs.js";

/** Candidates for the leanest raw parse; the fastest on each message is reported as the floor. */
export const RAW_PARSER_CONFIGS: readonly { name: string; options: X2jOptions }[] = [
  { name: "new XMLParser() (defaults)", options: {} },
  { name: "{ ignoreAttributes: false }", options: { ignoreAttributes: false } },
  { name: "{ preserveOrder: true }", options: { preserveOrder: true } },
  {
    name: "{ parseTagValue: false, processEntities: false, jPath: false }",
    options: { parseTagValue: false, processEntities: false, jPath: false },
  },
];

/** Reads a document into whatever the decoder returns. */
export type Decode = (xml: string) => unknown;

export function rawParser(options: X2jOptions): Decode {
  const parser = new XMLParser(options);
  return (xml) => parser.parse(xml);
}

/** soapgen's decoding of one operation's response, as the generated client does it. */
export const soapgenDecoder =
  (operation: string): Decode =>
  (xml) =>
    decodeMessage(customerServiceTables, operation, "output", xml);

export interface NodeSoap {
  /** What node-soap's Client calls on every response body. */
  decode: Decode;
  /** The request envelope the way node-soap's Client builds it, headers included. */
  encode: (operation: string, request: NodeSoapRequest) => string;
}

/** node-soap's own object shapes for a request: what `xmlToObject` reads from it, as a caller would pass it. */
export interface NodeSoapRequest {
  headers: Record<string, unknown>;
  args: unknown;
}

interface NodeSoapEnvelope {
  Header?: Record<string, unknown>;
  Body: Record<string, unknown>;
}

export async function nodeSoap(wsdlPath: string): Promise<NodeSoap> {
  const client = await soap.createClientAsync(wsdlPath);
  const wsdl = client.wsdl;
  const targetNamespace = wsdl.definitions.$targetNamespace as string;
  const binding = Object.values(wsdl.definitions.bindings)[0];
  if (binding === undefined) throw new Error("node-soap found no binding");
  return {
    decode: (xml) => wsdl.xmlToObject(xml) as unknown,
    encode: (operation, { headers, args }) => {
      const input = binding.methods[operation]?.input;
      if (input === undefined) throw new Error(`node-soap has no input for ${operation}`);
      // Client#addSoapHeader(headers, "", "tns", ns) serialises this way; done per call, as soapgen does.
      const headerXml = wsdl.objectToXML(headers, "", "tns", targetNamespace, true) as string;
      // Client#_invoke, document style.
      const message = wsdl.objectToDocumentXML(
        input.$name ?? operation,
        args,
        input.targetNSAlias ?? "",
        input.targetNamespace,
        input.$type || input.$lookupType,
      ) as string;
      return (
        `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP11_ENVELOPE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ${wsdl.xmlnsInEnvelope}>` +
        `<soap:Header>${headerXml}</soap:Header><soap:Body>${message}</soap:Body></soap:Envelope>`
      );
    },
  };
}

/** The request node-soap's user would pass for the documented request `xml` (of `operation`). */
export function nodeSoapRequest(decode: Decode, operation: string, xml: string): NodeSoapRequest {
  const envelope = asNodeSoapArgument(decode(xml)) as NodeSoapEnvelope;
  return { headers: envelope.Header ?? {}, args: envelope.Body[operation] };
}

/**
 * node-soap reads `<x xsi:type="…">v</x>` as `{ attributes, $value }` where a caller passes plain `v`, and
 * reads a dateTime as a Date, which its serializer writes as an empty element: callers pass the ISO string.
 */
function asNodeSoapArgument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asNodeSoapArgument);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if ("$value" in record) return asNodeSoapArgument(record.$value);
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== "attributes")
      .map(([key, v]) => [key, asNodeSoapArgument(v)]),
  );
}

/** soapgen's typed request for the documented request `xml`: the body and headers a caller passes. */
export function soapgenRequest(
  operation: string,
  xml: string,
): { body: unknown; headers: Record<string, unknown> } {
  const { body, headers } = decodeMessage(customerServiceTables, operation, "input", xml);
  return { body, headers };
}

export const soapgenEncoder =
  (operation: string, request: { body: unknown; headers: Record<string, unknown> }) => (): string =>
    encodeMessage(customerServiceTables, operation, "input", request.body, request.headers);

/**
 * Elements named `local` (any prefix) in a fast-xml-parser result, whichever shape the options gave it:
 * with `preserveOrder` every element is its own `{ name: children }` node; without it, repeated
 * siblings share one key whose value is an array.
 */
export function countRawElements(tree: unknown, local: string, preserveOrder: boolean): number {
  if (Array.isArray(tree))
    return tree.reduce((n: number, item) => n + countRawElements(item, local, preserveOrder), 0);
  if (tree === null || typeof tree !== "object") return 0;
  let count = 0;
  for (const [key, value] of Object.entries(tree)) {
    if (key === local || key.endsWith(`:${local}`))
      count += preserveOrder || !Array.isArray(value) ? 1 : value.length;
    count += countRawElements(value, local, preserveOrder);
  }
  return count;
}
