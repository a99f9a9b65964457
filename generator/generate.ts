/**
 * The pipeline: load the WSDLs into one model, emit the files, format them, write them atomically, with
 * the digest of what they were made from. An output whose digest still matches is left alone.
 */
import { basename } from "node:path";
import type { OperationSelection } from "./combine/index.js";
import { isImportExtension } from "./config.js";
import type { ImportExtension } from "./format/import-extension.js";
import { DEFAULT_TIMEOUT_MS, resolveLocation, TEXT_LOCATION } from "./load/read.js";
import type { GeneratedFiles } from "./format/index.js";
import { DIGEST_FILE, digestText, isUpToDate, type OutputOptions, type RootDocument } from "./digest.js";
import { SoapgenError } from "./errors.js";
import { runtimeDependencyWarning } from "./runtime-dependency.js";
import type { ServiceModel } from "./model.js";
import { recoverInterruptedRuns, staleFiles, writeOutputAtomically } from "./write.js";

/** Where a WSDL comes from: a file path or http(s) URL, or the document itself. */
export type WsdlSource = string | { text: string; name?: string };

export interface RenderOptions extends OperationSelection {
  /**
   * The extension of the output's relative imports: `"js"` (the default: `./types.js`, for tsc's output
   * and NodeNext), `"ts"` (`./types.ts`, for Node's type stripping and TypeScript's
   * `rewriteRelativeImportExtensions`) or `"none"` (`./types`, for bundlers).
   */
  importExtension?: ImportExtension;
  /** Time allowed for each URL fetch, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /**
   * Told each operation left out of the client (notification, solicit-response), one line each
   * (`file:line:column: what`); by default written to stderr as `soapgen: warning: <line>`.
   */
  onWarning?: (warning: string) => void;
}

export interface GenerateOptions extends RenderOptions {
  /** One WSDL, or several whose clients share one runtime and one set of schema types. */
  wsdl: WsdlSource | WsdlSource[];
  /** The output folder. It belongs to soapgen: each run replaces its whole content. */
  out: string;
  /** Regenerate (or, for `check`, compare every file) even when the output's digest matches. */
  force?: boolean;
}

export interface GenerateResult {
  out: string;
  /** Paths of the written files, relative to `out`; none when the output was up to date. */
  files: string[];
  /** The output's digest matched: nothing was written. */
  upToDate: boolean;
  /** Problems that do not stop generation, one line each: the app's fast-xml-parser dependency. */
  warnings: string[];
}

/** Render options with where warnings go decided: the caller's `onWarning`, or stderr. */
export type ResolvedRenderOptions = RenderOptions & Required<Pick<RenderOptions, "onWarning">>;

/** How the files are made: `render`, or the same on a worker thread (the CLI's `renderInWorker`). */
type Renderer = (wsdl: WsdlSource | WsdlSource[], options: ResolvedRenderOptions) => Promise<GeneratedFiles>;

/** Generates the clients of the WSDLs into `out`. Throws `SoapgenError` for bad input, writing nothing. */
export async function generate(
  options: GenerateOptions,
  renderFiles: Renderer = render,
): Promise<GenerateResult> {
  // First, so that a run which fails still brings back an output a killed run had moved aside.
  recoverInterruptedRuns(options.out);
  const warning = runtimeDependencyWarning(options.out);
  const warnings = warning === undefined ? [] : [warning];
  if (await unchanged(options)) return { out: options.out, files: [], upToDate: true, warnings };
  const files = await renderFiles(options.wsdl, withWarnings(options));
  writeOutputAtomically(options.out, files);
  return { out: options.out, files: [...files.keys()], upToDate: false, warnings };
}

/** Paths of the files in `out` that differ from what the WSDLs generate now (empty when up to date). */
export async function check(options: GenerateOptions, renderFiles: Renderer = render): Promise<string[]> {
  recoverInterruptedRuns(options.out);
  if (await unchanged(options)) return [];
  return staleFiles(options.out, await renderFiles(options.wsdl, withWarnings(options)));
}

function unchanged(options: GenerateOptions): Promise<boolean> {
  if (options.force === true) return Promise.resolve(false);
  const sources = Array.isArray(options.wsdl) ? options.wsdl : [options.wsdl];
  return isUpToDate(
    options.out,
    sources.map(rootDocument),
    outputOptions(options),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
}

function rootDocument(wsdl: WsdlSource): RootDocument {
  return typeof wsdl === "string"
    ? { location: wsdl }
    : { text: wsdl.text, location: wsdl.name ?? TEXT_LOCATION };
}

/**
 * The options that change the output besides the documents, as the digest records them; the default
 * import extension is left out, so output generated before the option existed is still up to date.
 */
function outputOptions(options: RenderOptions): OutputOptions {
  return {
    ...(options.operations === undefined ? {} : { operations: [...options.operations] }),
    ...(options.excludeOperations === undefined ? {} : { excludeOperations: [...options.excludeOperations] }),
    ...(options.importExtension === undefined || options.importExtension === "js"
      ? {}
      : { importExtension: options.importExtension }),
  };
}

/** The generated files in memory, formatted, by path relative to the output folder. */
export async function render(
  wsdl: WsdlSource | WsdlSource[],
  options: RenderOptions = {},
): Promise<GeneratedFiles> {
  const sources = Array.isArray(wsdl) ? wsdl : [wsdl];
  // Text without a name is reported as the loader reports it, never as a path the user did not give.
  const inputs = sources.map((source) =>
    typeof source === "string"
      ? { location: source }
      : source.name === undefined
        ? { text: source.text }
        : { text: source.text, location: source.name },
  );
  if (inputs.length === 0) throw new SoapgenError({ file: "input" }, "no WSDL given");
  const importExtension = options.importExtension ?? "js";
  if (!isImportExtension(importExtension)) {
    throw new SoapgenError(
      { file: "options" },
      `importExtension is ${JSON.stringify(importExtension)}; expected "js", "ts" or "none"`,
    );
  }
  // Loaded only here: an output found up to date never needs the XML parser.
  const { loadServiceModel } = await import("./parse.js");
  const documents = new Map<string, string>();
  const onRead = (location: string, text: string): void => void documents.set(location, text);
  const loadOptions = options.timeoutMs === undefined ? { onRead } : { timeoutMs: options.timeoutMs, onRead };
  const names = displayNames(inputs.map((input) => input.location));
  const models: ServiceModel[] = [];
  for (const [i, input] of inputs.entries()) {
    const model = await loadServiceModel(input, loadOptions);
    model.warnings.forEach((warning) => (options.onWarning ?? printWarning)(warning));
    if (model.ports.length === 0) {
      throw new SoapgenError(
        { file: input.location === undefined ? TEXT_LOCATION : resolveLocation(input.location, undefined) },
        "no wsdl:binding with a SOAP 1.1 or 1.2 binding: there is no client to generate",
      );
    }
    // The banner, the merge order and merge errors use this name, so output does not depend on the cwd.
    const source = names[i]!;
    models.push({ ...model, source, ports: model.ports.map((port) => ({ ...port, source })) });
  }
  const { combineModels } = await import("./combine/index.js");
  const model = combineModels(models, options);
  // Loaded only now: the emitter's and the formatter's dependencies (ts-morph, prettier) take most of the
  // start-up time, which a WSDL that fails to load need not wait for.
  const [{ emitFiles }, { formatFiles }] = await Promise.all([
    import("./emit/index.js"),
    import("./format/index.js"),
  ]);
  const files = await formatFiles(emitFiles(model, model.source), importExtension);
  files.set(DIGEST_FILE, digestText(sources.map(rootDocument), outputOptions(options), documents, files));
  return files;
}

function withWarnings(options: RenderOptions): ResolvedRenderOptions {
  return { ...options, onWarning: options.onWarning ?? printWarning };
}

function printWarning(warning: string): void {
  process.stderr.write(`soapgen: warning: ${warning}\n`);
}

/**
 * The name each WSDL is shown by: a URL without its query and fragment (a `?wsdl` or a token there is no
 * part of the service's name), a file by its base name; files of the same base name by their resolved
 * path; unnamed text as `<input>` (`<input 2>`, … when there are several). The same WSDL given twice is an
 * error.
 */
function displayNames(locations: (string | undefined)[]): string[] {
  const resolved = locations.map((location, i) =>
    location === undefined ? `${TEXT_LOCATION} ${i + 1}` : resolveLocation(location, undefined),
  );
  const unnamed = locations.filter((location) => location === undefined).length;
  const short = locations.map((location, i) =>
    location === undefined
      ? unnamed > 1
        ? `<input ${i + 1}>`
        : TEXT_LOCATION
      : /^https?:\/\//i.test(location)
        ? withoutQuery(location)
        : basename(location),
  );
  return locations.map((location, i) => {
    if (resolved.indexOf(resolved[i]!) !== i) {
      throw new SoapgenError({ file: location ?? TEXT_LOCATION }, "the same WSDL is given twice");
    }
    return short.filter((name) => name === short[i]).length > 1 ? resolved[i]! : short[i]!;
  });
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = parsed.hash = "";
  return parsed.href;
}
