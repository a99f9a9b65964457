/**
 * The format stage: the emitted files in prettier's layout. Prettier lays out the code; the tables, most
 * of a client's source, are written in its layout directly (literal.ts); the runtime is copied as it is.
 * Then every relative import gets the output's extension.
 */
import type { EmittedFile, EmittedFiles } from "../emit/emitted.js";
import { type ImportExtension, withImportExtension } from "./import-extension.js";
import { writeTables } from "./literal.js";
import { loadPrettier, PRINT_WIDTH } from "./prettier.js";

/** The generated files, by path relative to the output folder. */
export type GeneratedFiles = Map<string, string>;

/** Prettier's format function, loaded on the first call. */
let loadingFormat: ReturnType<typeof loadPrettier> | undefined;

export async function formatFiles(
  files: EmittedFiles,
  importExtension: ImportExtension,
): Promise<GeneratedFiles> {
  loadingFormat ??= loadPrettier();
  const format = await loadingFormat;
  const formatted: GeneratedFiles = new Map();
  for (const [path, file] of files) {
    formatted.set(path, await withImportExtension(await formatFile(file, format), importExtension, format));
  }
  return formatted;
}

async function formatFile(file: EmittedFile, format: (source: string) => Promise<string>): Promise<string> {
  const tables = file.tables === undefined ? "" : writeTables(file.tables, PRINT_WIDTH);
  // Prettier measures the width of other characters, and unquotes some non-ASCII keys: it lays those out,
  // from tables written flat where it allows (it keeps an object broken that its source breaks).
  if (file.tables !== undefined && /[^\x20-\x7e\n]/.test(tables)) {
    const flat = writeTables(file.tables, Infinity);
    return file.banner + (await format([file.code, flat, file.laidOut ?? ""].join("\n")));
  }
  const code = file.code === "" ? "" : await format(file.code);
  return file.banner + [code, tables, file.laidOut ?? ""].filter((part) => part !== "").join("\n");
}
