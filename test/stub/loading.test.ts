/**
 * Only what an app imports is loaded: the generated index.ts re-exports the stubs' types only, so a
 * client alone never loads runtime/server.ts or a `*.stub.ts` module; stub.ts loads them. Measured in a
 * Node process of its own that records every module it loads.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "soapgen-loads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The generated files a fresh process loads to import `entry` (a path under generated/). */
async function loadedBy(entry: string): Promise<string[]> {
  const log = join(dir, entry.replace(/\W/g, "_"));
  const recorder = resolve(ROOT, "test/stub/record-loads.mjs");
  const script = `await import(${JSON.stringify(resolve(ROOT, "generated", entry))});`;
  await promisify(execFile)(
    process.execPath,
    ["--import", recorder, "--import", "tsx", "--input-type=module", "-e", script],
    {
      cwd: ROOT,
      env: { ...process.env, SOAPGEN_LOAD_LOG: log },
    },
  );
  const prefix = `file://${resolve(ROOT, "generated")}/`;
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.startsWith(prefix))
    .map((url) => url.slice(prefix.length))
    .sort();
}

describe("a client alone does not load the stub", () => {
  it.each(["customer-service", "superoffice"])(
    "%s/index.ts loads no stub module and not runtime/server.ts",
    async (output) => {
      const loaded = await loadedBy(`${output}/index.ts`);
      expect(loaded).toContain(`${output}/customer-service.ts`);
      expect(loaded).toContain(`${output}/runtime/client.ts`);
      expect(loaded.filter((file) => file.includes("stub") || file.endsWith("/server.ts"))).toEqual([]);
    },
  );

  it.each(["customer-service", "superoffice"])("%s/stub.ts loads them", async (output) => {
    const loaded = await loadedBy(`${output}/stub.ts`);
    expect(loaded).toContain(`${output}/runtime/server.ts`);
    expect(loaded).toContain(`${output}/customer-service.stub.ts`);
  });
});
