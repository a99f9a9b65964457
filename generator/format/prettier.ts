/** Prettier, as the format stage runs it: its standalone build, with only the parser TypeScript needs. */

export const PRINT_WIDTH = 110;

/**
 * Prettier's `format` with soapgen's options. The parser is prettier's `babel-ts`: the printer is the
 * same as with its `typescript` parser, and on soapgen's output it loads and runs about a third faster.
 * The tests check that the `typescript` parser leaves every generated file unchanged, so the layout is
 * the one either parser gives.
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
