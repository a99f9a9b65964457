/** `soapgen.config.json`: the targets `soapgen generate` and `soapgen check` handle when given no --wsdl. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SoapgenError } from "./errors.js";

export const CONFIG_FILE = "soapgen.config.json";

export interface Target {
  wsdl: string;
  out: string;
}

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
    throw new SoapgenError({ file: path }, `expected {"targets": [{"wsdl": "...", "out": "..."}]}`);
  }
  const base = dirname(path);
  return targets.map((target: unknown, i) => {
    const { wsdl, out } = (target ?? {}) as { wsdl?: unknown; out?: unknown };
    if (typeof wsdl !== "string" || typeof out !== "string" || wsdl === "" || out === "") {
      throw new SoapgenError(
        { file: path, where: `targets[${i}]` },
        `expected string properties "wsdl" and "out"`,
      );
    }
    return { wsdl: /^https?:\/\//i.test(wsdl) ? wsdl : resolve(base, wsdl), out: resolve(base, out) };
  });
}
