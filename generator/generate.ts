/** The pipeline: load the WSDLs into one model, emit the files, format them, write them atomically. */
import { basename } from "node:path";
import { combineModels, type OperationSelection } from "./combine/index.js";
import { loadServiceModel, TEXT_LOCATION } from "./parse.js";
import { resolveLocation } from "./load/read.js";
import type { GeneratedFiles } from "./emit/index.js";
import { SoapgenError } from "./errors.js";
import { runtimeDependencyWarning } from "./runtime-dependency.js";
import type { ServiceModel } from "./model.js";
import { recoverInterruptedRuns, staleFiles, writeOutputAtomically } from "./write.js";

/** Where a WSDL comes from: a file path or http(s) URL, or the document itself. */
export type WsdlSource = string | { text: string; name?: string };

export interface RenderOptions extends OperationSelection {
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
}

export interface GenerateResult {
  out: string;
  /** Paths of the written files, relative to `out`. */
  files: string[];
  /** Problems that do not stop generation, one line each: the app's fast-xml-parser dependency. */
  warnings: string[];
}

/** Generates the clients of the WSDLs into `out`. Throws `SoapgenError` for bad input, writing nothing. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  // First, so that a run which fails still brings back an output a killed run had moved aside.
  recoverInterruptedRuns(options.out);
  const files = await render(options.wsdl, options);
  writeOutputAtomically(options.out, files);
  const warning = runtimeDependencyWarning(options.out);
  return { out: options.out, files: [...files.keys()], warnings: warning === undefined ? [] : [warning] };
}

/** Paths of the files in `out` that differ from what the WSDLs generate now (empty when up to date). */
export async function check(options: GenerateOptions): Promise<string[]> {
  recoverInterruptedRuns(options.out);
  return staleFiles(options.out, await render(options.wsdl, options));
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
  const loadOptions = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
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
    models.push({ ...model, source: names[i]! });
  }
  const model = combineModels(models, options);
  // Loaded only now: the emitter's dependencies (ts-morph, prettier) take most of the start-up time, which
  // a WSDL that fails to load need not wait for.
  const { emitFiles } = await import("./emit/index.js");
  return emitFiles(model, model.source);
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
