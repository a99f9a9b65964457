import {
  CustomerServiceClient,
  customerServiceService,
  decodeMessage,
  encodeMessage,
} from "../../generated/customer-service/index.js";
import type {
  CustomerServiceOperations,
  CustomerServiceRequestHeaders,
  DecodedMessage,
  MessageMeta,
  OperationMeta,
} from "../../generated/customer-service/index.js";
import { serializeElement } from "../../generated/customer-service/runtime/xml.js";
import type { XmlElement } from "../../generated/customer-service/runtime/xml.js";
import { countElements, PayloadComparer } from "./compare.js";
import type { Difference } from "./compare.js";
import { bodyElementName, envelopeDeviations, envelopePayload, normaliseToWsdl, readPages } from "./docs.js";
import type { DocPage } from "./docs.js";
import { OPERATIONS_WITHOUT_PAGE, PAGES_WITHOUT_OPERATION } from "./expected.js";
import { compareReading } from "./library.js";
import type { QuirkCounts } from "./library.js";
import { NodeSoapHarness } from "./node-soap.js";
import { schemaViolations } from "./schema-check.js";
import { diffValues } from "./values.js";
import { runZeepOracle, zeepReadRequests } from "./zeep.js";
import type { OracleReading, ZeepRequestReading } from "./zeep.js";

/**
 * The checks behind both the vitest suite and `npm run conformance`: one row per documented page and
 * per WSDL operation, five columns per documented operation.
 */

export const COLUMNS = ["request", "response", "roundTrip", "zeep", "nodeSoap"] as const;
export type Column = (typeof COLUMNS)[number];

/** A difference found in a column; `documentation` when it is the page that departs from the schema. */
export interface Finding extends Difference {
  readonly source: "client" | "documentation";
}

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

export type OperationName = keyof CustomerServiceOperations;

const service = customerServiceService;
const comparer = new PayloadComparer(service);
/** The fake-fetch client never reaches this address; the node-soap column uses the harness's. */
const OFFLINE_ENDPOINT = "http://conformance.invalid/Remote/Services88/CustomerService.svc";

function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(service.operations, name);
}

function operationMeta(name: OperationName): OperationMeta & { output: MessageMeta } {
  const operation = service.operations[name] as OperationMeta;
  if (operation.output === undefined) throw new Error(`${name} has no output message`);
  return operation as OperationMeta & { output: MessageMeta };
}

/** A page paired with the WSDL operation it documents. */
export interface DocumentedOperation {
  readonly page: DocPage;
  readonly operation: OperationName;
}

/** Pages and operations matched by name; the leftovers on either side. */
export function catalog(pages: readonly DocPage[] = readPages()): {
  documented: DocumentedOperation[];
  pagesWithoutOperation: string[];
  operationsWithoutPage: string[];
} {
  const documented: DocumentedOperation[] = [];
  const pagesWithoutOperation: string[] = [];
  for (const page of pages) {
    if (isOperationName(page.name)) documented.push({ page, operation: page.name });
    else pagesWithoutOperation.push(page.name);
  }
  const pageNames = new Set(pages.map((page) => page.name));
  const operationsWithoutPage = Object.keys(service.operations)
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

/** Calls an operation by its runtime name with a decoded request, as a user of the generated client would. */
export function callOperation(
  client: CustomerServiceClient,
  operation: OperationName,
  request: DecodedMessage,
): ReturnType<CustomerServiceClient["call"]> {
  return client.call(operation, request.body as CustomerServiceOperations[OperationName]["request"], {
    headers: request.headers as CustomerServiceRequestHeaders,
  });
}

/** Everything the local columns (request, response, round trip) found and produced for one page. */
export interface LocalCheck {
  readonly page: DocPage;
  readonly operation: OperationName;
  /** The documented request decoded through the schema tables; undefined when it could not be. */
  readonly request: DecodedMessage | undefined;
  readonly sent: CapturedRequest | undefined;
  readonly response: DecodedMessage | undefined;
  readonly reencodedResponse: string | undefined;
  readonly columns: Pick<Record<Column, Finding[]>, "request" | "response" | "roundTrip">;
}

type Payload = { readonly headers: readonly XmlElement[]; readonly body: readonly XmlElement[] };

function comparePayloads(message: MessageMeta, expected: Payload, actual: Payload): Finding[] {
  return [
    ...comparer.sequence(expected.headers, actual.headers, message.headers, "Header"),
    ...comparer.sequence(expected.body, actual.body, message.body, "Body"),
  ].map(fromClient);
}

function fromClient(difference: Difference): Finding {
  return { ...difference, source: "client" };
}

function fromDocumentation(difference: Difference): Finding {
  return { ...difference, source: "documentation" };
}

/** A thrown error as a finding; the runtime's messages already name the element path. */
function failure(path: string, error: unknown): Finding {
  return {
    path,
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    source: "client",
  };
}

/** The request, response and round-trip columns for one documented page. */
export async function checkLocally({ page, operation }: DocumentedOperation): Promise<LocalCheck> {
  const meta = operationMeta(operation);
  const documentedRequest = envelopePayload(page.request);
  const documentedResponse = envelopePayload(page.response);
  const columns: LocalCheck["columns"] = { request: [], response: [], roundTrip: [] };
  let request: DecodedMessage | undefined;
  let sent: CapturedRequest | undefined;
  let response: DecodedMessage | undefined;
  let reencodedResponse: string | undefined;

  // request: the documented request, decoded and handed to the client, comes out as documented.
  columns.request.push(...schemaViolations(service, meta.input, documentedRequest).map(fromDocumentation));
  if (bodyElementName(page.request) !== page.name) {
    columns.request.push({
      path: "Body",
      message: `the request invokes ${bodyElementName(page.request)}, not ${page.name}`,
      source: "documentation",
    });
  }
  if (columns.request.length === 0) {
    const captured: CapturedRequest[] = [];
    try {
      request = decodeMessage(service, operation, "input", normaliseToWsdl(page.request));
      const client = new CustomerServiceClient({
        endpoint: OFFLINE_ENDPOINT,
        fetch: recordingFetch(normaliseToWsdl(page.response), captured),
      });
      await callOperation(client, operation, request);
    } catch (error) {
      // Once the request went out, a failure can only come from reading the documented response,
      // which the response column judges on its own.
      if (captured.length === 0) columns.request.push(failure("Envelope", error));
    }
    sent = captured[0];
  }
  if (sent !== undefined) {
    columns.request.push(...wsdlBindingFindings(sent, meta));
    columns.request.push(...comparePayloads(meta.input, documentedRequest, envelopePayload(sent.body)));
  }

  // response: the documented response decodes, and every element of it lands in a typed property.
  columns.response.push(...schemaViolations(service, meta.output, documentedResponse).map(fromDocumentation));
  if (columns.response.length === 0) {
    try {
      response = decodeMessage(service, operation, "output", normaliseToWsdl(page.response));
      reencodedResponse = encodeMessage(service, operation, "output", response.body, response.headers);
    } catch (error) {
      columns.response.push(failure("Envelope", error));
    }
  }
  if (response !== undefined && reencodedResponse !== undefined) {
    const reencoded = envelopePayload(reencodedResponse);
    const documentedCount = countElements([...documentedResponse.headers, ...documentedResponse.body]);
    const decodedCount = countElements([...reencoded.headers, ...reencoded.body]);
    if (documentedCount !== decodedCount) {
      columns.response.push({
        path: "Envelope",
        message: `${documentedCount} elements documented, ${decodedCount} kept by the decoded value`,
        source: "client",
      });
    }
    // round trip: re-encoding the decoded response gives the documented payload, and decodes to the same value.
    columns.roundTrip.push(...comparePayloads(meta.output, documentedResponse, reencoded));
    const again = decodeMessage(service, operation, "output", reencodedResponse);
    columns.roundTrip.push(...diffValues(response, again, "decoded").map(fromClient));
  } else {
    columns.roundTrip.push({
      path: "Envelope",
      message: "no decoded response to re-encode",
      source: "client",
    });
  }
  return { page, operation, request, sent, response, reencodedResponse, columns };
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
 * The zeep column: zeep reads the envelope our client sent as the operation's input and gets our
 * request; zeep's readings of the documented request and response equal our decodings of them.
 */
export function zeepFindings(
  local: LocalCheck,
  oracle: OracleReading | undefined,
  ourRequest: ZeepRequestReading | undefined,
  counts: QuirkCounts,
): Finding[] {
  const meta = operationMeta(local.operation);
  const quirks = { emptyStringAsNone: true };
  if (local.request === undefined || local.response === undefined)
    return [{ path: "Envelope", message: "nothing decoded to compare with zeep", source: "client" }];
  const findings: Finding[] = [];
  if (ourRequest === undefined)
    findings.push({ path: "Envelope", message: "zeep did not read our request", source: "client" });
  else if (ourRequest.error !== undefined)
    findings.push({
      path: "Envelope",
      message: `zeep cannot read our request: ${ourRequest.error}`,
      source: "client",
    });
  else
    findings.push(
      ...compareReading(service, meta.input, local.request, ourRequest, quirks, counts).map((d) =>
        fromClient({ ...d, path: `our request ${d.path}` }),
      ),
    );

  if (oracle?.error !== undefined || oracle?.request === undefined || oracle.response === undefined) {
    findings.push({
      path: "Envelope",
      message: `zeep cannot read the documented example: ${oracle?.error ?? "no reading"}`,
      source: "client",
    });
    return findings;
  }
  findings.push(
    ...compareReading(service, meta.input, local.request, oracle.request, quirks, counts).map((d) =>
      fromClient({ ...d, path: `documented request ${d.path}` }),
    ),
  );
  findings.push(
    ...compareReading(service, meta.output, local.response, oracle.response, quirks, counts).map((d) =>
      fromClient({ ...d, path: `documented response ${d.path}` }),
    ),
  );
  return findings;
}

/**
 * The node-soap column, over real HTTP: node-soap routes our request to the operation and parses it
 * into our request's values; our client decodes node-soap's answer (the documented response) into the
 * same value as the documented response.
 */
export async function nodeSoapFindings(local: LocalCheck, harness: NodeSoapHarness): Promise<Finding[]> {
  if (local.request === undefined || local.response === undefined)
    return [{ path: "Envelope", message: "nothing decoded to send to node-soap", source: "client" }];
  const meta = operationMeta(local.operation);
  const client = new CustomerServiceClient({ endpoint: harness.endpoint, timeoutMs: 10_000 });
  const before = harness.received.length;
  let result: Awaited<ReturnType<CustomerServiceClient["call"]>>;
  try {
    result = await callOperation(client, local.operation, local.request);
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
    const reading = { header: call.headers, body: call.args };
    findings.push(
      ...compareReading(
        service,
        meta.input,
        local.request,
        reading,
        { emptyStringAsNone: false },
        { emptyStringAsNone: 0 },
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

export interface ConformanceRun {
  readonly rows: readonly Row[];
  /** Every page's envelope deviations from the WSDL binding, normalised away before decoding. */
  readonly envelopeDeviations: ReadonlyMap<
    string,
    { readonly request: readonly string[]; readonly response: readonly string[] }
  >;
  readonly locals: ReadonlyMap<string, LocalCheck>;
  /** How often each named zeep quirk mapping applied across the zeep column. */
  readonly zeepQuirks: QuirkCounts;
}

/** zeep's readings of the documented pages and of our requests, both in one go; or why zeep could not run. */
async function readWithZeep(
  locals: readonly LocalCheck[],
): Promise<
  | { oracle: Map<string, OracleReading>; ourRequests: Map<string, ZeepRequestReading> }
  | { unavailable: string }
> {
  try {
    const [oracle, ourRequests] = await Promise.all([
      runZeepOracle(locals.map((local) => local.page)),
      zeepReadRequests(
        locals.flatMap((local) =>
          local.sent === undefined
            ? []
            : [{ id: local.operation, operation: local.operation, envelope: local.sent.body }],
        ),
      ),
    ]);
    return { oracle, ourRequests };
  } catch (error) {
    // No Python or no zeep on this machine: every zeep cell says so rather than the run stopping.
    return { unavailable: `zeep could not run: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Runs every column for every page and operation: what the report prints and the suite asserts. */
export async function runConformance(pages: readonly DocPage[] = readPages()): Promise<ConformanceRun> {
  const { documented, pagesWithoutOperation, operationsWithoutPage } = catalog(pages);
  const locals = new Map<string, LocalCheck>();
  for (const entry of documented) locals.set(entry.operation, await checkLocally(entry));

  const zeep = await readWithZeep([...locals.values()]);
  const zeepQuirks: QuirkCounts = { emptyStringAsNone: 0 };
  const harness = await NodeSoapHarness.start(documentedResponseContents(documented));
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
                  local,
                  zeep.oracle.get(local.page.name),
                  zeep.ourRequests.get(local.operation),
                  zeepQuirks,
                ),
          nodeSoap: await nodeSoapFindings(local, harness),
        },
      });
    }
  } finally {
    await harness.close();
  }
  for (const name of pagesWithoutOperation)
    rows.push({ kind: "pageWithoutOperation", name, pinned: PAGES_WITHOUT_OPERATION.includes(name) });
  for (const name of operationsWithoutPage)
    rows.push({ kind: "operationWithoutPage", name, pinned: OPERATIONS_WITHOUT_PAGE.includes(name) });
  const deviations = new Map(
    pages.map((page) => [
      page.name,
      { request: envelopeDeviations(page.request), response: envelopeDeviations(page.response) },
    ]),
  );
  return { rows, envelopeDeviations: deviations, locals, zeepQuirks };
}
