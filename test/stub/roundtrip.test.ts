import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CustomerServiceClient,
  customerServiceTables,
  type CustomerServiceOperations,
} from "../../generated/customer-service/index.js";
import { createCustomerServiceHandler, nodeListener } from "../../generated/customer-service/stub.js";
// The stubs' types come from index.ts too (it re-exports them as types only).
import type { CustomerServiceHandlers, SoapHandler } from "../../generated/customer-service/index.js";
import { ValueArbitraries } from "./arbitraries.js";

const operations = Object.keys(customerServiceTables.operations) as (keyof CustomerServiceOperations)[];
const values = new ValueArbitraries(customerServiceTables);
const client = (fetch: typeof globalThis.fetch, endpoint = "http://stub.invalid/CustomerService.svc") =>
  new CustomerServiceClient({ endpoint, fetch, strict: true });

/** What the stub's method received and what it answered, to compare with what the client sent and got. */
interface Exchange {
  request?: unknown;
  headers?: unknown;
  answer: { body: Record<string, unknown>; headers: Record<string, unknown> };
}

/** A stub whose every method records its call and answers `exchange.answer`. */
function recordingStub(exchange: { current: Exchange | undefined }): SoapHandler {
  const client = new CustomerServiceClient();
  const handlers: Record<string, unknown> = {};
  for (const operation of operations) {
    const method = methodOf(client, operation);
    handlers[method] = (
      request: unknown,
      context: { headers: unknown; setResponseHeaders(h: object): void },
    ) => {
      const current = exchange.current as Exchange;
      current.request = request;
      current.headers = context.headers;
      context.setResponseHeaders(current.answer.headers);
      return current.answer.body;
    };
  }
  return createCustomerServiceHandler(handlers as CustomerServiceHandlers, { strict: true });
}

/** The client method an operation has: the generated stub's methods carry the same names. */
function methodOf(client: CustomerServiceClient, operation: string): string {
  const name = operation.charAt(0).toLowerCase() + operation.slice(1);
  if (typeof (client as unknown as Record<string, unknown>)[name] !== "function")
    throw new Error(`no client method ${name}`);
  return name;
}

async function roundTrip(
  call: (
    operation: keyof CustomerServiceOperations,
    request: object,
    headers: object,
  ) => Promise<{ body: unknown; headers: unknown }>,
  exchange: { current: Exchange | undefined },
  operation: keyof CustomerServiceOperations,
  runs: number,
): Promise<number> {
  let count = 0;
  await fc.assert(
    fc.asyncProperty(
      values.body(operation, "input"),
      values.headers(operation, "input"),
      values.body(operation, "output"),
      // Succeeded=false is the failure path (failures.test.ts); the stub sends true when it is left out.
      values
        .headers(operation, "output")
        .map(({ Succeeded, ...rest }) => (Succeeded === undefined ? rest : { ...rest, Succeeded: true })),
      async (request, requestHeaders, body, responseHeaders) => {
        exchange.current = { answer: { body, headers: responseHeaders } };
        const result = await call(operation, request, requestHeaders);
        expect(exchange.current.request).toEqual(request);
        expect(exchange.current.headers).toEqual(requestHeaders);
        expect(result.body).toEqual(body);
        expect(result.headers).toEqual({ Succeeded: true, ...responseHeaders });
        count++;
      },
    ),
    { numRuns: runs, seed: 11 },
  );
  return count;
}

describe("client ↔ stub round trip over every CustomerService operation (fast-check, generated values)", () => {
  it("has 33 operations to cover", () => {
    expect(operations).toHaveLength(33);
  });

  describe("in process: the handler is the client's fetch", () => {
    const exchange: { current: Exchange | undefined } = { current: undefined };
    const crm = client(recordingStub(exchange));
    it.each(operations)("%s", async (operation) => {
      const count = await roundTrip(
        (op, request, headers) => crm.call(op, request as never, { headers }),
        exchange,
        operation,
        40,
      );
      expect(count).toBe(40);
    });
  });

  describe("over node:http on 127.0.0.1", () => {
    const exchange: { current: Exchange | undefined } = { current: undefined };
    const server = createServer(nodeListener(recordingStub(exchange)));
    let crm: CustomerServiceClient;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      crm = client(globalThis.fetch, `http://127.0.0.1:${port}/Remote/Services88/CustomerService.svc`);
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    it.each(operations)("%s", async (operation) => {
      const count = await roundTrip(
        (op, request, headers) => crm.call(op, request as never, { headers }),
        exchange,
        operation,
        8,
      );
      expect(count).toBe(8);
    });
  });
});
