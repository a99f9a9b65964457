/**
 * A fault two clients declare (wsdl/shared-fault.wsdl: ResourceUnknownFault of Producer and of
 * SubscriptionManager) is one class, declared once in faults.ts: `instanceof` holds whichever client threw
 * it, and both clients' fault maps name the same class.
 */
import { describe, expect, it } from "vitest";
import { generated } from "./generated.js";

type FaultClass = new (init: object) => Error & { detail: unknown };
type Client = new (options: { fetch: typeof fetch }) => Record<string, (request: object) => Promise<unknown>>;
const { index, stub } = await generated<
  { ResourceUnknownFaultError: FaultClass; ProducerClient: Client; SubscriptionManagerClient: Client },
  {
    createProducerHandler: (handlers: object) => typeof fetch;
    createSubscriptionManagerHandler: (handlers: object) => typeof fetch;
  }
>("shared-fault.wsdl");

const unknown = () => {
  throw new index.ResourceUnknownFaultError({
    code: "Client",
    codeNamespace: "",
    reason: "no such subscription",
    detail: { Resource: "sub-1" },
    status: 500,
  });
};

describe("a fault two clients declare", () => {
  it("is one class that either client throws", async () => {
    const producer = new index.ProducerClient({ fetch: stub.createProducerHandler({ subscribe: unknown }) });
    const manager = new index.SubscriptionManagerClient({
      fetch: stub.createSubscriptionManagerHandler({ renew: unknown }),
    });
    for (const call of [() => producer.subscribe!({ Topic: "t" }), () => manager.renew!({ Id: "sub-1" })]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(index.ResourceUnknownFaultError);
      expect((error as { detail: unknown }).detail).toEqual({ Resource: "sub-1" });
    }
  });

  it("is declared once, in faults.ts, and imported by both client modules", async () => {
    const { render } = await import("../../generator/generate.js");
    const files = await render(`${process.cwd()}/wsdl/shared-fault.wsdl`);
    expect(files.get("faults.ts")).toContain("export class ResourceUnknownFaultError extends SoapFaultError");
    for (const module of ["producer.ts", "subscription-manager.ts"]) {
      expect(files.get(module)).toContain('import { ResourceUnknownFaultError } from "./faults.js";');
      expect(files.get(module)).not.toContain("class ResourceUnknownFaultError");
    }
    expect(files.get("index.ts")).toContain('export * from "./faults.js";');
  });
});
