/**
 * The stub against independent SOAP stacks: every documented request (the published example pages) as
 * the stub decodes it equals zeep's reading of the same envelope; zeep's client and node-soap's client,
 * both reading the WSDL from the stub's `?wsdl` and calling it over HTTP on 127.0.0.1, decode the stub's
 * responses (every element populated, from tables.ts) to the values the stub's methods returned.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as soap from "soap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customerServiceTables,
  type CustomerServiceOperations,
} from "../../generated/customer-service/index.js";
import { createCustomerServiceHandler, nodeListener } from "../../generated/customer-service/stub.js";
import type { CustomerServiceHandlers } from "../../generated/customer-service/stub.js";
import { getOperation } from "../../generated/customer-service/runtime/envelope.js";
import { catalog } from "../conformance/conformance.js";
import { normaliseToWsdl } from "../conformance/docs.js";
import { compareReading, NO_QUIRKS, noQuirkCounts } from "../conformance/library.js";
import { CUSTOMER_SERVICE } from "../conformance/services.js";
import { zeepCall, zeepReadRequests } from "../conformance/zeep.js";
import { ValueBuilder } from "../interop/populate.js";

const service = customerServiceTables;
const operations = Object.keys(service.operations) as (keyof CustomerServiceOperations)[];
const WSDL_PATH = CUSTOMER_SERVICE.wsdlPath;
/** node-soap text read with the schema type: 33 Succeeded headers, 128 flag masks. */
const UNTYPED_TEXT = 33 + 128;

/** A stub whose every method records what it got and answers `answers[operation]`. */
function stub(
  answers: ReadonlyMap<string, { body: unknown; headers: object }>,
  received: Map<string, { request: unknown; headers: unknown }>,
) {
  const handlers: Record<string, unknown> = {};
  for (const operation of operations) {
    const method = operation.charAt(0).toLowerCase() + operation.slice(1);
    handlers[method] = (
      request: unknown,
      context: { headers: unknown; setResponseHeaders(h: object): void },
    ) => {
      received.set(operation, { request, headers: context.headers });
      const answer = answers.get(operation);
      if (answer === undefined) return {};
      context.setResponseHeaders(answer.headers);
      return answer.body;
    };
  }
  return createCustomerServiceHandler(handlers as CustomerServiceHandlers, {
    wsdl: readFileSync(WSDL_PATH, "utf8"),
  });
}

describe("every documented request, decoded by the stub, equals zeep's reading of it", async () => {
  const { documented } = catalog(CUSTOMER_SERVICE);
  const received = new Map<string, { request: unknown; headers: unknown }>();
  const handler = stub(new Map(), received);
  const envelopes = documented.map(({ page, operation }) => ({
    id: page.name,
    operation,
    envelope: normaliseToWsdl(page.request),
  }));
  const zeep = await zeepReadRequests(WSDL_PATH, envelopes);
  const counts = noQuirkCounts();

  it("covers the documented operations", () => {
    expect(documented.length).toBe(31);
  });

  it.each(envelopes)("$id", async ({ id, operation, envelope }) => {
    const meta = getOperation(service, operation);
    const response = await handler(
      new Request("http://stub.invalid/CustomerService.svc", {
        method: "POST",
        headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${meta.soapAction}"` },
        body: envelope,
      }),
    );
    expect(response.status).toBe(200);
    const ours = received.get(operation);
    expect(ours).toBeDefined();
    const theirs = zeep.get(id);
    if (theirs === undefined || theirs.error !== undefined) throw new Error(`zeep: ${theirs?.error}`);
    const decoded = { body: ours!.request, headers: ours!.headers as Record<string, unknown> };
    expect(
      compareReading(service, meta.input, decoded, theirs, { ...NO_QUIRKS, emptyStringAsNone: true }, counts),
    ).toEqual([]);
  });
});

/** Every operation's response, every element populated, with populated response headers. */
function populatedAnswers(): Map<string, { body: unknown; headers: Record<string, unknown> }> {
  const values = new ValueBuilder(service);
  const answers = new Map<string, { body: unknown; headers: Record<string, unknown> }>();
  for (const operation of operations) {
    const output = getOperation(service, operation).output!;
    const headers: Record<string, unknown> = {};
    for (const field of output.headers) headers[field.prop ?? field.name] = values.value(field.type);
    headers["Succeeded"] = true;
    answers.set(operation, { body: values.value(output.body[0]!.type), headers });
  }
  return answers;
}

describe("zeep's and node-soap's clients decode the stub's responses over HTTP to the values it sent", () => {
  const answers = populatedAnswers();
  const received = new Map<string, { request: unknown; headers: unknown }>();
  const server = createServer(nodeListener(stub(answers, received)));
  let endpoint = "";
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Remote/Services88/CustomerService.svc`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it("zeep: all 33 operations", async () => {
    const readings = await zeepCall(
      `${endpoint}?wsdl`,
      endpoint,
      operations.map((operation) => ({ id: operation, operation })),
    );
    const counts = noQuirkCounts();
    const disagreements: Record<string, unknown> = {};
    for (const operation of operations) {
      const reading = readings.get(operation);
      const answer = answers.get(operation)!;
      if (reading === undefined || reading.error !== undefined) {
        disagreements[operation] = reading?.error ?? "no reading";
        continue;
      }
      const differences = compareReading(
        service,
        getOperation(service, operation).output!,
        answer,
        reading,
        { ...NO_QUIRKS, emptyStringAsNone: true, nilComplexAsEmpty: true },
        counts,
      );
      if (differences.length > 0) disagreements[operation] = differences;
    }
    expect(disagreements).toEqual({});
    expect(readings.size).toBe(33);
    // The populated ExceptionInfo header's InnerException is nil in all 33 responses; the 5 operations
    // whose response wrapper is empty zeep reads as None.
    expect(counts).toEqual({ ...noQuirkCounts(), nilComplexAsEmpty: 33, emptyWrapperAsNone: 5 });
    // zeep's requests, with no arguments, reached every method.
    expect([...received.keys()].sort()).toEqual([...operations].sort());
  });

  it("node-soap: all 33 operations", async () => {
    const client = await soap.createClientAsync(`${endpoint}?wsdl`, { endpoint });
    const counts = noQuirkCounts();
    const disagreements: Record<string, unknown> = {};
    let agreed = 0;
    for (const operation of operations as (keyof CustomerServiceOperations)[]) {
      const call = (
        client as unknown as Record<string, (args: object) => Promise<[unknown, unknown, unknown]>>
      )[`${operation}Async`]!;
      const [body, , header] = await call.call(client, {});
      const differences = compareReading(
        service,
        getOperation(service, operation).output!,
        answers.get(operation)!,
        { header, body },
        { ...NO_QUIRKS, untypedText: true },
        counts,
      );
      if (differences.length > 0) disagreements[operation] = differences;
      else agreed++;
    }
    expect(disagreements).toEqual({});
    expect(agreed).toBe(33);
    expect(counts.untypedText).toBe(UNTYPED_TEXT);
  });
});
