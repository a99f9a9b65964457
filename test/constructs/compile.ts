/** Type-level checks of a hand-written WSDL's output: a usage file compiled with it under the strictest options. */
import { resolve } from "node:path";
import { render } from "../../generator/generate.js";
import { compileAll } from "../safety/harness.js";

/**
 * tsc's diagnostics for `usage` (a module beside the generated `index.ts`, importing from "./index.js").
 * Its `@ts-expect-error` lines must each meet an error, or tsc reports the directive as unused.
 */
export async function compileUsage(wsdl: string, usage: string): Promise<string[]> {
  const files = new Map(await render(resolve(process.cwd(), "wsdl", wsdl)));
  files.set("usage.ts", usage);
  return (await compileAll(new Map([["case", files]]))).get("case") ?? [];
}
