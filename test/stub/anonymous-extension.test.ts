/**
 * wsdl/anonymous-extension.wsdl: an operation's response element whose anonymous type extends a named
 * type. The client module imports the base it extends (strict-compile.test.ts compiles it), the base's
 * `$type` lists only named types, and a response round-trips through the generated stub, derived
 * fields and all.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "soapgen-anonymous-extension-"));
symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const out = join(dir, "reports");
const { files } = await generate({ wsdl: resolve(ROOT, "wsdl/anonymous-extension.wsdl"), out });
const read = async (name: string): Promise<string> =>
  (await import("node:fs/promises")).readFile(join(out, name), "utf8");

type Client = { getReport(request: { Id: number }): Promise<unknown> };
const { ReportsClient } = (await import(join(out, "index.ts"))) as {
  ReportsClient: new (options: { fetch: typeof fetch }) => Client;
};
const { createReportsHandler } = (await import(join(out, "stub.ts"))) as {
  createReportsHandler: (handlers: { getReport(request: unknown): unknown }, options: object) => typeof fetch;
};

describe("an anonymous type extending a named type", () => {
  it("is declared in the client module, which imports its base", async () => {
    expect(files).toContain("reports.ts");
    const module = await read("reports.ts");
    expect(module).toMatch(/^import type \{ GetReportRes \} from "\.\/types\.js";$/m);
    expect(module).toMatch(
      /export interface \w+ extends GetReportRes \{\n.*\n  \$type\?: never;\n  Pages: number;\n\}/,
    );
  });

  it("is not listed in its base's $type, which xsi:type values fill", async () => {
    expect(await read("types.ts")).toContain('$type?: "GetReportRes" | "DetailedReportRes";');
  });

  it("round-trips a response through the stub, base and own fields", async () => {
    const received: unknown[] = [];
    const handler = createReportsHandler(
      {
        getReport: (request) => {
          received.push(request);
          return { Status: "done", Pages: 12 };
        },
      },
      { strict: true },
    );
    const client = new ReportsClient({ fetch: handler });
    expect(await client.getReport({ Id: 7 })).toEqual({ Status: "done", Pages: 12 });
    expect(received).toEqual([{ Id: 7 }]);
  });
});
