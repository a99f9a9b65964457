/**
 * One fuzz case and its checks, shared by properties.test.ts and `npm run fuzz`. A random-schema case
 * renders a random WSDL; a mutation case generates a mutated CustomerService WSDL into a folder that holds
 * the previous output. Either way the generator must produce output (later compiled in a batch) or reject
 * the input with a SoapgenError, within the time bound, never crash, and never inject code; a mutation
 * case must also leave the folder as the complete new output or byte for byte as it was.
 */
import { createHash } from "node:crypto";
import { cpSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  generatedSources,
  injectedCode,
  IsolatedGenerator,
  leftovers,
  snapshot,
  type Outcome,
} from "./harness.js";

export interface CaseResult {
  outcome: Outcome["kind"];
  /** What went wrong, or undefined when the case passed its checks (compilation is checked later). */
  failure?: string;
  /** The generated files, for the compile batch. */
  files?: Map<string, string>;
}

/** Checks common to both kinds of case, on a finished outcome: undefined when it passed them. */
export function checkOutcome(outcome: Outcome): string | undefined {
  if (outcome.kind === "timed out") return "did not finish within the time bound";
  if (outcome.kind === "crashed") return `crashed (not a SoapgenError): ${outcome.message}\n${outcome.stack}`;
  if (outcome.kind === "rejected" && outcome.message.includes("\n"))
    return `error message of more than one line: ${outcome.message}`;
  if (outcome.kind === "generated") {
    for (const [path, text] of generatedSources(outcome.files)) {
      const injected = injectedCode(text);
      if (injected.length > 0) return `code from the WSDL in ${path}: ${injected.join(" ")}`;
    }
  }
  return undefined;
}

export async function runRandomSchemaCase(
  generator: IsolatedGenerator,
  wsdl: string,
  timeoutMs: number,
): Promise<CaseResult> {
  const outcome = await generator.run(wsdl, { timeoutMs });
  const failure = checkOutcome(outcome);
  return {
    outcome: outcome.kind,
    ...(failure === undefined ? {} : { failure }),
    ...(outcome.kind === "generated" ? { files: outcome.files } : {}),
  };
}

/**
 * Generates `wsdl` into `out`, which must hold exactly `previous` (a snapshot; `previousFolder` is its
 * pristine copy). Afterwards the folder is put back to `previous` for the next case.
 */
export async function runMutationCase(
  generator: IsolatedGenerator,
  wsdl: string,
  out: string,
  previous: { folder: string; files: Map<string, string> },
  timeoutMs: number,
): Promise<CaseResult> {
  const outcome = await generator.run(wsdl, { out, timeoutMs });
  const after = snapshot(out);
  let failure = checkOutcome(outcome);
  let files: Map<string, string> | undefined;
  if (failure === undefined && outcome.kind === "rejected" && !sameFiles(after, previous.files)) {
    failure = "rejected, but the previous output was changed";
  } else if (failure === undefined && outcome.kind === "generated") {
    const written = [...outcome.files.keys()].sort();
    if (after === undefined || [...after.keys()].join("\n") !== written.join("\n"))
      failure = "the output folder does not hold exactly the files generated";
    else {
      files = new Map(
        [...after].map(([path, base64]): [string, string] => [
          path,
          Buffer.from(base64, "base64").toString("utf8"),
        ]),
      );
      failure = checkOutcome({ kind: "generated", files });
    }
  }
  if (failure === undefined && leftovers(out).length > 0)
    failure = `left behind: ${leftovers(out).join(", ")}`;
  if (outcome.kind !== "rejected" || failure !== undefined) {
    rmSync(out, { recursive: true, force: true });
    for (const name of leftovers(out)) rmSync(join(dirname(out), name), { recursive: true, force: true });
    cpSync(previous.folder, out, { recursive: true });
  }
  return {
    outcome: outcome.kind,
    ...(failure === undefined ? {} : { failure }),
    ...(files === undefined ? {} : { files }),
  };
}

function sameFiles(a: Map<string, string> | undefined, b: Map<string, string>): boolean {
  return a !== undefined && a.size === b.size && [...a].every(([path, bytes]) => b.get(path) === bytes);
}

/**
 * Outputs to compile, each once: many cases generate the same client (a mutation of text the generator
 * does not read), and compiling one large client costs far more than generating it. The banner line,
 * which names the source, is left out of the comparison.
 */
export class DistinctOutputs {
  private readonly seen = new Set<string>();
  readonly pending = new Map<string, { files: Map<string, string>; label: string }>();

  add(files: Map<string, string>, label: string): void {
    const hash = createHash("sha256");
    for (const [path, text] of generatedSources(files))
      hash.update(`${path}\0${text.slice(text.indexOf("\n") + 1)}\0`);
    const key = hash.digest("hex").slice(0, 16);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.set(`case-${key}`, { files, label });
  }

  /** The pending outputs, handed over for one compile batch. */
  take(): Map<string, { files: Map<string, string>; label: string }> {
    const batch = new Map(this.pending);
    this.pending.clear();
    return batch;
  }
}
