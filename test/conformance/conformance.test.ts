import { beforeAll, describe, expect, it } from "vitest";
import type { DecodedMessage } from "../../generated/customer-service/index.js";
import { catalog, runConformance } from "./conformance.js";
import type { Column, ConformanceRun, Finding, LocalCheck } from "./conformance.js";
import { bodyElementName, envelopeDeviations, readPages } from "./docs.js";
import {
  DOCUMENTATION_ERRORS,
  OPERATIONS_WITHOUT_PAGE,
  PAGES_WITHOUT_OPERATION,
  REQUEST_ENVELOPE_DEVIATIONS,
  RESPONSE_ENVELOPE_DEVIATIONS,
} from "./expected.js";
import type { DocumentationError } from "./expected.js";
import { renderReport } from "./table.js";
import { toSnapshotJson } from "./values.js";

// The pages are read at collection time so that every page gets its own test; the checks run once,
// in beforeAll, through the same `runConformance` the report prints.
const pages = readPages();
const { documented } = catalog(pages);
let run: ConformanceRun;

beforeAll(async () => {
  run = await runConformance(pages);
}, 60_000);

function local(operation: string): LocalCheck {
  const check = run.locals.get(operation);
  if (check === undefined) throw new Error(`no local check for ${operation}`);
  return check;
}

/** The findings a documented row is expected to have: the pinned documentation errors of its page, nothing else. */
function pinnedFindings(page: string, message: DocumentationError["message"]): Finding[] {
  return DOCUMENTATION_ERRORS.filter((error) => error.page === page && error.message === message).map(
    (error) => ({
      path: error.path,
      message: error.statement,
      source: "documentation",
    }),
  );
}

describe("which pages document which WSDL operations", () => {
  it("has 38 pages and 31 of them document a WSDL operation", () => {
    expect(pages).toHaveLength(38);
    expect(documented).toHaveLength(31);
  });

  it("lists exactly the 7 pages whose operation the WSDL does not define", () => {
    expect(catalog(pages).pagesWithoutOperation).toEqual(PAGES_WITHOUT_OPERATION);
    expect(PAGES_WITHOUT_OPERATION).toEqual([
      "GetPreviewFaqEntry",
      "GetPreviewQuickReply",
      "GetPreviewReplyTemplate",
      "GetSystemTemplateSettings",
      "GetUnparsedTemplate",
      "ReportSessionActive",
      "SaveSystemTemplateSettings",
    ]);
  });

  it("lists exactly the 2 WSDL operations no page documents", () => {
    expect(catalog(pages).operationsWithoutPage).toEqual([
      "CreateDefaultSmsConfig",
      "GetCustomerServiceStartup",
    ]);
    expect(OPERATIONS_WITHOUT_PAGE).toEqual(["CreateDefaultSmsConfig", "GetCustomerServiceStartup"]);
  });

  it.each(pages.map((page) => [page.name, page] as const))(
    "%s: the request invokes the operation the page is named after",
    (name, page) => {
      expect(bodyElementName(page.request)).toBe(name);
    },
  );

  it("gives each page and operation without counterpart a row that says so", () => {
    const rows = run.rows.flatMap((row) =>
      row.kind === "documented" ? [] : [[row.kind, row.name, row.pinned]],
    );
    expect(rows).toEqual([
      ...PAGES_WITHOUT_OPERATION.map((name) => ["pageWithoutOperation", name, true]),
      ...OPERATIONS_WITHOUT_PAGE.map((name) => ["operationWithoutPage", name, true]),
    ]);
  });
});

describe("the documents' deviations from the WSDL binding", () => {
  it.each(pages.map((page) => [page.name, page] as const))(
    "%s: SOAP 1.2 envelope namespace, header blocks outside Header, nothing else",
    (_name, page) => {
      expect(envelopeDeviations(page.request)).toEqual(REQUEST_ENVELOPE_DEVIATIONS);
      expect(envelopeDeviations(page.response)).toEqual(RESPONSE_ENVELOPE_DEVIATIONS);
    },
  );

  it("pins every mistake the documented payloads make relative to the schema, exactly", () => {
    const found = run.rows.flatMap((row) =>
      row.kind !== "documented"
        ? []
        : (["request", "response"] as const).flatMap((message) =>
            row.columns[message]
              .filter((finding) => finding.source === "documentation")
              .map((finding) => ({
                page: row.name,
                message,
                path: finding.path,
                statement: finding.message,
              })),
          ),
    );
    expect(found).toEqual(DOCUMENTATION_ERRORS);
  });
});

describe.each(documented.map(({ operation }) => [operation] as const))("%s", (operation) => {
  it("request: the client sends the documented header blocks and body, as the WSDL binds them", () => {
    expect(run.locals.get(operation)?.sent).toBeDefined();
    expect(local(operation).columns.request).toEqual(pinnedFindings(operation, "request"));
  });

  it("response: the documented response decodes, every element into a typed property", async () => {
    expect(local(operation).columns.response).toEqual(pinnedFindings(operation, "response"));
    const { body, headers, deviations } = local(operation).response as DecodedMessage;
    // The published CustomerService examples match the schema: tolerant decoding accepts nothing extra.
    expect(deviations).toEqual([]);
    await expect(toSnapshotJson({ body, headers })).toMatchFileSnapshot(
      `./__snapshots__/${operation}.response.json`,
    );
  });

  it("round trip: re-encoding the decoded response gives the documented payload", () => {
    expect(local(operation).reencodedResponse).toBeDefined();
    expect(local(operation).columns.roundTrip).toEqual([]);
  });

  it("zeep reads our request as we meant it, and reads the documented messages as we do", () => {
    expect(row(operation).zeep).toEqual([]);
  });

  it("node-soap accepts our request over HTTP and our client decodes its answer", () => {
    expect(row(operation).nodeSoap).toEqual([]);
  });
});

function row(operation: string): Readonly<Record<Column, readonly Finding[]>> {
  const found = run.rows.find((candidate) => candidate.name === operation);
  if (found?.kind !== "documented") throw new Error(`no documented row for ${operation}`);
  return found.columns;
}

describe("zeep's None for an empty string element", () => {
  it("is accepted exactly where our value is an empty string: twice per request (ours and the documented), once per response", () => {
    const expected = documented.reduce((total, { operation }) => {
      const check = local(operation);
      return total + 2 * emptyStrings(check.request) + emptyStrings(check.response);
    }, 0);
    expect(run.zeepQuirks.emptyStringAsNone).toBe(expected);
    expect(run.zeepQuirks.emptyStringAsNone).toBe(134);
  });
});

/** Empty strings in a decoded message, dictionary keys included. */
function emptyStrings(value: unknown): number {
  if (value === "") return 1;
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array)
    return 0;
  return Object.entries(value).reduce(
    (total, [key, item]) => total + (Array.isArray(value) || key !== "" ? 0 : 1) + emptyStrings(item),
    0,
  );
}

describe("the report", () => {
  it("has a row per documented operation, page without operation and operation without page, and ends with the count", () => {
    const lines = renderReport(run);
    expect(lines.filter((line) => / \| /.test(line))).toHaveLength(2 + 31 + 7 + 2);
    expect(lines.at(-2)).toBe("9 rows without a page or without a WSDL operation are listed, not counted");
    expect(lines.at(-1)).toBe("31 passed, 0 failed");
  });
});
