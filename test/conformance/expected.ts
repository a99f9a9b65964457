import { SOAP11_NS, SOAP12_NS } from "../../generated/customer-service/index.js";

/**
 * What is known to differ between the published examples and the WSDL, pinned so that a change in
 * either (a page fixed, an operation added) makes a test say so.
 */

/** Example pages for operations the WSDL does not define. */
export const PAGES_WITHOUT_OPERATION: readonly string[] = [
  "GetPreviewFaqEntry",
  "GetPreviewQuickReply",
  "GetPreviewReplyTemplate",
  "GetSystemTemplateSettings",
  "GetUnparsedTemplate",
  "ReportSessionActive",
  "SaveSystemTemplateSettings",
];

/** WSDL operations no page documents. */
export const OPERATIONS_WITHOUT_PAGE: readonly string[] = [
  "CreateDefaultSmsConfig",
  "GetCustomerServiceStartup",
];

const SOAP12_ENVELOPE = `Envelope namespace is ${SOAP12_NS} (SOAP 1.2); the WSDL binding is SOAP 1.1 (${SOAP11_NS})`;

/** The envelope deviations of every page's request: the SOAP 1.2 namespace and header blocks outside Header. */
export const REQUEST_ENVELOPE_DEVIATIONS: readonly string[] = [
  SOAP12_ENVELOPE,
  "header blocks ApplicationToken, Credentials are children of Envelope, not of Header",
];

/** The envelope deviations of every page's response (the responses carry no header blocks). */
export const RESPONSE_ENVELOPE_DEVIATIONS: readonly string[] = [SOAP12_ENVELOPE];

/** A mistake a page makes relative to the WSDL's schema, as `schemaViolations` states it. */
export interface DocumentationError {
  readonly page: string;
  readonly message: "request" | "response";
  readonly path: string;
  readonly statement: string;
}

/**
 * Every mistake the documented payloads make relative to the schema, by page, message and element
 * path. The published examples have none: every element is one the schema has, in schema order,
 * with valid values, and no required element is missing.
 */
export const DOCUMENTATION_ERRORS: readonly DocumentationError[] = [];
