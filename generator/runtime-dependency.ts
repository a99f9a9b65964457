/**
 * The generated client imports fast-xml-parser at run time, so the app holding the output must depend on it
 * itself: soapgen is usually a dev dependency, absent from an `npm ci --omit=dev` install. Looked up in the
 * package.json nearest the output folder; a problem is a warning, never an error.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

/** The fast-xml-parser versions the runtime is tested with (4.0.9 brought `transformTagName`). */
export const FAST_XML_PARSER_RANGE = ">=4.0.9 <6.0.0";

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** One line describing what is wrong with the app's fast-xml-parser dependency, or undefined. */
export function runtimeDependencyWarning(out: string): string | undefined {
  const path = nearestPackageJson(out);
  if (path === undefined) return undefined;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return undefined; // npm reports a broken package.json far better than this warning could.
  }
  const needs = `the generated client imports it at run time (supported: ${FAST_XML_PARSER_RANGE})`;
  const spec = manifest.dependencies?.["fast-xml-parser"];
  if (spec === undefined) {
    const inDev = manifest.devDependencies?.["fast-xml-parser"] !== undefined;
    return `${path}: fast-xml-parser is ${inDev ? 'only in "devDependencies", which `npm ci --omit=dev` leaves out' : 'not in "dependencies"'}; ${needs}`;
  }
  // `npm:fast-xml-parser@^5` aliases carry the range after the name; tags, git and file specs say no range.
  // Loaded only when there is a range to judge: an up-to-date run should not pay for it.
  const semver = createRequire(import.meta.url)("semver") as typeof import("semver");
  const range = semver.validRange(spec.replace(/^npm:fast-xml-parser@/, ""));
  if (range === null || semver.subset(range, FAST_XML_PARSER_RANGE)) return undefined;
  return `${path}: fast-xml-parser "${spec}" allows versions outside the supported range; ${needs}`;
}

function nearestPackageJson(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, "package.json");
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}
