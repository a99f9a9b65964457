/** The pipeline: load the WSDL into the model, emit the files, format them, write them atomically. */
import { basename } from "node:path";
import { loadServiceModel, TEXT_LOCATION } from "./load/index.js";
import { resolveLocation } from "./load/read.js";
import type { GeneratedFiles } from "./emit/index.js";
import { SoapgenError } from "./errors.js";
import { runtimeDependencyWarning } from "./runtime-dependency.js";
import { recoverInterruptedRuns, staleFiles, writeOutputAtomically } from "./write.js";

/** Where the WSDL comes from: a file path or http(s) URL, or the document itself. */
export type WsdlSource = string | { text: string; name?: string };

export interface GenerateOptions {
  wsdl: WsdlSource;
  /** The output folder. It belongs to soapgen: each run replaces its whole content. */
  out: string;
  /** Time allowed for each URL fetch, in milliseconds (default 30 s). */
  timeoutMs?: number;
}

export interface GenerateResult {
  out: string;
  /** Paths of the written files, relative to `out`. */
  files: string[];
  /** Problems that do not stop generation, one line each: the app's fast-xml-parser dependency. */
  warnings: string[];
}

/** Generates the client for one WSDL into `out`. Throws `SoapgenError` for bad input, writing nothing. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  // First, so that a run which fails still brings back an output a killed run had moved aside.
  recoverInterruptedRuns(options.out);
  const files = await render(options.wsdl, options.timeoutMs);
  writeOutputAtomically(options.out, files);
  const warning = runtimeDependencyWarning(options.out);
  return { out: options.out, files: [...files.keys()], warnings: warning === undefined ? [] : [warning] };
}

/** Paths of the files in `out` that differ from what the WSDL generates now (empty when up to date). */
export async function check(options: GenerateOptions): Promise<string[]> {
  recoverInterruptedRuns(options.out);
  return staleFiles(options.out, await render(options.wsdl, options.timeoutMs));
}

/** The generated files in memory, formatted, by path relative to the output folder. */
export async function render(wsdl: WsdlSource, timeoutMs?: number): Promise<GeneratedFiles> {
  const input =
    typeof wsdl === "string"
      ? { location: wsdl }
      : wsdl.name === undefined
        ? { text: wsdl.text }
        : { text: wsdl.text, location: wsdl.name };
  const model = await loadServiceModel(input, timeoutMs === undefined ? {} : { timeoutMs });
  // Text without a name is reported as the loader reports it, never as a path the user did not give.
  const location = input.location === undefined ? TEXT_LOCATION : resolveLocation(input.location, undefined);
  if (model.ports.length === 0) {
    throw new SoapgenError(
      { file: location },
      "no wsdl:binding with a SOAP 1.1 or 1.2 binding: there is no client to generate",
    );
  }
  // Loaded only now: the emitter's dependencies (ts-morph, prettier) take most of the start-up time, which
  // a WSDL that fails to load need not wait for.
  const { emitFiles } = await import("./emit/index.js");
  return emitFiles(model, sourceName(location));
}

/**
 * The name the banner shows: a file by its base name (so output does not depend on cwd), a URL without
 * its query and fragment (a `?wsdl` or a token there is no part of the service's name).
 */
function sourceName(location: string): string {
  if (!/^https?:\/\//i.test(location)) return basename(location);
  const url = new URL(location);
  url.search = url.hash = "";
  return url.href;
}
