/**
 * wsdl/nillable-result.wsdl: an operation whose output element is nillable and of a named type. `xsi:nil`
 * decodes as null, so the method's result (and the stub's) is typed `| null`, and null round-trips
 * through the generated stub as `xsi:nil="true"`.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "soapgen-nillable-result-"));
symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const out = join(dir, "lookup");
await generate({ wsdl: resolve(ROOT, "wsdl/nillable-result.wsdl"), out });

type Client = { findPerson(request: { Id: number }): Promise<unknown> };
const { LookupClient } = (await import(join(out, "index.ts"))) as {
  LookupClient: new (options: { fetch: typeof fetch }) => Client;
};
const { createLookupHandler } = (await import(join(out, "stub.ts"))) as {
  createLookupHandler: (handlers: { findPerson(): unknown }, options: object) => typeof fetch;
};

describe("a nillable result element", () => {
  it("types the method's result, the operations map's and the stub's with | null", () => {
    const module = readFileSync(join(out, "lookup.ts"), "utf8");
    expect(module).toContain("): Promise<FindPersonResponse | null> {");
    expect(module).toContain(
      "FindPerson: { request: FindPersonRequest; response: FindPersonResponse | null };",
    );
    // The stub's method answers the operations map's response, null included.
    const stub = readFileSync(join(out, "lookup.stub.ts"), "utf8");
    expect(stub).toContain('findPerson?: LookupMethod<"FindPerson">;');
    expect(stub).toContain('LookupOperations[K]["response"] | Promise<LookupOperations[K]["response"]>');
  });

  it("round-trips null (xsi:nil) and a value through the stub", async () => {
    const sent: string[] = [];
    let answer: unknown = null;
    const handler = createLookupHandler({ findPerson: () => answer }, { strict: true });
    const recording: typeof fetch = async (input, init) => {
      const response = await handler(input, init);
      sent.push(await response.clone().text());
      return response;
    };
    const client = new LookupClient({ fetch: recording });
    expect(await client.findPerson({ Id: 1 })).toBe(null);
    expect(sent[0]).toMatch(/<ns0:Found [^>]*:nil="true"\/>/);
    answer = { Name: "Ada" };
    expect(await client.findPerson({ Id: 2 })).toEqual({ Name: "Ada" });
  });
});
