/**
 * The committed output of each construct WSDL in wsdl/: `wsdl/<name>.out/` beside `wsdl/<name>.wsdl`, so a
 * change in emission shows in review. The runtime is left out (the same in every output, and in
 * generated/), and so is the digest (`.soapgen.json`: hashes, not emission).
 *
 * `npm run generate` runs this file to write them again (`npx tsx test/constructs/output.ts` alone);
 * output.test.ts checks them byte for byte.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { render } from "../../generator/generate.js";

const WSDL_DIR = resolve(import.meta.dirname, "../../wsdl");

/** The construct WSDLs: every `.wsdl` directly in wsdl/ (the folders hold multi-file and failure cases). */
export function constructWsdls(): string[] {
  return readdirSync(WSDL_DIR)
    .filter((name) => name.endsWith(".wsdl"))
    .sort();
}

/** Where the output of `wsdl/<name>` is committed. */
export function outputDir(wsdl: string): string {
  return join(WSDL_DIR, wsdl.replace(/\.wsdl$/, ".out"));
}

/** The files of `wsdl/<name>`'s output that are committed, by path relative to its folder. */
export async function constructOutput(wsdl: string): Promise<Map<string, string>> {
  const files = await render(join(WSDL_DIR, wsdl), { onWarning: () => undefined });
  return new Map(
    [...files]
      .filter(([path]) => !path.startsWith("runtime/") && path !== ".soapgen.json")
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The files committed under `dir`, by name; empty when it does not exist. */
export function committedOutput(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
}

/** Writes every construct's output again, removing the folder first so no stale file stays. */
async function writeAll(): Promise<void> {
  for (const wsdl of constructWsdls()) {
    const dir = outputDir(wsdl);
    const files = await constructOutput(wsdl);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
  }
  console.log(`soapgen: wrote the output of ${constructWsdls().length} construct WSDLs to wsdl/*.out`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await writeAll();
