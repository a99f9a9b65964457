/**
 * The pipeline: load the WSDL into the model, emit the files, format them, write them atomically, with the
 * digest of what they were made from. An output whose digest still matches is left alone.
 */
import { basename } from "node:path";
import { DEFAULT_TIMEOUT_MS, resolveLocation } from "./load/read.js";
import type { GeneratedFiles } from "./emit/index.js";
import { DIGEST_FILE, digestText, isUpToDate, type RootDocument } from "./digest.js";
import { SoapgenError } from "./errors.js";
import { recoverInterruptedRuns, staleFiles, writeOutputAtomically } from "./write.js";

/** Where the WSDL comes from: a file path or http(s) URL, or the document itself. */
export type WsdlSource = string | { text: string; name?: string };

export interface GenerateOptions {
  wsdl: WsdlSource;
  /** The output folder. It belongs to soapgen: each run replaces its whole content. */
  out: string;
  /** Time allowed for each URL fetch, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Regenerate (or, for `check`, compare every file) even when the output's digest matches. */
  force?: boolean;
}

export interface GenerateResult {
  out: string;
  /** Paths of the written files, relative to `out`; none when the output was up to date. */
  files: string[];
  /** The output's digest matched: nothing was written. */
  upToDate: boolean;
}

/** Generates the client for one WSDL into `out`. Throws `SoapgenError` for bad input, writing nothing. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  // First, so that a run which fails still brings back an output a killed run had moved aside.
  recoverInterruptedRuns(options.out);
  if (await unchanged(options)) return { out: options.out, files: [], upToDate: true };
  const files = await render(options.wsdl, options.timeoutMs);
  writeOutputAtomically(options.out, files);
  return { out: options.out, files: [...files.keys()], upToDate: false };
}

/** Paths of the files in `out` that differ from what the WSDL generates now (empty when up to date). */
export async function check(options: GenerateOptions): Promise<string[]> {
  recoverInterruptedRuns(options.out);
  if (await unchanged(options)) return [];
  return staleFiles(options.out, await render(options.wsdl, options.timeoutMs));
}

function unchanged(options: GenerateOptions): Promise<boolean> {
  if (options.force === true) return Promise.resolve(false);
  return isUpToDate(options.out, [rootDocument(options.wsdl)], options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

function rootDocument(wsdl: WsdlSource): RootDocument {
  return typeof wsdl === "string" ? { location: wsdl } : { text: wsdl.text, location: wsdl.name ?? "wsdl" };
}

/** The generated files in memory, formatted, by path relative to the output folder. */
export async function render(wsdl: WsdlSource, timeoutMs?: number): Promise<GeneratedFiles> {
  const input =
    typeof wsdl === "string" ? { location: wsdl } : { text: wsdl.text, location: wsdl.name ?? "wsdl" };
  // With SOAPGEN_FORMAT_WORKER=1, prettier warms up in a worker while this thread parses and loads ts-morph.
  (await import("./format.js")).startFormatter();
  // Loaded only here: an output found up to date never needs the XML parser.
  const { loadServiceModel } = await import("./load/index.js");
  const documents = new Map<string, string>();
  const onRead = (location: string, text: string): void => void documents.set(location, text);
  const model = await loadServiceModel(input, timeoutMs === undefined ? { onRead } : { timeoutMs, onRead });
  if (model.ports.length === 0) {
    throw new SoapgenError(
      { file: resolveLocation(input.location, undefined) },
      "no wsdl:binding with a SOAP 1.1 or 1.2 binding: there is no client to generate",
    );
  }
  // Loaded only now: the emitter's dependencies (ts-morph, prettier) take most of the start-up time, which
  // a WSDL that fails to load need not wait for.
  const { emitFiles } = await import("./emit/index.js");
  const files = await emitFiles(model, sourceName(input.location));
  files.set(DIGEST_FILE, digestText([rootDocument(wsdl)], documents, files));
  return files;
}

/** The name the banner shows: a URL as is, a file by its base name (so output does not depend on cwd). */
function sourceName(location: string): string {
  return /^https?:\/\//i.test(location) ? location : basename(location);
}
