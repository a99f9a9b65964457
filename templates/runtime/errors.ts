/** Every error the runtime throws is a `SoapError`, so callers can tell SOAP failures from their own bugs. */
export class SoapError extends Error {
  override readonly name: string = "SoapError";
  /** The operation whose call failed (set by the client; the message starts with it). */
  operation: string | undefined;
  /** The endpoint called: scheme, host and path, without credentials, query or fragment. */
  endpoint: string | undefined;
}

/**
 * Names the call in an error thrown while making it: `Op (https://host/path): message`. The endpoint is
 * shown without user info, query or fragment, which can hold secrets.
 */
export function inCall(error: SoapError, operation: string, endpoint: string): SoapError {
  if (error.operation === undefined) {
    error.operation = operation;
    error.endpoint = publicEndpoint(endpoint);
    error.message = `${operation} (${error.endpoint}): ${error.message}`;
  }
  return error;
}

export function publicEndpoint(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return endpoint.replace(/[?#].*$/s, "").replace(/\/\/[^/@]*@/, "//");
  }
}

/** Bodies are kept for diagnosis only; an error page can be large. */
const MAX_KEPT_BODY_CHARS = 4096;

/** The server answered with a non-2xx status and the body was not a SOAP Fault. */
export class SoapHttpError extends SoapError {
  override readonly name: string = "SoapHttpError";
  readonly status: number;
  readonly statusText: string;
  /** The response's Content-Type header; "" when it had none. */
  readonly contentType: string;
  /** The response body as text, truncated to 4096 characters. */
  readonly body: string;

  constructor(status: number, statusText: string, body: string, contentType = "") {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ""}: ${describeBody(body, contentType)}`);
    this.status = status;
    this.statusText = statusText;
    this.contentType = contentType;
    this.body = body.length > MAX_KEPT_BODY_CHARS ? body.slice(0, MAX_KEPT_BODY_CHARS) : body;
  }
}

/** What a body that is not a SOAP envelope was, for a message: its type and its first characters. */
export function describeBody(body: string, contentType: string): string {
  const type = contentType ? `content-type ${contentType}` : "no content-type";
  const text = body.trim();
  if (text === "") return `empty body (${type})`;
  const shown = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return `not a SOAP response (${type}): ${JSON.stringify(shown)}`;
}

export interface SoapFaultInit<Detail = unknown> {
  /** The fault code's local name: "Client"/"Server" (SOAP 1.1), "Sender"/"Receiver" (1.2), or a custom one. */
  readonly code: string;
  /** The fault code's namespace URI (resolved, so independent of the prefix the server chose). */
  readonly codeNamespace: string;
  /** faultstring (1.1) or the first Reason/Text (1.2). */
  readonly reason: string;
  /** faultactor (1.1) or Role (1.2). */
  readonly actor?: string;
  /**
   * The detail decoded with the schema when its element matched a fault declared for the operation;
   * otherwise the detail's content as raw XML text; undefined when the fault has no detail.
   */
  readonly detail: Detail | undefined;
  /** The wsdl:fault name, when the detail matched a declared fault. */
  readonly faultName?: string;
  /** The HTTP status of the response (usually 500). */
  readonly status: number;
}

/** The server answered with a SOAP Fault. Generated code subclasses this once per wsdl:fault. */
class FaultError<Detail> extends SoapError {
  override readonly name: string = "SoapFaultError";
  readonly code: string;
  readonly codeNamespace: string;
  readonly reason: string;
  readonly actor: string | undefined;
  readonly detail: Detail | undefined;
  readonly faultName: string | undefined;
  readonly status: number;

  constructor(init: SoapFaultInit<Detail>) {
    super(`SOAP fault ${init.code}${init.faultName ? ` (${init.faultName})` : ""}: ${init.reason}`);
    this.code = init.code;
    this.codeNamespace = init.codeNamespace;
    this.reason = init.reason;
    this.actor = init.actor;
    this.detail = init.detail;
    this.faultName = init.faultName;
    this.status = init.status;
  }
}

/**
 * The constructor's declared type. `instanceof` narrows a generic class to its `any` instantiation; its
 * `prototype` typed with `unknown` makes `error instanceof SoapFaultError` give `SoapFaultError<unknown>`.
 */
export interface SoapFaultErrorConstructor {
  new <Detail = unknown>(init: SoapFaultInit<Detail>): SoapFaultError<Detail>;
  readonly prototype: SoapFaultError;
}
export type SoapFaultError<Detail = unknown> = FaultError<Detail>;
export const SoapFaultError: SoapFaultErrorConstructor = FaultError;

export interface SoapServiceErrorInit<Info = unknown, Headers = unknown> {
  readonly exceptionInfo: Info;
  readonly headers: Headers;
  readonly status: number;
}

/**
 * The service reported failure through response headers rather than a fault
 * (see `FailureHeadersMeta`: SuperOffice sends `Succeeded` = false plus `ExceptionInfo`). Each generated
 * client subclasses it with the service's own types (`CustomerServiceError`).
 */
class ServiceError<Info, Headers> extends SoapError {
  override readonly name: string = "SoapServiceError";
  readonly exceptionInfo: Info;
  readonly headers: Headers;
  readonly status: number;

  constructor(init: SoapServiceErrorInit<Info, Headers>) {
    super(serviceErrorMessage(init.exceptionInfo));
    this.exceptionInfo = init.exceptionInfo;
    this.headers = init.headers;
    this.status = init.status;
  }
}

/** As `SoapFaultErrorConstructor`: `error instanceof SoapServiceError` gives `SoapServiceError<unknown, unknown>`. */
export interface SoapServiceErrorConstructor {
  new <Info = unknown, Headers = unknown>(
    init: SoapServiceErrorInit<Info, Headers>,
  ): SoapServiceError<Info, Headers>;
  readonly prototype: SoapServiceError;
}
export type SoapServiceError<Info = unknown, Headers = unknown> = ServiceError<Info, Headers>;
export const SoapServiceError: SoapServiceErrorConstructor = ServiceError;

function serviceErrorMessage(info: unknown): string {
  if (typeof info === "object" && info !== null) {
    const { Message, FriendlyText } = info as { Message?: unknown; FriendlyText?: unknown };
    if (typeof Message === "string" && Message) return Message;
    if (typeof FriendlyText === "string" && FriendlyText) return FriendlyText;
  }
  return "The service reported failure";
}

export interface SoapDecodeErrorInit {
  /** Element path of the offending node, e.g. `Envelope/Body/XResponse/Items/Item[0]/Id`; "" for the document. */
  readonly path: string;
  /** A short excerpt of the offending text. */
  readonly excerpt?: string | undefined;
  readonly cause?: unknown;
}

/** The response (or a message given to `decodeMessage`) is not XML, or does not match the schema. */
export class SoapDecodeError extends SoapError {
  override readonly name: string = "SoapDecodeError";
  readonly path: string;
  readonly excerpt: string | undefined;

  constructor(message: string, init: SoapDecodeErrorInit) {
    const where = init.path ? ` at ${init.path}` : "";
    const excerpt = init.excerpt === undefined ? "" : `: ${JSON.stringify(init.excerpt)}`;
    super(`${message}${where}${excerpt}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.path = init.path;
    this.excerpt = init.excerpt;
  }
}

/** A request value does not fit the schema; nothing was sent. */
export class SoapEncodeError extends SoapError {
  override readonly name: string = "SoapEncodeError";
  /** Property path of the offending value, e.g. `request.Items[2].Id`. */
  readonly path: string;

  constructor(message: string, path: string) {
    super(`${message} at ${path}`);
    this.path = path;
  }
}

/** The exchange failed below HTTP: connection refused or reset, DNS failure, body cut off, ... */
export class SoapTransportError extends SoapError {
  override readonly name: string = "SoapTransportError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The call took longer than its `timeoutMs`. */
export class SoapTimeoutError extends SoapTransportError {
  override readonly name: string = "SoapTimeoutError";
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`SOAP call timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal aborted the call; the signal's reason is kept as `cause`. */
export class SoapAbortError extends SoapTransportError {
  override readonly name: string = "SoapAbortError";

  constructor(reason: unknown) {
    super("SOAP call aborted", { cause: reason });
  }
}
