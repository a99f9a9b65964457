/**
 * wsdl/runtime-names.wsdl: names the runtime exports too (a portType `Soap`, a fault `SoapFault`, schema
 * types `CallOptions` and `SoapError`) keep the user's spelling: `SoapClient` in `soap.ts`, not
 * `SoapClient2`. The generated code reaches the runtime's through its namespace, and index.ts and stub.ts
 * export the user's names; the runtime's stay in `./runtime/index.js`.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "soapgen-runtime-names-"));
symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const out = join(dir, "soap");
const { files } = await generate({ wsdl: resolve(ROOT, "wsdl/runtime-names.wsdl"), out });
const read = (name: string): string => readFileSync(join(out, name), "utf8");

type Client = { send(request: object): Promise<unknown> };
const index = (await import(join(out, "index.ts"))) as Record<string, unknown>;
const runtime = (await import(join(out, "runtime/index.ts"))) as Record<string, unknown>;
const stub = (await import(join(out, "stub.ts"))) as {
  createSoapHandler: (handlers: { send(request: unknown): unknown }) => typeof fetch;
};

describe("names the runtime exports too", () => {
  it("are the user's, unnumbered, in a module named after them", () => {
    expect(files.filter((name) => !name.startsWith("runtime/")).sort()).toEqual([
      ".soapgen.json",
      "index.ts",
      "soap.stub.ts",
      "soap.ts",
      "stub.ts",
      "tables.ts",
      "types.ts",
    ]);
    const module = read("soap.ts");
    expect(module).toContain("export class SoapClient {");
    expect(module).toContain(
      "export type SoapClientOptions = Omit<runtime.SoapClientOptions<SoapRequestHeaders>",
    );
    expect(module).toContain("export class SoapFaultError extends runtime.SoapFaultError<SoapError> {");
    expect(module).toContain('import * as runtime from "./runtime/index.js";');
    expect(read("types.ts")).toMatch(/export interface CallOptions \{\n {2}Retries: number;\n\}/);
    expect(read("soap.stub.ts")).toContain("export function createSoapHandler(");
  });

  it("are what index.ts and stub.ts export; the runtime's classes stay in runtime/", async () => {
    expect(index["SoapClient"]).not.toBe(runtime["SoapClient"]);
    expect(index["SoapFaultError"]).not.toBe(runtime["SoapFaultError"]);
    // The user's fault class is still a runtime SoapFaultError, so a catch of either matches it.
    const UserFault = index["SoapFaultError"] as abstract new (...args: never[]) => unknown;
    expect(Object.getPrototypeOf(UserFault)).toBe(runtime["SoapFaultError"]);
    // Runtime names no schema took are exported as before.
    expect(index["SoapHttpError"]).toBe(runtime["SoapHttpError"]);

    const SoapClient = index["SoapClient"] as new (options: { fetch: typeof fetch }) => Client;
    const client = new SoapClient({ fetch: stub.createSoapHandler({ send: () => ({ Accepted: true }) }) });
    expect(await client.send({ Options: { Retries: 2 } })).toEqual({ Accepted: true });
  });
});
