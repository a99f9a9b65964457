/**
 * The service side: a standard `(request: Request) => Promise<Response>` handler that decodes a request
 * with the same tables the client encodes it with, calls the user's method and encodes its answer. Only
 * the generated `*.stub.ts` modules import this file, so an app that uses the clients alone never loads it.
 *
 * Failures, by what went wrong (SOAP 1.1 always HTTP 500, as WS-I Basic Profile 1.1 says; SOAP 1.2
 * HTTP 400 for `Sender`, 500 otherwise, as its HTTP binding says):
 * - the request is not UTF-8, too large, malformed, has a DOCTYPE, is too deep, is not an envelope, names
 *   no operation, or does not match the schema: `Client` (1.1) / `Sender` (1.2);
 * - the envelope is not the binding's SOAP version: `VersionMismatch`, as a SOAP 1.1 envelope when the
 *   binding or the envelope received is SOAP 1.1 (SOAP 1.2 Part 1, appendix A), with an `Upgrade` header
 *   naming the SOAP 1.2 envelope when the binding is 1.2;
 * - the operation has no method, the method threw something that is no SOAP failure, or returned a value
 *   that does not match the schema: `Server` / `Receiver`;
 * - the method threw a `SoapFaultError`: that fault, its detail encoded as its `wsdl:fault` declares;
 * - the method threw a `SoapServiceError` and the service reports failure in headers (SuperOffice):
 *   a normal response with `Succeeded` = false and `ExceptionInfo`.
 */
import { addressingProblem, messageId, responseAddressing, WSA_NS } from "./addressing.js";
import { readBodyText } from "./body.js";
import { Decoder } from "./decode.js";
import type { Deviation } from "./decode.js";
import {
  decodeBody,
  decodeHeaders,
  encodeHeaders,
  encodeMessage,
  ENVELOPE_NS,
  envelopeEncoder,
  envelopeOf,
  envelopeXml,
  getOperation,
  SOAP11_NS,
  SOAP12_NS,
} from "./envelope.js";
import type { Envelope, FaultErrorClasses, Operation, SoapVersion } from "./envelope.js";
import { SoapDecodeError, SoapEncodeError, SoapFaultError, SoapServiceError } from "./errors.js";
import type { ServiceMeta } from "./metadata.js";
import { RawXml } from "./values.js";
import { DEFAULT_MAX_BODY_BYTES, escapeAttribute, escapeText, parseXml, serializeElement } from "./xml.js";
import type { XmlLimits } from "./xml.js";

/**
 * A standard `Request` → `Response` handler that also takes `fetch`'s arguments, so it is a client's
 * `fetch` as it is (no network) and a handler for any server that speaks `Request`/`Response`.
 */
export type SoapHandler = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** What a method gets besides its request. */
export interface HandlerContext<RequestHeaders, ResponseHeaders> {
  /** The operation called, as the WSDL names it. */
  readonly operation: string;
  /** The request's header blocks. */
  readonly headers: RequestHeaders;
  /** Adds header blocks to the response, block by block (a later call overrides an earlier one). */
  setResponseHeaders(headers: ResponseHeaders): void;
  /** What tolerant decoding accepted in the request beyond the schema. */
  readonly deviations: readonly Deviation[];
  /** The request's header blocks the operation does not declare (`wsse:Security`, ...), as XML. */
  readonly extraHeaders: readonly RawXml[];
  /** The HTTP request, for its URL and HTTP headers. */
  readonly request: Request;
}

export interface SoapHandlerOptions {
  /** Decode requests exactly, and refuse enumeration values the schema does not list in responses. */
  readonly strict?: boolean;
  /** Limits for requests: `maxBodyBytes` (counted while reading; default 10 MiB) and `maxDepth`. */
  readonly limits?: XmlLimits;
  /** WSDL text answered to `GET <any path>?wsdl`; without it that is a 404. */
  readonly wsdl?: string;
  /**
   * Called with what a method threw or returned that is no SOAP answer (operation "" for a failure of the
   * stub itself); the client gets a Server fault.
   */
  readonly onError?: (error: unknown, operation: string) => void;
}

/** What a generated stub module tells the runtime: method names by operation, fault classes by wsdl:fault. */
export interface StubBinding {
  readonly methods: Readonly<Record<string, string>>;
  readonly faults?: FaultErrorClasses;
}

/** A fault the stub writes: the code's local name and namespace ("" for the envelope's own codes). */
interface FaultSpec {
  readonly code: string;
  readonly codeNamespace: string;
  readonly reason: string;
  readonly actor?: string | undefined;
  /** The detail's content, as XML. */
  readonly detail?: string | undefined;
}

const CONTENT_TYPES: Record<SoapVersion, string> = {
  "1.1": "text/xml; charset=utf-8",
  "1.2": "application/soap+xml; charset=utf-8",
};

/** A request the stub cannot take; answered as a fault, in `version` when not the binding's. */
class RequestFault extends Error {
  readonly fault: FaultSpec;
  readonly version: SoapVersion | undefined;
  constructor(code: "Client" | "VersionMismatch", reason: string, version?: SoapVersion) {
    super(reason);
    this.fault = { code, codeNamespace: "", reason };
    this.version = version;
  }
}

/**
 * Serves `handlers` (an object whose methods `binding.methods` names) for the service's operations; the
 * generated `create<PortType>Handler` calls this with its own tables.
 */
export function createSoapHandler(
  service: ServiceMeta,
  handlers: object,
  binding: StubBinding,
  options: SoapHandlerOptions = {},
): SoapHandler {
  const version = service.soapVersion;
  return async (input, init) => {
    try {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      return await handle(service, handlers, binding, options, request);
    } catch (error) {
      // A bug of the stub's own is still a SOAP answer, never a rejected promise.
      options.onError?.(error, "");
      return faultResponse(service, version, serverFault(`The stub failed: ${String(error)}`));
    }
  };
}

/** Serves the WSDL, refuses what is no SOAP request, and finds the operation before answering it. */
async function handle(
  service: ServiceMeta,
  handlers: object,
  binding: StubBinding,
  options: SoapHandlerOptions,
  request: Request,
): Promise<Response> {
  const version = service.soapVersion;
  if (request.method === "GET" && new URL(request.url).searchParams.has("wsdl")) {
    return options.wsdl === undefined
      ? new Response("This stub was given no WSDL to serve\n", { status: 404 })
      : new Response(options.wsdl, { headers: { "Content-Type": "text/xml; charset=utf-8" } });
  }
  if (request.method !== "POST")
    return new Response("SOAP requests are POSTed\n", { status: 405, headers: { Allow: "POST" } });
  let envelope: Envelope;
  let operation: Operation;
  try {
    const text = await readRequest(request, options.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    envelope = readRequestEnvelope(text, version, options.limits);
    operation = pickOperation(service, request, envelope);
  } catch (error) {
    if (!(error instanceof RequestFault)) throw error;
    const upgrade = error.fault.code === "VersionMismatch" && version === "1.2";
    return faultResponse(service, error.version ?? version, error.fault, upgrade);
  }
  return answer(service, handlers, binding, options, request, envelope, operation);
}

/** The request's blocks the operation does not declare; WS-Addressing's are the stub's own concern. */
function undeclaredHeaders(operation: Operation, envelope: Envelope): RawXml[] {
  const declared = operation.input.headers;
  return (envelope.header?.children ?? [])
    .filter((block) => !(operation.addressing && block.ns === WSA_NS))
    .filter((block) => !declared.some((field) => field.name === block.local && field.ns === block.ns))
    .map((block) => new RawXml(serializeElement(block)));
}

/** Decodes the request, calls the method and encodes what it returned or threw. */
async function answer(
  service: ServiceMeta,
  handlers: object,
  binding: StubBinding,
  options: SoapHandlerOptions,
  request: Request,
  envelope: Envelope,
  operation: Operation,
): Promise<Response> {
  const version = service.soapVersion;
  const strict = options.strict ?? false;
  const decoder = new Decoder(service, { strict });
  let headers: Record<string, unknown>;
  let body: unknown;
  try {
    headers = decodeHeaders(decoder, operation.input, envelope, operation.addressing ? WSA_NS : undefined);
    body = decodeBody(decoder, operation.input, "input", envelope);
  } catch (error) {
    if (!(error instanceof SoapDecodeError)) throw error;
    return faultResponse(service, version, clientFault(`${operation.name}: ${error.message}`));
  }
  const addressing = operation.addressing;
  const problem =
    addressing &&
    addressingProblem(envelope.header, addressing.input, request.url, operation.output !== undefined);
  if (problem) return faultResponse(service, version, clientFault(`${operation.name}: ${problem}`));
  const methodName = binding.methods[operation.name];
  const method: unknown =
    methodName === undefined ? undefined : (handlers as Record<string, unknown>)[methodName];
  if (typeof method !== "function")
    return faultResponse(service, version, serverFault(`Operation ${operation.name} is not implemented`));

  const responseHeaders: Record<string, unknown> = {};
  const failure = service.failureHeaders;
  if (failure !== undefined && operation.output !== undefined) responseHeaders[failure.succeeded] = true;
  const context: HandlerContext<unknown, unknown> = {
    operation: operation.name,
    headers,
    setResponseHeaders: (blocks) => Object.assign(responseHeaders, blocks),
    deviations: decoder.deviations,
    extraHeaders: undeclaredHeaders(operation, envelope),
    request,
  };
  const reportError = (error: unknown): void => options.onError?.(error, operation.name);
  let result: unknown;
  try {
    result = await (method as (request: unknown, context: unknown) => unknown).call(handlers, body, context);
  } catch (error) {
    if (error instanceof SoapServiceError && failure !== undefined && operation.output !== undefined) {
      const blocks = {
        ...responseHeaders,
        ...(typeof error.headers === "object" && error.headers !== null ? error.headers : {}),
        [failure.succeeded]: false,
        [failure.exceptionInfo]: error.exceptionInfo,
      };
      const status = error.status >= 200 && error.status <= 599 ? error.status : 200;
      return failureResponse(service, operation, blocks, status, strict, reportError);
    }
    if (error instanceof SoapFaultError) return thrownFault(service, operation, binding, error, strict);
    reportError(error);
    const message = error instanceof Error ? error.message : String(error);
    return faultResponse(service, version, serverFault(`${operation.name}: ${message}`));
  }
  if (operation.output === undefined) return new Response(null, { status: 202 });
  try {
    const xml = encodeMessage(service, operation.name, "output", result, responseHeaders, version, {
      strict,
      ...(addressing?.output === undefined
        ? {}
        : { extraHeaders: responseAddressing(addressing.output, messageId(envelope.header)) }),
    });
    return soapResponse(xml, 200, version);
  } catch (error) {
    if (!(error instanceof SoapEncodeError)) throw error;
    reportError(error);
    return faultResponse(service, version, serverFault(`${operation.name} response: ${error.message}`));
  }
}

/** A failure in headers: the response element empty when its content allows, else an empty Body. */
function failureResponse(
  service: ServiceMeta,
  operation: Operation,
  headers: Record<string, unknown>,
  status: number,
  strict: boolean,
  reportError: (error: unknown) => void,
): Response {
  const version = service.soapVersion;
  const output = operation.output;
  if (output === undefined) throw new Error("soapgen: a failure response needs an output message");
  try {
    return soapResponse(
      encodeMessage(service, operation.name, "output", {}, headers, version, { strict }),
      status,
      version,
    );
  } catch (error) {
    // The response element has required content: the client reads the failure headers before the Body.
    if (!(error instanceof SoapEncodeError)) throw error;
  }
  try {
    const encoder = envelopeEncoder(service, version, { strict });
    return soapResponse(envelopeXml(encoder, encodeHeaders(encoder, output, headers), ""), status, version);
  } catch (error) {
    if (!(error instanceof SoapEncodeError)) throw error;
    reportError(error);
    return faultResponse(
      service,
      version,
      serverFault(`${operation.name} failure headers: ${error.message}`),
    );
  }
}

/** The fault a method threw, with its detail encoded as the matching `wsdl:fault` declares it. */
function thrownFault(
  service: ServiceMeta,
  operation: Operation,
  binding: StubBinding,
  error: SoapFaultError,
  strict: boolean,
): Response {
  const version = service.soapVersion;
  const declared = operation.faults.find((fault) => {
    if (error.faultName !== undefined) return fault.name === error.faultName;
    const FaultClass = binding.faults?.[fault.name];
    return FaultClass !== undefined && error instanceof FaultClass;
  });
  const encoder = envelopeEncoder(service, version, { strict });
  let detail: string | undefined;
  try {
    if (declared !== undefined && error.detail !== undefined)
      detail = encoder.field({ ...declared.detail, optional: false }, error.detail, "detail");
    else if (error.detail instanceof RawXml) detail = error.detail.xml;
    else if (typeof error.detail === "string") detail = escapeText(error.detail);
    else if (error.detail !== undefined)
      throw new SoapEncodeError(
        `The detail of a fault ${operation.name} does not declare is text or RawXml, not an object`,
        "detail",
      );
  } catch (cause) {
    if (!(cause instanceof SoapEncodeError)) throw cause;
    return faultResponse(service, version, serverFault(`${operation.name} fault: ${cause.message}`));
  }
  const fault: FaultSpec = {
    code: error.code,
    codeNamespace: error.codeNamespace,
    reason: error.reason,
    actor: error.actor,
    detail,
  };
  return faultResponse(service, version, fault, false, encoder);
}

function clientFault(reason: string): FaultSpec {
  return { code: "Client", codeNamespace: "", reason };
}

function serverFault(reason: string): FaultSpec {
  return { code: "Server", codeNamespace: "", reason };
}

/** The request body as UTF-8, never holding more than `maxBytes`. */
function readRequest(request: Request, maxBytes: number): Promise<string> {
  return readBodyText(request, maxBytes, {
    tooLarge: () => new RequestFault("Client", `Request body larger than maxBodyBytes (${maxBytes})`),
    notUtf8: () => new RequestFault("Client", "Request body is not valid UTF-8"),
  });
}

/** Parses the request and checks it is an envelope of the binding's version. */
function readRequestEnvelope(text: string, version: SoapVersion, limits: XmlLimits | undefined): Envelope {
  try {
    const root = parseXml(text, limits);
    if (root.local !== "Envelope")
      throw new RequestFault("Client", `Expected a SOAP Envelope, found <${root.name}>`);
    if (root.ns !== ENVELOPE_NS[version]) {
      // SOAP 1.2 Part 1, appendix A: a SOAP 1.1 envelope gets its VersionMismatch as SOAP 1.1.
      throw new RequestFault(
        "VersionMismatch",
        `Expected a SOAP ${version} Envelope (namespace "${ENVELOPE_NS[version]}"), found namespace "${root.ns}"`,
        root.ns === SOAP11_NS ? "1.1" : undefined,
      );
    }
    return envelopeOf(root);
  } catch (error) {
    if (error instanceof SoapDecodeError) throw new RequestFault("Client", error.message);
    throw error;
  }
}

/** By SOAPAction (SOAP 1.1 header, SOAP 1.2 `action` parameter) when it names one, else by the body element. */
function pickOperation(service: ServiceMeta, request: Request, envelope: Envelope): Operation {
  const action = soapAction(request);
  const operations = Object.keys(service.operations).map((name) => getOperation(service, name));
  const byAction =
    action === "" ? [] : operations.filter((op) => (op.addressing?.input ?? op.soapAction) === action);
  if (byAction.length === 1 && byAction[0] !== undefined) return byAction[0];
  const element = envelope.body.children[0];
  const candidates = byAction.length > 1 ? byAction : operations;
  const byElement =
    element === undefined
      ? undefined
      : candidates.find(
          (op) => op.input.body[0]?.name === element.local && op.input.body[0].ns === element.ns,
        );
  if (byElement !== undefined) return byElement;
  const found = element === undefined ? "an empty Body" : `<${element.name}> in namespace "${element.ns}"`;
  throw new RequestFault("Client", `No operation has SOAPAction "${action}" or the body element ${found}`);
}

function soapAction(request: Request): string {
  const header = request.headers.get("soapaction");
  if (header !== null) return header.trim().replace(/^"(.*)"$/s, "$1");
  const parameter = /;\s*action\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(
    request.headers.get("content-type") ?? "",
  );
  return parameter?.[1] ?? parameter?.[2] ?? "";
}

/** SOAP 1.1 and 1.2 name the same two failures differently. */
const SOAP11_CODES: Record<string, string> = { Sender: "Client", Receiver: "Server" };
const SOAP12_CODES: Record<string, string> = { Client: "Sender", Server: "Receiver" };
const SOAP12_VALUES = new Set([
  "VersionMismatch",
  "MustUnderstand",
  "DataEncodingUnknown",
  "Sender",
  "Receiver",
]);

/**
 * A Fault envelope. SOAP 1.2 allows only its five codes as the Value: another code goes into a Subcode
 * under `Receiver`. `upgrade` adds the SOAP 1.2 Upgrade header naming the envelope this stub reads.
 */
function faultResponse(
  service: ServiceMeta,
  version: SoapVersion,
  fault: FaultSpec,
  upgrade = false,
  encoder = envelopeEncoder(service, version),
): Response {
  const envelopeCode =
    fault.codeNamespace === "" || fault.codeNamespace === SOAP11_NS || fault.codeNamespace === SOAP12_NS;
  const code = (local: string, ns: string): string =>
    ns === "" || ns === ENVELOPE_NS[version] ? `soap:${local}` : `c:${local}`;
  const codeNs = (ns: string): string =>
    ns === "" || ns === ENVELOPE_NS[version] ? "" : ` xmlns:c="${escapeAttribute(ns)}"`;
  let faultXml: string;
  let status = 500;
  if (version === "1.1") {
    const local = envelopeCode ? (SOAP11_CODES[fault.code] ?? fault.code) : fault.code;
    const ns = envelopeCode ? "" : fault.codeNamespace;
    faultXml =
      `<faultcode${codeNs(ns)}>${escapeText(code(local, ns))}</faultcode>` +
      `<faultstring>${escapeText(fault.reason)}</faultstring>` +
      (fault.actor === undefined ? "" : `<faultactor>${escapeText(fault.actor)}</faultactor>`) +
      (fault.detail === undefined ? "" : `<detail>${fault.detail}</detail>`);
  } else {
    const local = envelopeCode ? (SOAP12_CODES[fault.code] ?? fault.code) : fault.code;
    const standard = envelopeCode && SOAP12_VALUES.has(local);
    if (standard && local === "Sender") status = 400;
    const subcode = standard
      ? ""
      : `<soap:Subcode><soap:Value${codeNs(fault.codeNamespace)}>${escapeText(code(local, fault.codeNamespace))}</soap:Value></soap:Subcode>`;
    faultXml =
      `<soap:Code><soap:Value>soap:${standard ? local : "Receiver"}</soap:Value>${subcode}</soap:Code>` +
      `<soap:Reason><soap:Text xml:lang="en">${escapeText(fault.reason)}</soap:Text></soap:Reason>` +
      (fault.actor === undefined ? "" : `<soap:Role>${escapeText(fault.actor)}</soap:Role>`) +
      (fault.detail === undefined ? "" : `<soap:Detail>${fault.detail}</soap:Detail>`);
  }
  const headerXml = upgrade
    ? `<u:Upgrade xmlns:u="${SOAP12_NS}"><u:SupportedEnvelope qname="u:Envelope"/></u:Upgrade>`
    : "";
  const xml = envelopeXml(encoder, headerXml, `<soap:Fault>${faultXml}</soap:Fault>`);
  return soapResponse(xml, status, version);
}

function soapResponse(xml: string, status: number, version: SoapVersion): Response {
  return new Response(xml, { status, headers: { "Content-Type": CONTENT_TYPES[version] } });
}

/** The `node:http` request a listener gets, as far as the adapter reads it (no dependency on Node's types). */
export interface NodeRequest extends AsyncIterable<Uint8Array> {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The `node:http` response, as far as the adapter writes it. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(chunk: Uint8Array): unknown;
}

/** Serves a handler from `node:http`: `http.createServer(nodeListener(createCustomerServiceHandler(…)))`. */
export function nodeListener(handler: SoapHandler): (request: NodeRequest, response: NodeResponse) => void {
  return (request, response) => void respond(handler, request, response);
}

async function respond(handler: SoapHandler, request: NodeRequest, response: NodeResponse): Promise<void> {
  let answer: Response;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else for (const item of value ?? []) headers.append(name, item);
    }
    const method = request.method ?? "GET";
    // The body is streamed, so the handler's size limit stops reading an oversized request.
    const chunks = request[Symbol.asyncIterator]();
    const body =
      method === "GET" || method === "HEAD"
        ? null
        : new ReadableStream<Uint8Array>({
            async pull(controller) {
              const next = await chunks.next();
              if (next.done === true) controller.close();
              else controller.enqueue(next.value);
            },
          });
    const init: RequestInit & { duplex: "half" } = { method, headers, body, duplex: "half" };
    answer = await handler(new Request(new URL(request.url ?? "/", "http://localhost"), init));
  } catch (error) {
    answer = new Response(`The SOAP handler failed: ${String(error)}\n`, { status: 500 });
  }
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => response.setHeader(name, value));
  response.end(new Uint8Array(await answer.arrayBuffer()));
}
