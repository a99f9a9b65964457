/**
 * What generated clients and their users import from the runtime (the stubs add server.ts, the tables
 * metadata.ts); the other modules are internal.
 */
export { WSA_ANONYMOUS, WSA_NS } from "./addressing.js";
export { DEFAULT_TIMEOUT_MS, SoapClient } from "./client.js";
export type {
  CallOptions,
  DeviationContext,
  ErrorClasses,
  ExtraHeaderContext,
  ExtraHeaders,
  HeaderSource,
  SoapClientOptions,
  SoapResponse,
} from "./client.js";
export type { DecodeOptions, Deviation } from "./decode.js";
export type { EncodeOptions } from "./encode.js";
export { decodeMessage, encodeMessage, SOAP11_NS, SOAP12_NS } from "./envelope.js";
export type {
  DecodedMessage,
  DecodeMessageOptions,
  Direction,
  EncodeMessageOptions,
  FaultErrorClasses,
  SoapVersion,
} from "./envelope.js";
export {
  SoapAbortError,
  SoapDecodeError,
  SoapEncodeError,
  SoapError,
  SoapFaultError,
  SoapHttpError,
  SoapServiceError,
  SoapTimeoutError,
  SoapTransportError,
} from "./errors.js";
export type {
  SoapDecodeErrorInit,
  SoapFaultErrorConstructor,
  SoapFaultInit,
  SoapServiceErrorConstructor,
  SoapServiceErrorInit,
} from "./errors.js";
export type * from "./metadata.js";
export { RawXml } from "./values.js";
export type { UnknownEnumValue } from "./values.js";
export type { XmlLimits } from "./xml.js";
export { usernameToken, usernameTokenHeader, WSSE_NS, WSU_NS } from "./wsse.js";
export type { UsernameTokenOptions, UsernameTokenValues } from "./wsse.js";
