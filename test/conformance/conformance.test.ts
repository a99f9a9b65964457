import { beforeAll, describe, expect, it } from "vitest";
import type { DecodedMessage } from "../../generated/customer-service/index.js";
import { catalog, runConformance } from "./conformance.js";
import type { Column, ConformanceRun, Finding, LocalCheck } from "./conformance.js";
import { bodyElementName, envelopeDeviations, envelopePayload, readPages, withoutTolerated } from "./docs.js";
import type { DocumentationError, ToleratedDeviation } from "./expected.js";
import { countElements } from "./compare.js";
import { noQuirkCounts } from "./library.js";
import type { QuirkCounts } from "./library.js";
import { CONTACT, CUSTOMER_SERVICE } from "./services.js";
import type { ServiceUnderTest } from "./services.js";
import { renderReport, rowVerdict } from "./table.js";
import { toSnapshotJson } from "./values.js";

/** What each agent's suite must find: its page counts, its quirk counts, its report's size. */
interface Profile {
  readonly service: ServiceUnderTest;
  readonly pages: number;
  readonly documented: number;
  /** How often each quirk mapping applied, in the zeep and in the node-soap column. */
  readonly zeepQuirks: QuirkCounts;
  readonly nodeSoapQuirks: QuirkCounts;
}

const PROFILES: readonly Profile[] = [
  {
    service: CUSTOMER_SERVICE,
    pages: 38,
    documented: 31,
    // 8 documented CustomerService requests have an empty wrapper element, and 5 responses.
    zeepQuirks: { ...noQuirkCounts(), emptyStringAsNone: 134, emptyWrapperAsNone: 21 },
    nodeSoapQuirks: { ...noQuirkCounts(), emptyWrapperAsNone: 8 },
  },
  {
    service: CONTACT,
    pages: 5,
    documented: 5,
    zeepQuirks: {
      emptyStringAsNone: 1008,
      // The 7 nil non-nillable elements of each of the 4 responses that have them, once each.
      toleratedAsNone: 28,
      // `<ChildItems xsi:nil="true">` once in each of those 4 responses.
      nilArrayAsEmpty: 4,
      // The one nil SelectableMDOListItem of the SaveContactEntity request, in our request and the documented one.
      nilItemAsEmptyObject: 2,
      nilItemsArrayAsNull: 0,
      nilComplexAsEmpty: 0,
      untypedText: 0,
      emptyBytesAsNone: 0,
      emptyArrayAsNone: 0,
      // The empty request wrappers of CreateDefaultContactEntity and GetMyContact, ours and the documented.
      emptyWrapperAsNone: 4,
      cannotWriteBack: 0,
    },
    // That same nil item, in our request as node-soap reads it.
    nodeSoapQuirks: { ...noQuirkCounts(), nilItemsArrayAsNull: 1, emptyWrapperAsNone: 2 },
  },
];

// The pages are read at collection time so that every page gets its own test; the checks run once
// per agent, in beforeAll, through the same `runConformance` the report prints.
const runs = new Map<ServiceUnderTest, ConformanceRun>();

beforeAll(async () => {
  for (const { service } of PROFILES) runs.set(service, await runConformance(service));
}, 120_000);

function runOf(service: ServiceUnderTest): ConformanceRun {
  const run = runs.get(service);
  if (run === undefined) throw new Error(`no run for ${service.name}`);
  return run;
}

describe.each(PROFILES.map((profile) => [profile.service.name, profile] as const))("%s", (_name, profile) => {
  const { service } = profile;
  const { expected } = service;
  const pages = readPages(service.docsDir);
  const { documented } = catalog(service, pages);
  const run = (): ConformanceRun => runOf(service);

  function local(operation: string): LocalCheck {
    const check = run().locals.get(operation);
    if (check === undefined) throw new Error(`no local check for ${operation}`);
    return check;
  }

  function row(operation: string): Readonly<Record<Column, readonly Finding[]>> {
    const found = run().rows.find((candidate) => candidate.name === operation);
    if (found?.kind !== "documented") throw new Error(`no documented row for ${operation}`);
    return found.columns;
  }

  /** The findings a documented column is expected to have: the pinned documentation errors of its page. */
  function pinnedFindings(page: string, message: DocumentationError["message"]): Finding[] {
    return expected.documentationErrors
      .filter((error) => error.page === page && error.message === message)
      .map((error) => ({
        path: error.path,
        message: error.statement,
        source: "documentation",
        pinned: true,
      }));
  }

  function tolerated(page: string, message: ToleratedDeviation["message"]): object[] {
    return expected.tolerated
      .filter((deviation) => deviation.page === page && deviation.message === message)
      .map(({ kind, path, detail }) => ({ kind, path, detail }));
  }

  describe("which pages document which WSDL operations", () => {
    it(`has ${profile.pages} pages and ${profile.documented} of them document a WSDL operation`, () => {
      expect(pages).toHaveLength(profile.pages);
      expect(documented).toHaveLength(profile.documented);
    });

    it("lists exactly the pages whose operation the WSDL does not define, and the operations no page documents", () => {
      expect(catalog(service, pages).pagesWithoutOperation).toEqual(expected.pagesWithoutOperation);
      expect(catalog(service, pages).operationsWithoutPage).toEqual(expected.operationsWithoutPage);
      expect(documented.length + expected.operationsWithoutPage.length).toBe(
        Object.keys(service.meta.operations).length,
      );
    });

    it.each(pages.map((page) => [page.name, page] as const))(
      "%s: the request invokes the operation the page is named after",
      (name, page) => {
        expect(bodyElementName(page.request)).toBe(name);
      },
    );

    it("gives each page and operation without counterpart a row that says so", () => {
      const rows = run().rows.flatMap((row) =>
        row.kind === "documented" ? [] : [[row.kind, row.name, row.pinned]],
      );
      expect(rows).toEqual([
        ...expected.pagesWithoutOperation.map((name) => ["pageWithoutOperation", name, true]),
        ...expected.operationsWithoutPage.map((name) => ["operationWithoutPage", name, true]),
      ]);
    });
  });

  describe("the documents' deviations from the WSDL binding and schema", () => {
    it.each(pages.map((page) => [page.name, page] as const))(
      "%s: SOAP 1.2 envelope namespace, header blocks outside Header, nothing else",
      (_page, page) => {
        expect(envelopeDeviations(page.request)).toEqual(expected.requestEnvelopeDeviations);
        expect(envelopeDeviations(page.response)).toEqual(expected.responseEnvelopeDeviations);
      },
    );

    it("pins every mistake the documented payloads make relative to the schema, exactly", () => {
      const found = run().rows.flatMap((row) =>
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
      expect(found).toEqual(expected.documentationErrors);
    });

    it("pins every deviation tolerant decoding accepts in the documented messages, exactly", () => {
      const found = documented.flatMap(({ operation }) =>
        (["request", "response"] as const).flatMap((message) =>
          (local(operation)[message]?.deviations ?? []).map((deviation) => ({
            page: operation,
            message,
            ...deviation,
          })),
        ),
      );
      expect(found).toEqual(expected.tolerated);
    });
  });

  describe.each(documented.map(({ operation }) => [operation] as const))("%s", (operation) => {
    it("request: the client sends the documented header blocks and body, as the WSDL binds them", () => {
      expect(local(operation).sent).toBeDefined();
      expect(local(operation).columns.request).toEqual(pinnedFindings(operation, "request"));
      expect(local(operation).request?.deviations).toEqual(tolerated(operation, "request"));
    });

    it("response: the documented response decodes, every element into a typed property", async () => {
      expect(local(operation).columns.response).toEqual(pinnedFindings(operation, "response"));
      const { body, headers, deviations } = local(operation).response as DecodedMessage;
      expect(deviations).toEqual(tolerated(operation, "response"));
      await expect(toSnapshotJson({ body, headers })).toMatchFileSnapshot(
        `./__snapshots__/${service.slug}/${operation}.response.json`,
      );
    });

    it("round trip: re-encoding the decoded response gives the documented payload, less each element read as absent", () => {
      const check = local(operation);
      expect(check.reencodedResponse).toBeDefined();
      expect(check.columns.roundTrip).toEqual([]);
      // What the comparison left out: exactly one element (it has no children) per tolerated nil.
      const documentedPayload = envelopePayload(check.page.response);
      const compared = withoutTolerated(documentedPayload, check.response?.deviations ?? []);
      const all = (payload: typeof compared): number => countElements([...payload.headers, ...payload.body]);
      expect(all(documentedPayload) - all(compared)).toBe(tolerated(operation, "response").length);
    });

    it("zeep reads our request as we meant it, and reads the documented messages as we do", () => {
      expect(row(operation).zeep).toEqual([]);
    });

    it("node-soap accepts our request over HTTP and our client decodes its answer", () => {
      expect(row(operation).nodeSoap).toEqual([]);
    });

    it("passes", () => {
      expect(rowVerdict(run().rows.find((candidate) => candidate.name === operation)!)).toBe("passed");
    });
  });

  describe("the library quirks", () => {
    it("zeep's None for an empty string element is accepted exactly where our value is an empty string: twice per request (ours and the documented), once per response", () => {
      const expectedCount = documented.reduce((total, { operation }) => {
        const check = local(operation);
        // The values only: a deviation's `detail` is "" too.
        const values = (message: DecodedMessage | undefined): unknown => [message?.body, message?.headers];
        return total + 2 * emptyStrings(values(check.request)) + emptyStrings(values(check.response));
      }, 0);
      expect(run().zeepQuirks.emptyStringAsNone).toBe(expectedCount);
    });

    it("zeep's None for an element read as absent is accepted once per tolerated nil or empty value, at its path", () => {
      expect(run().zeepQuirks.toleratedAsNone).toBe(
        expected.tolerated.filter((d) => d.kind === "nilNotNillable" || d.kind === "emptyValue").length,
      );
    });

    it("an empty message wrapper read as None is counted once per reading of it: zeep reads our request, the documented request and response; node-soap our request", () => {
      const empty = (message: DecodedMessage | undefined): number =>
        message !== undefined && Object.keys(message.body as object).length === 0 ? 1 : 0;
      const requests = documented.reduce(
        (total, { operation }) => total + empty(local(operation).request),
        0,
      );
      const responses = documented.reduce(
        (total, { operation }) => total + empty(local(operation).response),
        0,
      );
      expect(run().zeepQuirks.emptyWrapperAsNone).toBe(2 * requests + responses);
      expect(run().nodeSoapQuirks.emptyWrapperAsNone).toBe(requests);
    });

    it("apply as often as pinned", () => {
      expect(run().zeepQuirks).toEqual(profile.zeepQuirks);
      expect(run().nodeSoapQuirks).toEqual(profile.nodeSoapQuirks);
    });
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
  it("prints each agent's section, a row per documented operation, page without operation and operation without page, and ends with one count over all", () => {
    const lines = renderReport(PROFILES.map(({ service }) => runOf(service)));
    expect(lines.filter((line) => / \| /.test(line))).toHaveLength(2 + 31 + 7 + 2 + 2 + 5 + 26);
    expect(lines.filter((line) => line.endsWith(":") && !line.startsWith(" "))).toEqual([
      "CustomerService:",
      "envelope deviations of every page, normalised before decoding:",
      "Contact:",
      "envelope deviations of every page, normalised before decoding:",
    ]);
    expect(lines).toContain("9 rows without a page or without a WSDL operation are listed, not counted");
    expect(lines).toContain("26 rows without a page or without a WSDL operation are listed, not counted");
    expect(lines.at(-1)).toBe("36 passed, 0 failed");
  });

  it("passes CustomerService 31/31", () => {
    const verdicts = runOf(CUSTOMER_SERVICE).rows.map(rowVerdict);
    expect(verdicts.filter((verdict) => verdict === "passed")).toHaveLength(31);
    expect(verdicts.filter((verdict) => verdict === "failed")).toHaveLength(0);
  });
});
