/**
 * Atomic output: files are written to a temporary sibling folder, which replaces the output folder only
 * once everything is written. A failure at any point leaves the previous output as it was, and files of
 * operations that no longer exist disappear with the old folder.
 *
 * A kill between the two renames of the swap leaves the previous output complete in a sibling
 * `<out>.soapgen-old-<pid>` folder instead of `<out>`; the next run puts it back before doing anything
 * else, and removes what killed runs left behind.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { SoapgenError } from "./errors.js";
import { GENERATED_BANNER } from "./lib/banner.js";

const TMP_MARK = ".soapgen-tmp-";
const OLD_MARK = ".soapgen-old-";

export function writeOutputAtomically(out: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(out);
  const tmp = join(parent, `${basename(out)}${TMP_MARK}${process.pid}`);
  const old = join(parent, `${basename(out)}${OLD_MARK}${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    recoverInterruptedRuns(out);
    expectReplaceable(out);
    // Only when present: Node 24's rmSync reports a name that is too long without its error code, where
    // the mkdir below names it (ENAMETOOLONG) on every Node.
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
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
    undoFailedWrite(out, tmp, old);
    if (error instanceof SoapgenError) throw error;
    throw new SoapgenError(
      { file: out },
      `cannot write the output: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Removes a half-written folder and puts the previous output back if the swap had begun. */
function undoFailedWrite(out: string, tmp: string, old: string): void {
  try {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
  } catch {
    // The write error is what gets reported; whatever is left here, the next run recovers.
  }
}

/**
 * Puts back an output folder a killed run had moved aside, and removes the folders killed runs left.
 * Folders of a run that is still going (another soapgen writing the same output) are left alone.
 */
export function recoverInterruptedRuns(out: string): void {
  const parent = dirname(out);
  const prefixes = [`${basename(out)}${TMP_MARK}`, `${basename(out)}${OLD_MARK}`];
  try {
    if (!existsSync(parent) || !statSync(parent).isDirectory()) return;
    for (const name of readdirSync(parent)) {
      const prefix = prefixes.find((p) => name.startsWith(p));
      if (prefix === undefined) continue;
      const pid = Number(name.slice(prefix.length));
      if (pid !== process.pid && isRunning(pid)) continue;
      const path = join(parent, name);
      if (prefix.endsWith(OLD_MARK) && !existsSync(out)) renameSync(path, out);
      else rmSync(path, { recursive: true, force: true });
    }
  } catch (error) {
    throw new SoapgenError(
      { file: out },
      `cannot clean up after an interrupted run: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The output folder is replaced as a whole, so it must be one soapgen wrote (or empty, or absent). */
function expectReplaceable(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new SoapgenError({ file: out }, "the output path exists and is not a folder");
  if (readdirSync(out).length === 0) return;
  const index = join(out, "index.ts");
  if (!existsSync(index) || !readFileSync(index, "utf8").startsWith(GENERATED_BANNER)) {
    throw new SoapgenError(
      { file: out },
      "refusing to replace a folder soapgen did not generate (no index.ts with the soapgen banner): every file in the output folder is replaced; choose an empty or new folder",
    );
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
