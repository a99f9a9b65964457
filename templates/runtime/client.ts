import { decodeEnvelope, encodeMessage, faultError, getOperation, readEnvelope } from "./envelope.js";
import type { Envelope, FaultErrorClasses, SoapVersion } from "./envelope.js";
import {
  SoapAbortError,
  SoapDecodeError,
  SoapHttpError,
  SoapServiceError,
  SoapTimeoutError,
  SoapTransportError,
} from "./errors.js";
import type { ServiceMeta } from "./metadata.js";
import { DEFAULT_MAX_BODY_BYTES } from "./xml.js";
import type { XmlLimits } from "./xml.js";

export interface SoapClientOptions<Headers> {
  /** The service URL requests are POSTed to. */
  endpoint: string;
  /** Header blocks sent with every call (per-call headers override them block by block). */
  headers?: Headers;
  /** The fetch implementation; defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Time limit for a whole call, response body included. */
  timeoutMs?: number;
  /** Aborts every call made with this client. */
  signal?: AbortSignal;
  /** Defaults to the version the WSDL binding declares. */
  soapVersion?: SoapVersion;
  limits?: XmlLimits;
}

export interface CallOptions<Headers> {
  headers?: Headers;
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

export interface SoapResponse<Body, Headers> {
  body: Body;
  headers: Headers;
  status: number;
}

export class SoapClient<RequestHeaders extends object> {
  private readonly service: ServiceMeta;
  private readonly options: SoapClientOptions<RequestHeaders>;
  private readonly faultErrors: FaultErrorClasses;

  constructor(
    service: ServiceMeta,
    options: SoapClientOptions<RequestHeaders>,
    faultErrors: FaultErrorClasses = {},
  ) {
    this.service = service;
    this.options = options;
    this.faultErrors = faultErrors;
  }

  /**
   * Calls an operation. Throws `SoapFaultError` (or the operation's specific subclass) for a SOAP Fault,
   * `SoapServiceError` when the service's failure headers say so, `SoapHttpError` for another non-2xx
   * response, `SoapDecodeError` for a response that does not match the schema, `SoapEncodeError` for a
   * request that does not, and `SoapTransportError` (`SoapTimeoutError`, `SoapAbortError`) when the
   * exchange itself fails.
   */
  async invoke<Body, Headers>(
    operationName: string,
    request: object | undefined,
    options: CallOptions<RequestHeaders> = {},
  ): Promise<SoapResponse<Body, Headers>> {
    const operation = getOperation(this.service, operationName);
    const soapVersion = this.options.soapVersion ?? this.service.soapVersion;
    const headers = { ...this.options.headers, ...options.headers };
    const xml = encodeMessage(this.service, operationName, "input", request, headers, soapVersion);
    const { status, statusText, text } = await this.exchange(xml, operation.soapAction, soapVersion, options);

    const ok = status >= 200 && status < 300;
    let envelope: Envelope | undefined;
    if (operation.output !== undefined || text.trim() !== "") {
      try {
        envelope = readEnvelope(text, this.options.limits);
      } catch (error) {
        // An error page from a proxy or server is an HTTP failure, not a malformed SOAP response.
        if (!ok && error instanceof SoapDecodeError) throw new SoapHttpError(status, statusText, text);
        throw error;
      }
    }
    if (envelope?.fault !== undefined)
      throw faultError(this.service, operation, envelope, status, this.faultErrors);
    if (!ok) throw new SoapHttpError(status, statusText, text);
    if (envelope === undefined) return { body: undefined as Body, headers: {} as Headers, status };

    const message = decodeEnvelope(this.service, operation, "output", envelope);
    const failure = this.service.failureHeaders;
    if (failure !== undefined && message.headers[failure.succeeded] === false) {
      throw new SoapServiceError({
        exceptionInfo: message.headers[failure.exceptionInfo],
        headers: message.headers,
        status,
      });
    }
    return { body: message.body as Body, headers: message.headers as Headers, status };
  }

  /** POSTs the envelope and reads the whole response under the timeout, the abort signals and the size limit. */
  private async exchange(
    xml: string,
    soapAction: string,
    soapVersion: SoapVersion,
    options: CallOptions<RequestHeaders>,
  ): Promise<{ status: number; statusText: string; text: string }> {
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
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => controller.abort(new SoapTimeoutError(timeoutMs)), timeoutMs);
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
        throw failure(cause, `Request to ${this.options.endpoint} failed: ${describeCause(cause)}`);
      }
      let text: string;
      try {
        text = await readBody(response, this.options.limits?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, signal);
      } catch (cause) {
        if (cause instanceof SoapDecodeError) throw cause;
        throw failure(
          cause,
          `Reading the response from ${this.options.endpoint} failed: ${describeCause(cause)}`,
        );
      }
      return { status: response.status, statusText: response.statusText, text };
    } finally {
      clearTimeout(timer);
      for (const callerSignal of callerSignals) callerSignal.removeEventListener("abort", onCallerAbort);
    }
  }
}

/** Reads the body as UTF-8 without ever holding more than `maxBytes`. */
async function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const tooLarge = (): SoapDecodeError =>
    new SoapDecodeError(`Response body larger than maxBodyBytes (${maxBytes})`, { path: "" });
  const declaredLength = Number(response.headers.get("content-length") ?? NaN);
  if (declaredLength > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  // Not every fetch implementation ends a body read on abort; cancelling the reader guarantees it.
  const cancel = (): void => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener("abort", cancel);
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new SoapDecodeError("Response body is not valid UTF-8", { path: "", cause });
    }
  } finally {
    signal.removeEventListener("abort", cancel);
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // Node's fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, ...) in its cause.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}
