/**
 * Generated code must compile in the strictest settings a user may have, not only in ours: the committed
 * CustomerService client and the client of every hand-written WSDL in wsdl/, in one tsc run.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { STRICT_TSCONFIG } from "../safety/harness.js";

const ROOT = process.cwd();
const STRICTEST = { ...STRICT_TSCONFIG, include: ["**/*.ts", resolve(ROOT, "generated/**/*.ts")] };

const dir = mkdtempSync(join(tmpdir(), "soapgen-strict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wsdlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isFile() && entry.name.endsWith(".wsdl") ? [join(folder, entry.name)] : [],
  );
}

it("compiles generated/ and every wsdl/ example under the strictest compiler options", async () => {
  const examples = [...wsdlFiles(resolve(ROOT, "wsdl")), ...wsdlFiles(resolve(ROOT, "wsdl/imports"))];
  expect(examples.length).toBeGreaterThanOrEqual(10);
  for (const wsdl of examples) {
    await generate({ wsdl, out: join(dir, wsdl.slice(ROOT.length + 1).replace(/[/.]/g, "_")) });
  }
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(STRICTEST));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));

  const tsc = resolve(ROOT, "node_modules/.bin/tsc");
  const result = await promisify(execFile)(tsc, ["-p", dir]).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
  );
  expect(result.output).toBe("");
  expect(result.code).toBe(0);
});
