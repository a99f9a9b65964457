/**
 * The SOAP 1.1 and 1.2 envelope: writes a request or response message around its header blocks and body,
 * reads one back, and turns a Fault into an error. Reads the operation's entry in the generated tables.
 */
import { Decoder, childPath, formatPath } from "./decode.js";
import type { DecodeOptions, DecodePath, Deviation } from "./decode.js";
import { Encoder, wellFormedElement } from "./encode.js";
import type { EncodeOptions } from "./encode.js";
import { SoapDecodeError, SoapEncodeError, SoapFaultError } from "./errors.js";
import type { SoapFaultInit } from "./errors.js";
import type { FieldEntry, FieldMeta, MessageMeta, OperationMeta, ServiceMeta } from "./metadata.js";
import { parseXml, resolveQName, serializeContent } from "./xml.js";
import { propOf } from "./typeinfo.js";
import type { XmlElement, XmlLimits } from "./xml.js";
import { RawXml } from "./values.js";

export const SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
export const SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

export type SoapVersion = "1.1" | "1.2";
/** "input" is a request message, "output" a response. */
export type Direction = "input" | "output";

/**
 * wsdl:fault name → the generated error class. `SoapFaultInit<never>` because each class expects its own
 * detail type, and a constructor taking `SoapFaultInit<XDetail>` does not accept `SoapFaultInit<unknown>`.
 */
export type FaultErrorClasses = Readonly<Record<string, new (init: SoapFaultInit<never>) => SoapFaultError>>;

export interface DecodedMessage {
  /** The body object (unwrapped or one property per part); undefined for an operation without output. */
  readonly body: unknown;
  /** One property per header block present in the message. */
  readonly headers: Record<string, unknown>;
  /** What tolerant decoding accepted beyond the schema (always empty when strict, but for headers). */
  readonly deviations: readonly Deviation[];
}

export interface DecodeMessageOptions extends DecodeOptions {
  readonly limits?: XmlLimits | undefined;
}

/** A message as the codec reads it: every field's namespace given, the port's header blocks filled in. */
export interface Message {
  readonly body: readonly FieldMeta[];
  readonly unwrapped: boolean;
  readonly headers: readonly FieldMeta[];
}

/** An operation as the codec reads it, with the name the tables key it by. */
export interface Operation {
  readonly name: string;
  readonly soapAction: string;
  readonly addressing?: OperationMeta["addressing"];
  readonly input: Message;
  readonly output?: Message;
  readonly faults: readonly { readonly name: string; readonly detail: FieldMeta }[];
}

const operationCache = new WeakMap<ServiceMeta, Map<string, Operation>>();

/** The operation `operationName` with the port's defaults applied, computed once per operation. */
export function getOperation(service: ServiceMeta, operationName: string): Operation {
  let operations = operationCache.get(service);
  if (operations === undefined) operationCache.set(service, (operations = new Map()));
  let operation = operations.get(operationName);
  if (operation === undefined) {
    const meta = Object.hasOwn(service.operations, operationName)
      ? service.operations[operationName]
      : undefined;
    if (meta === undefined) throw new SoapEncodeError(`Unknown operation ${operationName}`, operationName);
    operation = resolveOperation(service, operationName, meta);
    operations.set(operationName, operation);
  }
  return operation;
}

function resolveOperation(service: ServiceMeta, name: string, meta: OperationMeta): Operation {
  const field = (entry: FieldEntry): FieldMeta => ({ ...entry, ns: entry.ns ?? service.ns ?? "" });
  const message = (m: MessageMeta, direction: Direction): Message => ({
    body: m.body.map(field),
    unwrapped: m.unwrapped,
    headers: (m.headers ?? service.headers?.[direction] ?? []).map(field),
  });
  const faults = (meta.faults ?? []).map((fault) => ({ name: fault.name, detail: field(fault.detail) }));
  const input = message(meta.input, "input");
  const { soapAction, addressing } = meta;
  const common = { name, soapAction, ...(addressing ? { addressing } : {}), input, faults };
  return meta.output === undefined ? common : { ...common, output: message(meta.output, "output") };
}

function getMessage(operation: Operation, direction: Direction): Message | undefined {
  return direction === "input" ? operation.input : operation.output;
}

/**
 * Writes a complete envelope. `body` is the request (or response) object; `headers` has one property per
 * header block, undefined ones omitted. The envelope prefix is `soap`; schema namespaces are declared on
 * the Envelope as `ns0`, `ns1`, ... in first-use order.
 */
export function encodeMessage(
  service: ServiceMeta,
  operationName: string,
  direction: Direction,
  body: unknown,
  headers: object | undefined,
  soapVersion: SoapVersion = service.soapVersion,
  options: EncodeMessageOptions = {},
): string {
  const message = getMessage(getOperation(service, operationName), direction);
  if (message === undefined)
    throw new SoapEncodeError(`Operation ${operationName} has no ${direction} message`, operationName);
  const encoder = envelopeEncoder(service, soapVersion, options);
  const headerXml =
    (headers === undefined ? "" : encodeHeaders(encoder, message, headers)) +
    extraHeaderXml(options.extraHeaders ?? []);
  // An unwrapped body of null is a nillable element's `xsi:nil`, which the encoder writes (or refuses).
  const bodyXml = message.unwrapped
    ? encoder.field(unwrappedPart(message), body === null ? null : (body ?? {}), "body")
    : encoder.fields(message.body, body ?? {}, "body");
  return envelopeXml(encoder, headerXml, bodyXml);
}

export interface EncodeMessageOptions extends EncodeOptions {
  /** Header blocks the WSDL does not declare, written as they are after the declared ones. */
  readonly extraHeaders?: readonly RawXml[];
}

function extraHeaderXml(blocks: readonly RawXml[]): string {
  let xml = "";
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!(block instanceof RawXml))
      throw new SoapEncodeError("Expected a RawXml header block", `extraHeaders[${i}]`);
    xml += wellFormedElement(block.xml, `extraHeaders[${i}]`);
  }
  return xml;
}

/** The envelope namespace of each SOAP version. */
export const ENVELOPE_NS: Readonly<Record<SoapVersion, string>> = { "1.1": SOAP11_NS, "1.2": SOAP12_NS };

/** An encoder for one envelope: the envelope namespace is `soap`, schema namespaces `ns0`, `ns1`, ... */
export function envelopeEncoder(
  service: ServiceMeta,
  soapVersion: SoapVersion,
  options: EncodeOptions = {},
): Encoder {
  return new Encoder(service, new Map([[ENVELOPE_NS[soapVersion], "soap"]]), options);
}

/** The header blocks given (undefined ones left out), in the message's order. */
export function encodeHeaders(encoder: Encoder, message: Message, headers: object): string {
  const blocks = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined));
  return encoder.fields(message.headers.map(asOptional), blocks, "headers");
}

/** The envelope around written header blocks and body, declaring every namespace the encoder used. */
export function envelopeXml(encoder: Encoder, headerXml: string, bodyXml: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope${encoder.declarations()}>` +
    (headerXml ? `<soap:Header>${headerXml}</soap:Header>` : "") +
    `<soap:Body>${bodyXml}</soap:Body></soap:Envelope>`
  );
}

/** A header block is sent only when given, whatever its minOccurs. */
function asOptional(field: FieldMeta): FieldMeta {
  return field.optional ? field : { ...field, optional: true };
}

function unwrappedPart(message: Message): FieldMeta {
  const part = message.body[0];
  if (part === undefined || message.body.length !== 1)
    throw new Error("soapgen metadata: an unwrapped message has exactly one part");
  return part;
}

/**
 * Reads an envelope for the given operation and direction. A Fault in the body is thrown as
 * `SoapFaultError` (status 0: no HTTP exchange); failure headers are not interpreted here.
 */
export function decodeMessage(
  service: ServiceMeta,
  operationName: string,
  direction: Direction,
  xml: string,
  options: DecodeMessageOptions = {},
): DecodedMessage {
  const operation = getOperation(service, operationName);
  const envelope = readEnvelope(xml, options.limits);
  if (envelope.fault !== undefined) throw faultError(service, operation, envelope, 0);
  const decoder = new Decoder(service, options);
  const message = getMessage(operation, direction);
  const headers = decodeHeaders(decoder, message, envelope);
  const body = decodeBody(decoder, message, direction, envelope);
  return { body, headers, deviations: decoder.deviations };
}

export interface Envelope {
  readonly soapNs: string;
  readonly header: XmlElement | undefined;
  readonly body: XmlElement;
  readonly fault: XmlElement | undefined;
}

const ENVELOPE_PATH = childPath(undefined, "Envelope");
const BODY_PATH = childPath(ENVELOPE_PATH, "Body");
const HEADER_PATH = childPath(ENVELOPE_PATH, "Header");

/** Parses a SOAP 1.1 or 1.2 envelope and finds its Header, Body and Fault. */
export function readEnvelope(xml: string, limits?: XmlLimits): Envelope {
  return envelopeOf(parseXml(xml, limits));
}

/** The Header, Body and Fault of a parsed envelope (the stub checks the root's version first). */
export function envelopeOf(root: XmlElement): Envelope {
  if (root.local !== "Envelope" || (root.ns !== SOAP11_NS && root.ns !== SOAP12_NS)) {
    throw new SoapDecodeError(`Expected a SOAP Envelope, found <${root.name}> in namespace "${root.ns}"`, {
      path: root.local,
    });
  }
  let header: XmlElement | undefined;
  let body: XmlElement | undefined;
  for (const child of root.children) {
    if (child.ns !== root.ns) continue;
    if (child.local === "Header" && header === undefined && body === undefined) header = child;
    else if (child.local === "Body" && body === undefined) body = child;
  }
  if (body === undefined) throw new SoapDecodeError("Missing SOAP Body", { path: "Envelope" });
  const first = body.children[0];
  const fault = first !== undefined && first.local === "Fault" && first.ns === root.ns ? first : undefined;
  return { soapNs: root.ns, header, body, fault };
}

/**
 * The header blocks the message declares, by part name; others are listed as deviations, except those in
 * `expectedNs` (WS-Addressing's, for an operation whose binding declares it).
 */
export function decodeHeaders(
  decoder: Decoder,
  message: Message | undefined,
  envelope: Envelope,
  expectedNs?: string,
): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  if (envelope.header === undefined) return headers;
  for (const block of envelope.header.children) {
    const field = message?.headers.find(
      (candidate) => candidate.name === block.local && candidate.ns === block.ns,
    );
    if (field === undefined) {
      if (block.ns !== expectedNs) decoder.unknownHeader(block, HEADER_PATH);
      continue;
    }
    const value = decoder.field(block, asOptional(field), childPath(HEADER_PATH, block.local));
    if (value !== undefined) headers[propOf(field)] = value;
  }
  return headers;
}

/** The body of a message: the wrapper element's content, or one property per part. */
export function decodeBody(
  decoder: Decoder,
  message: Message | undefined,
  direction: Direction,
  envelope: Envelope,
): unknown {
  if (message === undefined) {
    for (const extra of envelope.body.children)
      decoder.unknownElement(extra, BODY_PATH, `, the operation has no ${direction}`);
    return undefined;
  }
  if (!message.unwrapped) return decoder.fields(envelope.body, message.body, BODY_PATH);

  const part = unwrappedPart(message);
  const [element, ...rest] = envelope.body.children;
  if (element === undefined || element.local !== part.name || element.ns !== part.ns) {
    const found = element === undefined ? "an empty Body" : `<${element.name}> in namespace "${element.ns}"`;
    throw new SoapDecodeError(`Expected <${part.name}> in namespace "${part.ns}", found ${found}`, {
      path: formatPath(BODY_PATH),
    });
  }
  const body = decoder.field(element, part, childPath(BODY_PATH, element.local));
  for (const extra of rest) decoder.unknownElement(extra, BODY_PATH, ` after <${element.name}>`);
  return body;
}

/** Builds the error for a Fault, using the operation's specific class when the detail matches a declared fault. */
export function faultError(
  service: ServiceMeta,
  operation: Operation,
  envelope: Envelope,
  status: number,
  faultErrors: FaultErrorClasses = {},
): SoapFaultError {
  const fault = envelope.fault as XmlElement;
  const faultPath = childPath(BODY_PATH, "Fault");
  const soap12 = envelope.soapNs === SOAP12_NS;
  // SOAP 1.1 fault children are unqualified; SOAP 1.2 ones are in the envelope namespace.
  const child = (parent: XmlElement | undefined, local: string): XmlElement | undefined =>
    parent?.children.find((c) => c.local === local && c.ns === (soap12 ? envelope.soapNs : ""));
  const codeElement = soap12 ? child(child(fault, "Code"), "Value") : child(fault, "faultcode");
  const reasonElement = soap12 ? child(child(fault, "Reason"), "Text") : child(fault, "faultstring");
  const actorElement = child(fault, soap12 ? "Role" : "faultactor");
  const detailElement = child(fault, soap12 ? "Detail" : "detail");

  const codeText = codeElement?.text.trim() ?? "";
  const code = codeElement === undefined ? undefined : resolveQName(codeElement, codeText);
  const base = {
    code: code?.local ?? codeText,
    codeNamespace: code?.ns ?? "",
    reason: reasonElement?.text ?? "",
    ...(actorElement === undefined ? {} : { actor: actorElement.text.trim() }),
    status,
  };
  const detail = detailElement?.children[0];
  if (detail !== undefined) {
    const declared = operation.faults.find(
      (f) => f.detail.name === detail.local && f.detail.ns === detail.ns,
    );
    if (declared !== undefined) {
      const path: DecodePath = childPath(
        childPath(faultPath, detailElement?.local ?? "detail"),
        detail.local,
      );
      let decoded: unknown;
      try {
        decoded = new Decoder(service).field(detail, { ...declared.detail, optional: false }, path);
      } catch (error) {
        // The fault is the news; a detail we cannot read is still shown, as XML.
        if (!(error instanceof SoapDecodeError)) throw error;
      }
      if (decoded !== undefined) {
        const FaultClass = Object.hasOwn(faultErrors, declared.name) ? faultErrors[declared.name] : undefined;
        // Decoded with this fault's own detail metadata, so it is the detail type its class expects.
        return new (FaultClass ?? SoapFaultError)({
          ...base,
          detail: decoded as never,
          faultName: declared.name,
        });
      }
    }
  }
  return new SoapFaultError({
    ...base,
    detail: detailElement === undefined ? undefined : serializeContent(detailElement),
  });
}
