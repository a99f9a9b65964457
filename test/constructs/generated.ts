/** Generates the output of a hand-written WSDL in wsdl/ into a temporary folder and imports it. */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll } from "vitest";
import { generate } from "../../generator/generate.js";

const ROOT = process.cwd();

/** `index.ts` (client, tables, types) and `stub.ts` (the typed stub) of `wsdl/<name>`. */
export async function generated<Index, Stub>(name: string): Promise<{ index: Index; stub: Stub }> {
  const dir = mkdtempSync(join(tmpdir(), "soapgen-construct-"));
  symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  await generate({ wsdl: resolve(ROOT, "wsdl", name), out: join(dir, "out") });
  return {
    index: (await import(join(dir, "out", "index.ts"))) as Index,
    stub: (await import(join(dir, "out", "stub.ts"))) as Stub,
  };
}

export const envelope = (body: string): string =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;
