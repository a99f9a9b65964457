import { SOAP11_NS, SOAP12_NS } from "../../generated/customer-service/index.js";
import type { Deviation } from "../../generated/customer-service/index.js";

/**
 * What is known to differ between the published examples and the WSDL, per Services88 agent, pinned so
 * that a change in either (a page fixed, an operation added) makes a test say so.
 */
export interface ServiceExpectations {
  /** Example pages for operations the WSDL does not define. */
  readonly pagesWithoutOperation: readonly string[];
  /** WSDL operations no page documents. */
  readonly operationsWithoutPage: readonly string[];
  /** The envelope deviations of every page's request. */
  readonly requestEnvelopeDeviations: readonly string[];
  /** The envelope deviations of every page's response. */
  readonly responseEnvelopeDeviations: readonly string[];
  /** Every mistake the documented payloads make relative to the schema, as `schemaViolations` states it. */
  readonly documentationErrors: readonly DocumentationError[];
  /**
   * What tolerant decoding accepts of those mistakes, as the decoder lists it in `deviations`. The
   * columns then run on the tolerant decoding, against the documented payload without the elements
   * read as absent.
   */
  readonly tolerated: readonly ToleratedDeviation[];
}

/** A mistake a page makes relative to the WSDL's schema, as `schemaViolations` states it. */
export interface DocumentationError {
  readonly page: string;
  readonly message: "request" | "response";
  readonly path: string;
  readonly statement: string;
}

/** A deviation tolerant decoding lists for a documented message. */
export interface ToleratedDeviation extends Deviation {
  readonly page: string;
  readonly message: "request" | "response";
}

export const SOAP12_ENVELOPE = `Envelope namespace is ${SOAP12_NS} (SOAP 1.2); the WSDL binding is SOAP 1.1 (${SOAP11_NS})`;

/**
 * The published CustomerService examples make no mistake relative to the schema: every element is one
 * the schema has, in schema order, with valid values, and no required element is missing.
 */
export const CUSTOMER_SERVICE_EXPECTED: ServiceExpectations = {
  pagesWithoutOperation: [
    "GetPreviewFaqEntry",
    "GetPreviewQuickReply",
    "GetPreviewReplyTemplate",
    "GetSystemTemplateSettings",
    "GetUnparsedTemplate",
    "ReportSessionActive",
    "SaveSystemTemplateSettings",
  ],
  operationsWithoutPage: ["CreateDefaultSmsConfig", "GetCustomerServiceStartup"],
  requestEnvelopeDeviations: [
    SOAP12_ENVELOPE,
    "header blocks ApplicationToken, Credentials are children of Envelope, not of Header",
  ],
  responseEnvelopeDeviations: [SOAP12_ENVELOPE],
  documentationErrors: [],
  tolerated: [],
};

/**
 * Four of the five Contact responses carry the same third-level interest item, written with
 * `xsi:nil="true"` on seven elements the schema makes optional but not nillable; tolerant decoding
 * reads each as absent.
 */
const CONTACT_PAGES_WITH_NIL_ITEM = [
  "CreateDefaultContactEntity",
  "GetContactEntity",
  "GetMyContact",
  "SaveContactEntity",
] as const;
const NIL_ITEM =
  "Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]";
const NIL_NOT_NILLABLE = [
  "Id",
  "Deleted",
  "Rank",
  "ColorBlock",
  "Selected",
  "LastChanged",
  "Hidden",
] as const;

function nilItemPaths(page: string): string[] {
  return NIL_NOT_NILLABLE.map((element) => `Body/${page}Response/${NIL_ITEM}/${element}`);
}

export const CONTACT_EXPECTED: ServiceExpectations = {
  pagesWithoutOperation: [],
  operationsWithoutPage: [
    "AddPerson",
    "ChangeCountry",
    "Copy",
    "CreateNewEntry",
    "DeleteContactEntity",
    "DeleteExpired",
    "GetAddress",
    "GetAddressByCountry",
    "GetContact",
    "GetContactSummary",
    "GetContactWithPersons",
    "GetDuplicateRules",
    "GetDuplicates",
    "GetMyActiveContacts",
    "GetMyBizCard",
    "GetMyContacts",
    "GetMyRecentContacts",
    "GetNameDepartmentDuplicates",
    "GetPersons",
    "GetQuoteVersionAddresses",
    "IsNumberValid",
    "Merge",
    "SaveQuoteVersionAddress",
    "SetDuplicateRulesStatus",
    "Undelete",
    "ValidateContactEntity",
  ],
  requestEnvelopeDeviations: [
    SOAP12_ENVELOPE,
    "header blocks ApplicationToken, Credentials are children of Envelope, not of Header",
  ],
  responseEnvelopeDeviations: [SOAP12_ENVELOPE],
  documentationErrors: CONTACT_PAGES_WITH_NIL_ITEM.flatMap((page) =>
    nilItemPaths(page).map((path) => ({
      page,
      message: "response" as const,
      path,
      statement: `<${path.slice(path.lastIndexOf("/") + 1)}> has xsi:nil but is not nillable`,
    })),
  ),
  tolerated: CONTACT_PAGES_WITH_NIL_ITEM.flatMap((page) =>
    nilItemPaths(page).map((path) => ({
      page,
      message: "response" as const,
      kind: "nilNotNillable" as const,
      path: `Envelope/${path}`,
      detail: "",
    })),
  ),
};
