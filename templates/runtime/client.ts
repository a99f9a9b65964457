/**
 * `SoapClient`: sends one operation over HTTP with global fetch and reads the answer, within a time and size
 * limit. Reads only the generated tables (a `ServiceMeta`, typed by metadata.ts), never the WSDL.
 */
import { requestAddressing, WSA_NS } from "./addressing.js";
import { readBodyText } from "./body.js";
import {
  decodeBody,
  decodeHeaders,
  encodeMessage,
  faultError,
  getOperation,
  readEnvelope,
} from "./envelope.js";
import type { Envelope, FaultErrorClasses, SoapVersion } from "./envelope.js";
import { Decoder } from "./decode.js";
import type { Deviation } from "./decode.js";
import {
  describeBody,
  inCall,
  SoapAbortError,
  SoapDecodeError,
  SoapError,
  SoapHttpError,
  SoapServiceError,
  SoapTimeoutError,
  SoapTransportError,
} from "./errors.js";
import type { SoapServiceErrorInit } from "./errors.js";
import type { ServiceMeta } from "./metadata.js";
import type { RawXml } from "./values.js";
import { DEFAULT_MAX_BODY_BYTES } from "./xml.js";
import type { XmlLimits } from "./xml.js";

/** The time limit of a call when neither the client nor the call sets `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Header blocks, or a function giving them for each request (a ticket renewed while the client lives). */
export type HeaderSource<Headers> = Headers | (() => Headers | Promise<Headers>);

/** What a function giving extra header blocks is told about the request they go with. */
export interface ExtraHeaderContext {
  readonly operation: string;
  readonly endpoint: string;
  readonly soapVersion: SoapVersion;
  readonly soapAction: string;
}

/**
 * Header blocks the WSDL does not declare (a `wsse:Security` its policy asks for, a vendor's block), each
 * one complete XML element declaring its own namespaces; or a function giving them for each request.
 */
export type ExtraHeaders =
  readonly RawXml[] | ((context: ExtraHeaderContext) => readonly RawXml[] | Promise<readonly RawXml[]>);

/** Where a deviation was seen, for `onDeviation`. */
export interface DeviationContext {
  readonly operation: string;
  readonly endpoint: string;
}

export interface SoapClientOptions<Headers> {
  /** The service URL requests are POSTed to. */
  endpoint: string;
  /** Header blocks sent with every call (per-call headers override them block by block). */
  headers?: HeaderSource<Headers>;
  /** Header blocks the WSDL does not declare, sent with every call after the declared ones (see `usernameToken`). */
  extraHeaders?: ExtraHeaders;
  /** The fetch implementation; defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Time limit for a whole call, response body included: 60 s by default; 0 or Infinity for none. */
  timeoutMs?: number;
  /** Aborts every call made with this client. */
  signal?: AbortSignal;
  /** Defaults to the version the WSDL binding declares. */
  soapVersion?: SoapVersion;
  limits?: XmlLimits;
  /**
   * Exact checking, for tests: unknown elements and enumeration values, and the other deviations, are
   * errors, and unknown enumeration values are refused in requests. Off by default.
   */
  strict?: boolean;
  /** Called for each deviation tolerant decoding accepted (an element a newer server added, ...). */
  onDeviation?: (deviation: Deviation, context: DeviationContext) => void;
}

export interface CallOptions<Headers> {
  headers?: HeaderSource<Headers>;
  /** More undeclared header blocks for this call, sent after the client's `extraHeaders`. */
  extraHeaders?: ExtraHeaders;
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides the client's `strict` for this call. */
  strict?: boolean;
}

export interface SoapResponse<Body, Headers> {
  body: Body;
  headers: Headers;
  status: number;
  /** What tolerant decoding accepted beyond the schema; empty for a response that matches it. */
  deviations: readonly Deviation[];
}

/** The generated error classes a client throws: one per wsdl:fault, and the service's failure class. */
export interface ErrorClasses {
  readonly faults?: FaultErrorClasses;
  readonly serviceError?: new (init: SoapServiceErrorInit<never, never>) => SoapServiceError;
}

/** setTimeout fires at once for delays beyond 2^31 - 1 ms; longer limits are no limit. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class SoapClient<RequestHeaders extends object> {
  private readonly service: ServiceMeta;
  private readonly options: SoapClientOptions<RequestHeaders>;
  private readonly errors: ErrorClasses;

  constructor(service: ServiceMeta, options: SoapClientOptions<RequestHeaders>, errors: ErrorClasses = {}) {
    this.service = service;
    this.options = options;
    this.errors = errors;
  }

  /**
   * Calls an operation. Throws `SoapFaultError` (or the operation's specific subclass) for a SOAP Fault,
   * `SoapServiceError` (the generated subclass) when the service's failure headers say so, `SoapHttpError`
   * for another non-2xx response, `SoapDecodeError` for a response that is not SOAP or does not match the
   * schema, `SoapEncodeError` for a request that does not, and `SoapTransportError` (`SoapTimeoutError`,
   * `SoapAbortError`) when the exchange itself fails. Every error's message starts with the operation and
   * the endpoint.
   */
  async invoke<Body, Headers>(
    operationName: string,
    request: object | undefined,
    options: CallOptions<RequestHeaders> = {},
  ): Promise<SoapResponse<Body, Headers>> {
    try {
      return await this.call<Body, Headers>(operationName, request, options);
    } catch (error) {
      if (error instanceof SoapError) throw inCall(error, operationName, this.options.endpoint);
      throw error;
    }
  }

  private async call<Body, Headers>(
    operationName: string,
    request: object | undefined,
    options: CallOptions<RequestHeaders>,
  ): Promise<SoapResponse<Body, Headers>> {
    const operation = getOperation(this.service, operationName);
    const soapVersion = this.options.soapVersion ?? this.service.soapVersion;
    const strict = options.strict ?? this.options.strict ?? false;
    const headers = { ...(await headersOf(this.options.headers)), ...(await headersOf(options.headers)) };
    // With WS-Addressing the HTTP action is wsa:Action's (its SOAP binding allows no other but "").
    const action = operation.addressing?.input ?? operation.soapAction;
    const context = {
      operation: operationName,
      endpoint: this.options.endpoint,
      soapVersion,
      soapAction: action,
    };
    const extraHeaders = [
      ...(operation.addressing ? requestAddressing(action, this.options.endpoint) : []),
      ...(await extraHeadersOf(this.options.extraHeaders, context)),
      ...(await extraHeadersOf(options.extraHeaders, context)),
    ];
    const xml = encodeMessage(this.service, operationName, "input", request, headers, soapVersion, {
      strict,
      extraHeaders,
    });
    const response = await this.exchange(xml, action, soapVersion, options);
    const { status, statusText, text, contentType } = response;
    const ok = status >= 200 && status < 300;

    if (text.trim() === "") {
      if (!ok) throw new SoapHttpError(status, statusText, text, contentType);
      if (operation.output !== undefined)
        throw new SoapDecodeError(
          `Expected a SOAP response, got HTTP ${status} with an ${describeBody(text, contentType)}`,
          { path: "" },
        );
      return { body: undefined as Body, headers: {} as Headers, status, deviations: [] };
    }
    const envelope = this.envelope(response);
    // A fault, then the service's failure headers, are the news: no Body problem may hide them.
    if (envelope.fault !== undefined)
      throw faultError(this.service, operation, envelope, status, this.errors.faults);
    const decoder = new Decoder(this.service, { strict });
    const responseHeaders = decodeHeaders(
      decoder,
      operation.output,
      envelope,
      operation.addressing ? WSA_NS : undefined,
    );
    const failure = this.service.failureHeaders;
    if (failure !== undefined && responseHeaders[failure.succeeded] === false) {
      const ServiceError = this.errors.serviceError ?? SoapServiceError;
      throw new ServiceError({
        exceptionInfo: responseHeaders[failure.exceptionInfo] as never,
        headers: responseHeaders as never,
        status,
      });
    }
    if (!ok) throw new SoapHttpError(status, statusText, text, contentType);
    const body = decodeBody(decoder, operation.output, "output", envelope);
    const { onDeviation } = this.options;
    if (onDeviation !== undefined) {
      const context = { operation: operationName, endpoint: this.options.endpoint };
      for (const deviation of decoder.deviations) onDeviation(deviation, context);
    }
    return {
      body: body as Body,
      headers: responseHeaders as Headers,
      status,
      deviations: decoder.deviations,
    };
  }

  /** The response as a SOAP envelope; an HTML page or other text is reported as not SOAP, not as bad XML. */
  private envelope(response: {
    status: number;
    statusText: string;
    text: string;
    contentType: string;
  }): Envelope {
    const { status, statusText, text, contentType } = response;
    if (!SOAP_START.test(text.slice(0, 4096))) {
      if (status >= 200 && status < 300)
        throw new SoapDecodeError(`HTTP ${status}: ${describeBody(text, contentType)}`, { path: "" });
      throw new SoapHttpError(status, statusText, text, contentType);
    }
    try {
      return readEnvelope(text, this.options.limits);
    } catch (error) {
      if ((status >= 200 && status < 300) || !(error instanceof SoapDecodeError)) throw error;
      throw new SoapHttpError(status, statusText, text, contentType);
    }
  }

  /** POSTs the envelope and reads the whole response under the timeout, the abort signals and the size limit. */
  private async exchange(
    xml: string,
    soapAction: string,
    soapVersion: SoapVersion,
    options: CallOptions<RequestHeaders>,
  ): Promise<{ status: number; statusText: string; text: string; contentType: string }> {
    const controller = new AbortController();
    // An explicit predicate: TypeScript before 5.5 does not infer one from the arrow function.
    const callerSignals = [this.options.signal, options.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    const onCallerAbort = (event: Event): void => {
      controller.abort(new SoapAbortError((event.target as AbortSignal).reason));
    };
    for (const signal of callerSignals) {
      if (signal.aborted) throw new SoapAbortError(signal.reason);
      signal.addEventListener("abort", onCallerAbort);
    }
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer =
      timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS
        ? setTimeout(() => controller.abort(new SoapTimeoutError(timeoutMs)), timeoutMs)
        : undefined;
    const { signal } = controller;
    // Whatever error fetch or the stream reports after an abort, the abort reason is the truth.
    const failure = (cause: unknown, message: string): SoapTransportError =>
      signal.aborted && signal.reason instanceof SoapTransportError
        ? signal.reason
        : new SoapTransportError(message, { cause });

    try {
      const fetchImpl = this.options.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await fetchImpl(this.options.endpoint, {
          method: "POST",
          headers:
            soapVersion === "1.2"
              ? { "Content-Type": `application/soap+xml; charset=utf-8; action="${soapAction}"` }
              : { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${soapAction}"` },
          body: xml,
          signal,
        });
      } catch (cause) {
        throw failure(cause, `Request failed: ${describeCause(cause)}`);
      }
      let text: string;
      try {
        text = await readBody(response, this.options.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, signal);
      } catch (cause) {
        if (cause instanceof SoapDecodeError) throw cause;
        throw failure(cause, `Reading the response failed: ${describeCause(cause)}`);
      }
      const contentType = response.headers.get("content-type") ?? "";
      return { status: response.status, statusText: response.statusText, text, contentType };
    } finally {
      clearTimeout(timer);
      for (const callerSignal of callerSignals) callerSignal.removeEventListener("abort", onCallerAbort);
    }
  }
}

/** Reads the response body as UTF-8 without ever holding more than `maxBytes`. */
function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  return readBodyText(
    response,
    maxBytes,
    {
      tooLarge: () =>
        new SoapDecodeError(`Response body larger than maxBodyBytes (${maxBytes})`, { path: "" }),
      notUtf8: (cause) => new SoapDecodeError("Response body is not valid UTF-8", { path: "", cause }),
    },
    signal,
  );
}

/** The start of a SOAP envelope: an optional XML declaration, comments, then an element named Envelope. */
const SOAP_START = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?Envelope[\s>/]/;

async function headersOf<Headers>(source: HeaderSource<Headers> | undefined): Promise<Headers | undefined> {
  return typeof source === "function" ? await (source as () => Headers | Promise<Headers>)() : source;
}

async function extraHeadersOf(
  source: ExtraHeaders | undefined,
  context: ExtraHeaderContext,
): Promise<readonly RawXml[]> {
  if (source === undefined) return [];
  return typeof source === "function" ? await source(context) : source;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // Node's fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, ...) in its cause.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}
