/**
 * Formatting of emitted TypeScript in prettier's layout.
 *
 * Most files are laid out by `layout/` (prettier's docs, printed by prettier's doc printer) and prettier's
 * parser and printer never load. What `layout/` does not model goes to prettier's standalone build, with
 * only the parser TypeScript needs. Both give the same text; SOAPGEN_PRETTIER_ONLY=1 skips the layout
 * (for the benchmark's lever row, or to rule it out).
 */
import type { EmittedCode, Layout } from "./layout/index.js";

export const PRINT_WIDTH = 110;

/**
 * Prettier's `format` with soapgen's options, from prettier's standalone build. The parser is prettier's
 * `babel-ts`: the printer is the same as with its `typescript` parser, and on soapgen's output it loads
 * and runs about a third faster. The tests check that the `typescript` parser leaves every generated
 * file unchanged, so the layout is the one either parser gives.
 */
export async function loadPrettier(): Promise<(source: string) => Promise<string>> {
  const [{ format }, estree, babel] = await Promise.all([
    import("prettier/standalone"),
    import("prettier/plugins/estree"),
    import("prettier/plugins/babel"),
  ]);
  const options = { parser: "babel-ts", printWidth: PRINT_WIDTH, plugins: [estree, babel] };
  return (source) => format(source, options);
}

let layout: Promise<Layout> | undefined;
let prettier: Promise<(source: string) => Promise<string>> | undefined;

/** Formats `imports` (may be empty), a blank line and `body`, the emitter's code as it parsed it. */
export async function formatTypeScript(body: EmittedCode, imports = ""): Promise<string> {
  if (process.env.SOAPGEN_PRETTIER_ONLY !== "1") {
    layout ??= import("./layout/index.js").then(({ loadLayout }) => loadLayout(PRINT_WIDTH));
    const laidOut = (await layout)(body, imports);
    if (laidOut !== undefined) return laidOut;
  }
  prettier ??= loadPrettier();
  return (await prettier)(imports === "" ? body.text : `${imports}\n\n${body.text}`);
}
