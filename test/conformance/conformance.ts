import type { DecodedMessage, Deviation, OperationMeta } from "../../generated/customer-service/index.js";
import { serializeElement } from "../../generated/customer-service/runtime/xml.js";
import { countElements, PayloadComparer } from "./compare.js";
import type { Difference } from "./compare.js";
import {
  bodyElementName,
  envelopeDeviations,
  envelopePayload,
  isReadAsAbsent,
  normaliseToWsdl,
  readPages,
  withoutTolerated,
} from "./docs.js";
import type { DocPage, Payload } from "./docs.js";
import { compareReading, NO_QUIRKS, noQuirkCounts, TOLERATED_AS_NONE } from "./library.js";
import type { LibraryQuirks, QuirkCounts } from "./library.js";
import { NodeSoapHarness } from "./node-soap.js";
import { schemaViolations } from "./schema-check.js";
import type { ConformanceClient, ServiceUnderTest } from "./services.js";
import { diffValues } from "./values.js";
import { runZeepOracle, zeepReadRequests } from "./zeep.js";
import type { OracleReading, ZeepRequestReading } from "./zeep.js";
import {
  getOperation,
  type Message,
  type Operation,
} from "../../generated/customer-service/runtime/envelope.js";

/**
 * The checks behind both the vitest suite and `npm run conformance`, per Services88 agent: one row per
 * documented page and per WSDL operation, five columns per documented operation.
 */

export const COLUMNS = ["request", "response", "roundTrip", "zeep", "nodeSoap"] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * A difference found in a column. `documentation` when it is the page that departs from the schema;
 * `pinned` when the service's expected lists name it, which is all a passing row may have.
 */
export type Finding = Difference &
  ({ readonly source: "client" } | { readonly source: "documentation"; readonly pinned: boolean });

export type Row =
  | {
      readonly kind: "documented";
      readonly name: string;
      readonly columns: Readonly<Record<Column, readonly Finding[]>>;
    }
  /** An example page for an operation the WSDL does not define; `pinned` when expected.ts lists it. */
  | { readonly kind: "pageWithoutOperation"; readonly name: string; readonly pinned: boolean }
  /** A WSDL operation without an example page; `pinned` when expected.ts lists it. */
  | { readonly kind: "operationWithoutPage"; readonly name: string; readonly pinned: boolean };

/** The fake-fetch client never reaches this host; the node-soap column uses the harness's. */
const OFFLINE_HOST = "http://conformance.invalid";

function operationMeta(service: ServiceUnderTest, name: string): Operation & { output: Message } {
  const operation = getOperation(service.meta, name);
  if (operation.output === undefined) throw new Error(`${service.name}.${name} has no output message`);
  return operation as Operation & { output: Message };
}

/** A page paired with the WSDL operation it documents. */
export interface DocumentedOperation {
  readonly page: DocPage;
  readonly operation: string;
}

/** Pages and operations matched by name; the leftovers on either side. */
export function catalog(
  service: ServiceUnderTest,
  pages: readonly DocPage[] = readPages(service.docsDir),
): {
  documented: DocumentedOperation[];
  pagesWithoutOperation: string[];
  operationsWithoutPage: string[];
} {
  const documented: DocumentedOperation[] = [];
  const pagesWithoutOperation: string[] = [];
  for (const page of pages) {
    if (Object.hasOwn(service.meta.operations, page.name)) documented.push({ page, operation: page.name });
    else pagesWithoutOperation.push(page.name);
  }
  const pageNames = new Set(pages.map((page) => page.name));
  const operationsWithoutPage = Object.keys(service.meta.operations)
    .filter((name) => !pageNames.has(name))
    .sort();
  return { documented, pagesWithoutOperation, operationsWithoutPage };
}

/** An HTTP request the client made through the injected fetch. */
export interface CapturedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A fetch that records the request and answers with the given SOAP envelope. */
export function recordingFetch(answer: string, captured: CapturedRequest[]): typeof fetch {
  return async (input, init) => {
    captured.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === "string" ? init.body : "",
    });
    return new Response(answer, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
  };
}

/** Everything the local columns (request, response, round trip) found and produced for one page. */
export interface LocalCheck {
  readonly page: DocPage;
  readonly operation: string;
  /** The documented request decoded (tolerantly) through the schema tables; undefined when it could not be. */
  readonly request: DecodedMessage | undefined;
  readonly sent: CapturedRequest | undefined;
  readonly response: DecodedMessage | undefined;
  readonly reencodedResponse: string | undefined;
  readonly columns: Pick<Record<Column, Finding[]>, "request" | "response" | "roundTrip">;
}

function fromClient(difference: Difference): Finding {
  return { ...difference, source: "client" };
}

/** A thrown error as a finding; the runtime's messages already name the element path. */
function failure(path: string, error: unknown): Finding {
  return {
    path,
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    source: "client",
  };
}

/** The deviations at an element where the page does not depart from the schema: the client's findings. */
export function unexplainedDeviations(
  deviations: readonly Deviation[],
  documentation: readonly Finding[],
): Finding[] {
  return deviations
    .filter((deviation) => !documentation.some((finding) => `Envelope/${finding.path}` === deviation.path))
    .map((deviation) => ({
      path: deviation.path,
      message: `tolerant decoding accepted ${deviation.kind} ${JSON.stringify(deviation.detail)} where the page follows the schema`,
      source: "client",
    }));
}

/**
 * The local checks of one agent. A page's departures from the schema are the documentation's findings
 * (pinned or not); they do not stop the checks, which run on the tolerant decoding. Each deviation that
 * decoding lists must be one of those departures, and the comparisons are made against the documented
 * payload without the elements decoding read as absent (`withoutTolerated`).
 */
export class LocalChecker {
  private readonly comparer: PayloadComparer;

  constructor(private readonly service: ServiceUnderTest) {
    this.comparer = new PayloadComparer(service.meta);
  }

  private documentationFindings(
    page: string,
    message: "request" | "response",
    meta: Message,
    payload: Payload,
  ): Finding[] {
    const violations = schemaViolations(this.service.meta, meta, payload);
    const findings: Finding[] = violations.map((violation) => ({
      ...violation,
      source: "documentation",
      pinned: this.service.expected.documentationErrors.some(
        (error) =>
          error.page === page &&
          error.message === message &&
          error.path === violation.path &&
          error.statement === violation.message,
      ),
    }));
    // A pin the page no longer bears (the page fixed, or the pin wrong) fails the column too.
    for (const error of this.service.expected.documentationErrors) {
      if (error.page !== page || error.message !== message) continue;
      if (violations.some((v) => v.path === error.path && v.message === error.statement)) continue;
      findings.push({
        path: error.path,
        message: `expected.ts pins ${JSON.stringify(error.statement)} here, which the page does not have`,
        source: "client",
      });
    }
    return findings;
  }

  private comparePayloads(message: Message, expected: Payload, actual: Payload): Finding[] {
    return [
      ...this.comparer.sequence(expected.headers, actual.headers, message.headers, "Header"),
      ...this.comparer.sequence(expected.body, actual.body, message.body, "Body"),
    ].map(fromClient);
  }

  /** The envelope's departure from the WSDL binding, when it is not the one expected.ts pins for every page. */
  private unexpectedEnvelope(xml: string, message: "request" | "response"): Finding[] {
    const found = envelopeDeviations(xml);
    const expected = this.service.expected[`${message}EnvelopeDeviations`];
    return found.join("\n") === expected.join("\n")
      ? []
      : [
          {
            path: "Envelope",
            message: `envelope deviations ${JSON.stringify(found)}, expected.ts pins ${JSON.stringify(expected)}`,
            source: "documentation",
            pinned: false,
          },
        ];
  }

  /** The request, response and round-trip columns for one documented page. */
  async check({ page, operation }: DocumentedOperation): Promise<LocalCheck> {
    const { service } = this;
    const meta = operationMeta(service, operation);
    const documentedRequest = envelopePayload(page.request);
    const documentedResponse = envelopePayload(page.response);
    const columns: LocalCheck["columns"] = { request: [], response: [], roundTrip: [] };
    let request: DecodedMessage | undefined;
    let sent: CapturedRequest | undefined;
    let response: DecodedMessage | undefined;
    let reencodedResponse: string | undefined;

    // request: the documented request, decoded and handed to the client, comes out as documented.
    const requestDocumentation = this.documentationFindings(
      page.name,
      "request",
      meta.input,
      documentedRequest,
    );
    columns.request.push(...requestDocumentation, ...this.unexpectedEnvelope(page.request, "request"));
    if (bodyElementName(page.request) !== page.name) {
      columns.request.push({
        path: "Body",
        message: `the request invokes ${bodyElementName(page.request)}, not ${page.name}`,
        source: "documentation",
        pinned: false,
      });
    } else {
      const captured: CapturedRequest[] = [];
      try {
        request = service.decodeMessage(service.meta, operation, "input", normaliseToWsdl(page.request));
        const client = service.client({
          endpoint: `${OFFLINE_HOST}${service.nodeSoap.path}`,
          fetch: recordingFetch(normaliseToWsdl(page.response), captured),
        });
        await client.call(operation, request);
      } catch (error) {
        // Once the request went out, a failure can only come from reading the documented response,
        // which the response column judges on its own. Before, an unpinned departure of the page
        // explains it; pinned departures are ones tolerant decoding must accept.
        if (captured.length === 0 && !hasUnpinned(requestDocumentation))
          columns.request.push(failure("Envelope", error));
      }
      sent = captured[0];
    }
    if (request !== undefined)
      columns.request.push(...unexplainedDeviations(request.deviations, requestDocumentation));
    if (sent !== undefined && request !== undefined) {
      columns.request.push(...wsdlBindingFindings(sent, meta));
      columns.request.push(
        ...this.comparePayloads(
          meta.input,
          withoutTolerated(documentedRequest, request.deviations),
          envelopePayload(sent.body),
        ),
      );
    }

    // response: the documented response decodes, and every element of it lands in a typed property.
    const responseDocumentation = this.documentationFindings(
      page.name,
      "response",
      meta.output,
      documentedResponse,
    );
    columns.response.push(...responseDocumentation, ...this.unexpectedEnvelope(page.response, "response"));
    try {
      response = service.decodeMessage(service.meta, operation, "output", normaliseToWsdl(page.response));
    } catch (error) {
      if (!hasUnpinned(responseDocumentation)) columns.response.push(failure("Envelope", error));
    }
    let unwritable: Finding | undefined;
    if (response !== undefined) {
      try {
        reencodedResponse = service.encodeMessage(
          service.meta,
          operation,
          "output",
          response.body,
          response.headers,
        );
      } catch (error) {
        unwritable = this.unwritableKey(response, responseDocumentation, error);
        if (unwritable === undefined) columns.response.push(failure("Envelope", error));
      }
    }
    if (response !== undefined && reencodedResponse !== undefined) {
      columns.response.push(...unexplainedDeviations(response.deviations, responseDocumentation));
      const decodable = withoutTolerated(documentedResponse, response.deviations);
      const reencoded = envelopePayload(reencodedResponse);
      const documentedCount = countElements([...decodable.headers, ...decodable.body]);
      const decodedCount = countElements([...reencoded.headers, ...reencoded.body]);
      if (documentedCount !== decodedCount) {
        columns.response.push({
          path: "Envelope",
          message: `${documentedCount} elements documented (less those read as absent), ${decodedCount} kept by the decoded value`,
          source: "client",
        });
      }
      // round trip: re-encoding the decoded response gives the documented payload (less what was
      // read as absent), and decodes to the same value; of the deviations, only kept unknown values remain.
      columns.roundTrip.push(...this.comparePayloads(meta.output, decodable, reencoded));
      const again = service.decodeMessage(service.meta, operation, "output", reencodedResponse);
      columns.roundTrip.push(
        ...diffValues(
          {
            body: response.body,
            headers: response.headers,
            deviations: response.deviations.filter((deviation) => !isReadAsAbsent(deviation)),
          },
          again,
          "decoded",
        ).map(fromClient),
      );
    } else {
      columns.roundTrip.push(
        unwritable ?? { path: "Envelope", message: "no decoded response to re-encode", source: "client" },
      );
    }
    return { page, operation, request, sent, response, reencodedResponse, columns };
  }

  /**
   * Why the decoded response cannot be written back, when that is the documentation's doing: a
   * dictionary key the page leaves empty where its type has no empty value is kept as the key "" (an
   * `emptyValue` deviation at the key), which the encoder, writing only valid values, refuses. The
   * finding is pinned when the page's departure at that key is.
   */
  private unwritableKey(
    response: DecodedMessage,
    documentation: readonly Finding[],
    error: unknown,
  ): Finding | undefined {
    if (!(error instanceof Error) || error.name !== "SoapEncodeError" || !error.message.includes('[""]'))
      return undefined;
    const keys = response.deviations.filter(
      (deviation) => deviation.kind === "emptyValue" && deviation.path.endsWith("/Key"),
    );
    const departures = keys.map((key) =>
      documentation.find((finding) => `Envelope/${finding.path}` === key.path),
    );
    if (keys.length === 0 || departures.some((departure) => departure === undefined)) return undefined;
    return {
      path: "Envelope",
      message: `the empty dictionary key${keys.length > 1 ? "s" : ""} the page gives cannot be written back: ${error.message}`,
      source: "documentation",
      pinned: departures.every((departure) => departure?.source === "documentation" && departure.pinned),
    };
  }
}

function hasUnpinned(documentation: readonly Finding[]): boolean {
  return documentation.some((finding) => finding.source === "documentation" && !finding.pinned);
}

/** The client follows the WSDL's binding: SOAP 1.1 envelope, headers in Header, SOAPAction, text/xml. */
function wsdlBindingFindings(sent: CapturedRequest, meta: OperationMeta): Finding[] {
  const findings: Finding[] = envelopeDeviations(sent.body).map((message) => ({
    path: "Envelope",
    message,
    source: "client",
  }));
  if (sent.headers["soapaction"] !== `"${meta.soapAction}"`) {
    findings.push({
      path: "HTTP SOAPAction",
      message: `expected "${meta.soapAction}", found ${sent.headers["soapaction"]}`,
      source: "client",
    });
  }
  if (sent.headers["content-type"] !== "text/xml; charset=utf-8") {
    findings.push({
      path: "HTTP Content-Type",
      message: `expected text/xml; charset=utf-8, found ${sent.headers["content-type"]}`,
      source: "client",
    });
  }
  return findings;
}

/**
 * The paths (as the library comparison writes them, without `Envelope/`) of the elements tolerant
 * decoding read as absent because of xsi:nil or empty text: where zeep's None is the same reading.
 */
export function toleratedAbsences(deviations: readonly Deviation[]): ReadonlySet<string> {
  return new Set(
    deviations.flatMap((deviation) =>
      TOLERATED_AS_NONE.has(deviation.kind) ? [deviation.path.replace(/^Envelope\//, "")] : [],
    ),
  );
}

/** The zeep quirk mappings (see library.ts), with the absences this message's decoding tolerated. */
function zeepQuirks(deviations: readonly Deviation[]): LibraryQuirks {
  return {
    emptyStringAsNone: true,
    toleratedAsNone: toleratedAbsences(deviations),
    nilArrayAsEmpty: true,
    nilItemAsEmptyObject: true,
    nilItemsArrayAsNull: false,
    nilComplexAsEmpty: false,
    untypedText: false,
    emptyBytesAsNone: true,
    emptyArrayAsNone: true,
  };
}

/**
 * The zeep column: zeep reads the envelope our client sent as the operation's input and gets our
 * request; zeep's readings of the documented request and response equal our decodings of them.
 */
export function zeepFindings(
  service: ServiceUnderTest,
  local: LocalCheck,
  oracle: OracleReading | undefined,
  ourRequest: ZeepRequestReading | undefined,
  counts: QuirkCounts,
): Finding[] {
  const meta = operationMeta(service, local.operation);
  if (local.request === undefined || local.response === undefined)
    return [{ path: "Envelope", message: "nothing decoded to compare with zeep", source: "client" }];
  const comparer = new PayloadComparer(service.meta);
  const findings: Finding[] = [];
  if (ourRequest === undefined)
    findings.push({ path: "Envelope", message: "zeep did not read our request", source: "client" });
  else if (ourRequest.error !== undefined)
    findings.push({
      path: "Envelope",
      message: `zeep cannot read our request: ${ourRequest.error}`,
      source: "client",
    });
  else if (local.sent !== undefined)
    // What was tolerated is not in the request we sent: nothing there to read as None.
    findings.push(
      ...compareReading(
        service.meta,
        meta.input,
        local.request,
        ourRequest,
        zeepQuirks([]),
        counts,
        comparer.elementPaths(meta.input, envelopePayload(local.sent.body)),
      ).map((d) => fromClient({ ...d, path: `our request ${d.path}` })),
    );

  const documentedRequest = oracle?.request;
  const documentedResponse = oracle?.response;
  if (documentedRequest === undefined || documentedResponse === undefined) {
    findings.push({
      path: "Envelope",
      message: `zeep cannot read the documented example: ${oracle?.error ?? "no reading"}`,
      source: "client",
    });
    return findings;
  }
  // An error after both readings is the oracle's last step, zeep writing its own request envelope,
  // which no column compares.
  if (oracle?.error !== undefined) counts.cannotWriteBack++;
  findings.push(
    ...compareReading(
      service.meta,
      meta.input,
      local.request,
      documentedRequest,
      zeepQuirks(local.request.deviations),
      counts,
      comparer.elementPaths(meta.input, envelopePayload(local.page.request)),
    ).map((d) => fromClient({ ...d, path: `documented request ${d.path}` })),
  );
  findings.push(
    ...compareReading(
      service.meta,
      meta.output,
      local.response,
      documentedResponse,
      zeepQuirks(local.response.deviations),
      counts,
      comparer.elementPaths(meta.output, envelopePayload(local.page.response)),
    ).map((d) => fromClient({ ...d, path: `documented response ${d.path}` })),
  );
  return findings;
}

/**
 * The node-soap column, over real HTTP: node-soap routes our request to the operation and parses it
 * into our request's values; our client decodes node-soap's answer (the documented response) into the
 * same value as the documented response, with the same deviations.
 */
export async function nodeSoapFindings(
  service: ServiceUnderTest,
  local: LocalCheck,
  harness: NodeSoapHarness,
  nodeSoapQuirks: QuirkCounts,
): Promise<Finding[]> {
  if (local.request === undefined || local.response === undefined)
    return [{ path: "Envelope", message: "nothing decoded to send to node-soap", source: "client" }];
  const meta = operationMeta(service, local.operation);
  const client: ConformanceClient = service.client({ endpoint: harness.endpoint, timeoutMs: 10_000 });
  const before = harness.received.length;
  let result: Awaited<ReturnType<ConformanceClient["call"]>>;
  try {
    result = await client.call(local.operation, local.request);
  } catch (error) {
    return [failure("HTTP", error)];
  }
  const received = harness.received.slice(before);
  const findings: Finding[] = [];
  const call = received[0];
  if (received.length !== 1 || call === undefined)
    findings.push({ path: "HTTP", message: `node-soap received ${received.length} calls`, source: "client" });
  else {
    if (call.operation !== local.operation)
      findings.push({
        path: "HTTP SOAPAction",
        message: `node-soap routed the request to ${call.operation}`,
        source: "client",
      });
    // Our request leaves out what was tolerated, so node-soap's reading has plain absences only.
    const reading = { header: call.headers, body: call.args };
    const sent = local.sent === undefined ? undefined : envelopePayload(local.sent.body);
    findings.push(
      ...compareReading(
        service.meta,
        meta.input,
        local.request,
        reading,
        {
          ...NO_QUIRKS,
          nilItemsArrayAsNull: true,
          untypedText: true,
          emptyBytesAsNone: true,
          emptyArrayAsNone: true,
        },
        nodeSoapQuirks,
        sent === undefined ? undefined : new PayloadComparer(service.meta).elementPaths(meta.input, sent),
      ).map((d) => fromClient({ ...d, path: `node-soap's reading ${d.path}` })),
    );
  }
  const { body, headers, deviations } = local.response;
  findings.push(
    ...diffValues(
      { body, headers, deviations },
      { body: result.body, headers: result.headers, deviations: result.deviations },
      "result",
    ).map(fromClient),
  );
  return findings;
}

/** The XML content of each documented response's wrapper element, as node-soap is to answer it. */
export function documentedResponseContents(documented: readonly DocumentedOperation[]): Map<string, string> {
  return new Map(
    documented.map(({ page, operation }) => {
      const wrapper = envelopePayload(normaliseToWsdl(page.response)).body[0];
      return [operation, wrapper === undefined ? "" : wrapper.children.map(serializeElement).join("")];
    }),
  );
}

/** The conformance of one agent's generated client. */
export interface ConformanceRun {
  readonly service: string;
  readonly rows: readonly Row[];
  /** Every page's envelope deviations from the WSDL binding, normalised away before decoding. */
  readonly envelopeDeviations: ReadonlyMap<
    string,
    { readonly request: readonly string[]; readonly response: readonly string[] }
  >;
  readonly locals: ReadonlyMap<string, LocalCheck>;
  /** How often each named quirk mapping applied across the zeep column, and across the node-soap column. */
  readonly zeepQuirks: QuirkCounts;
  readonly nodeSoapQuirks: QuirkCounts;
}

type ZeepReadings =
  | { oracle: Map<string, OracleReading>; ourRequests: Map<string, ZeepRequestReading> }
  | { unavailable: string };

/**
 * zeep's readings of the documented pages and of our requests, or why zeep could not run. The pages are
 * read from the moment they are known: `oracle` is started before the local checks, which make our
 * requests, so zeep's start (loading the WSDL, a second or more for the large agents) overlaps them.
 */
async function readWithZeep(
  service: ServiceUnderTest,
  oracle: Promise<Map<string, OracleReading>>,
  locals: readonly LocalCheck[],
): Promise<ZeepReadings> {
  try {
    const [pages, ourRequests] = await Promise.all([
      oracle,
      zeepReadRequests(
        service.wsdlPath,
        locals.flatMap((local) =>
          local.sent === undefined
            ? []
            : [{ id: local.operation, operation: local.operation, envelope: local.sent.body }],
        ),
      ),
    ]);
    return { oracle: pages, ourRequests };
  } catch (error) {
    // No Python or no zeep on this machine: every zeep cell says so rather than the run stopping.
    return { unavailable: `zeep could not run: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Runs every column for every page and operation of one agent: what the report prints and the suite asserts. */
export async function runConformance(
  service: ServiceUnderTest,
  pages: readonly DocPage[] = readPages(service.docsDir),
): Promise<ConformanceRun> {
  const { documented, pagesWithoutOperation, operationsWithoutPage } = catalog(service, pages);
  const oracle = runZeepOracle(
    service.wsdlPath,
    documented.map(({ page }) => page),
  );
  // Its failure is read in readWithZeep; until then it must not count as unhandled.
  oracle.catch(() => undefined);
  const checker = new LocalChecker(service);
  const locals = new Map<string, LocalCheck>();
  for (const entry of documented) locals.set(entry.operation, await checker.check(entry));

  const zeep = await readWithZeep(service, oracle, [...locals.values()]);
  const zeepQuirks = noQuirkCounts();
  const nodeSoapQuirks = noQuirkCounts();
  const harness = await NodeSoapHarness.start(service, documentedResponseContents(documented));
  const rows: Row[] = [];
  try {
    for (const local of locals.values()) {
      rows.push({
        kind: "documented",
        name: local.operation,
        columns: {
          ...local.columns,
          zeep:
            "unavailable" in zeep
              ? [{ path: "zeep", message: zeep.unavailable, source: "client" }]
              : zeepFindings(
                  service,
                  local,
                  zeep.oracle.get(local.page.name),
                  zeep.ourRequests.get(local.operation),
                  zeepQuirks,
                ),
          nodeSoap: await nodeSoapFindings(service, local, harness, nodeSoapQuirks),
        },
      });
    }
  } finally {
    await harness.close();
  }
  const { pagesWithoutOperation: pinnedPages, operationsWithoutPage: pinnedOperations } = service.expected;
  for (const name of pagesWithoutOperation)
    rows.push({ kind: "pageWithoutOperation", name, pinned: pinnedPages.includes(name) });
  for (const name of operationsWithoutPage)
    rows.push({ kind: "operationWithoutPage", name, pinned: pinnedOperations.includes(name) });
  const deviations = new Map(
    pages.map((page) => [
      page.name,
      { request: envelopeDeviations(page.request), response: envelopeDeviations(page.response) },
    ]),
  );
  return { service: service.name, rows, envelopeDeviations: deviations, locals, zeepQuirks, nodeSoapQuirks };
}
