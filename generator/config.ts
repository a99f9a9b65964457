/** `soapgen.config.json`: the targets `soapgen generate` and `soapgen check` handle when given no --wsdl. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { OperationSelection } from "./combine/index.js";
import type { ImportExtension } from "./format/import-extension.js";
import { SoapgenError } from "./errors.js";

export const CONFIG_FILE = "soapgen.config.json";

export const IMPORT_EXTENSIONS: readonly ImportExtension[] = ["js", "ts", "none"];

export function isImportExtension(value: unknown): value is ImportExtension {
  return IMPORT_EXTENSIONS.some((extension) => extension === value);
}

export interface Target extends OperationSelection {
  /** One WSDL or several, which then share one runtime and one set of schema types. */
  wsdl: string[];
  out: string;
  importExtension?: ImportExtension;
}

const SHAPE = `{"targets": [{"wsdl": "a.wsdl" or ["a.wsdl", "b.wsdl"], "out": "dir", "operations"?: ["Get*"], "excludeOperations"?: ["..."], "importExtension"?: "js" | "ts" | "none"}]}`;

/** Reads the targets; `wsdl` (unless a URL) and `out` are resolved relative to the config file. */
export function readConfig(path: string): Target[] {
  if (!existsSync(path)) {
    throw new SoapgenError({ file: path }, `no config file: pass --wsdl and --out, or create ${CONFIG_FILE}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SoapgenError({ file: path }, `not valid JSON: ${(error as Error).message}`);
  }
  const targets = (parsed as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new SoapgenError({ file: path }, `expected ${SHAPE}`);
  }
  const base = dirname(path);
  return targets.map((target: unknown, i) => {
    const { wsdl, out, operations, excludeOperations, importExtension } = (target ?? {}) as Record<
      string,
      unknown
    >;
    const where = `targets[${i}]`;
    const wsdls = typeof wsdl === "string" ? [wsdl] : wsdl;
    if (!isStringList(wsdls) || wsdls.length === 0 || typeof out !== "string" || out === "") {
      throw new SoapgenError(
        { file: path, where },
        `expected "wsdl" (a string or a non-empty array of strings) and a string "out"`,
      );
    }
    for (const [name, value] of [
      ["operations", operations],
      ["excludeOperations", excludeOperations],
    ] as const) {
      if (value !== undefined && !isStringList(value)) {
        throw new SoapgenError({ file: path, where }, `expected "${name}" to be an array of names or globs`);
      }
    }
    if (importExtension !== undefined && !isImportExtension(importExtension)) {
      throw new SoapgenError({ file: path, where }, `expected "importExtension" to be "js", "ts" or "none"`);
    }
    return {
      wsdl: wsdls.map((location) => (/^https?:\/\//i.test(location) ? location : resolve(base, location))),
      out: resolve(base, out),
      ...(operations === undefined ? {} : { operations: operations as string[] }),
      ...(excludeOperations === undefined ? {} : { excludeOperations: excludeOperations as string[] }),
      ...(importExtension === undefined ? {} : { importExtension }),
    };
  });
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item !== "");
}
