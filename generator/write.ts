/**
 * Atomic output: files are written to a temporary sibling folder, which replaces the output folder only
 * once everything is written. A failure or a kill at any point leaves the previous output as it was, and
 * files of operations that no longer exist disappear with the old folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";

const TMP_MARK = ".soapgen-tmp-";
const OLD_MARK = ".soapgen-old-";

export function writeOutputAtomically(out: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  recoverInterruptedRun(out);
  const tmp = join(parent, `${basename(out)}${TMP_MARK}${process.pid}`);
  const old = join(parent, `${basename(out)}${OLD_MARK}${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, text] of files) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    const hadOutput = existsSync(out);
    if (hadOutput) renameSync(out, old);
    renameSync(tmp, out);
    if (hadOutput) rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** Puts back an output folder a killed run had moved aside, and clears the leftovers of killed runs. */
function recoverInterruptedRun(out: string): void {
  const parent = dirname(out);
  const leftovers = readdirSync(parent).filter(
    (name) => name.startsWith(`${basename(out)}${TMP_MARK}`) || name.startsWith(`${basename(out)}${OLD_MARK}`),
  );
  for (const name of leftovers) {
    const path = join(parent, name);
    if (name.includes(OLD_MARK) && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Files of `out` that differ from `files`: changed, missing, or not generated any more. */
export function staleFiles(out: string, files: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [name, text] of files) {
    const path = join(out, name);
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(path);
  }
  for (const path of listFiles(out)) {
    if (!files.has(relative(out, path).split("\\").join("/"))) stale.push(path);
  }
  return stale.sort();
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}
