export { SoapClient } from "./client.js";
export type { CallOptions, SoapClientOptions, SoapResponse } from "./client.js";
export { decodeMessage, encodeMessage, SOAP11_NS, SOAP12_NS } from "./envelope.js";
export type { DecodedMessage, Direction, FaultErrorClasses, SoapVersion } from "./envelope.js";
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
export type { SoapDecodeErrorInit, SoapFaultInit, SoapServiceErrorInit } from "./errors.js";
export type * from "./metadata.js";
export type { XmlLimits } from "./xml.js";
