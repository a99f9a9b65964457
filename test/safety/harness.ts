/**
 * Shared by the safety tests and `npm run fuzz`: running the built CLI, snapshotting output folders,
 * compiling many generated clients in one strict tsc run, finding code outside comments and string
 * literals, and generating in a worker thread that can be stopped when a case hangs.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { ts } from "ts-morph";

export const ROOT = process.cwd();
export const CLI = resolve(ROOT, "dist/generator/cli.js");
export const CUSTOMER_SERVICE_WSDL = resolve(
  ROOT,
  "../shared/superoffice-docs/Services88/Services88-CustomerService.wsdl",
);

/** A fresh temporary folder; the caller removes it. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `soapgen-${label}-`));
}

/**
 * Builds dist/ when a generator source is newer than its compiled file. `npm test` and `npm run fuzz`
 * build first, so this only builds when the tests run alone after an edit; a lock folder keeps two test
 * files from writing dist/ at once (the second waits, then finds it fresh).
 */
export async function ensureBuilt(): Promise<void> {
  const stale = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return stale(path);
      if (!entry.name.endsWith(".ts")) return false;
      const built = resolve(ROOT, "dist", relative(ROOT, path).replace(/\.ts$/, ".js"));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(path).mtimeMs;
    });
  const lock = join(tmpdir(), `soapgen-build-${Buffer.from(ROOT).toString("hex").slice(-32)}.lock`);
  const giveUpAt = Date.now() + 120_000;
  for (;;) {
    if (!stale(resolve(ROOT, "generator"))) return;
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building: wait for it, unless it died holding the lock.
      if (Date.now() < giveUpAt) {
        await new Promise((done) => setTimeout(done, 200));
        continue;
      }
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    try {
      await promisify(execFile)("npm", ["run", "-s", "build"], { cwd: ROOT });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `soapgen <args>` from dist/ (`nodeArgs` go to node itself, e.g. `--import` a fault injector). */
export function startCli(
  args: string[],
  nodeArgs: string[] = [],
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolveRun({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: string[], nodeArgs: string[] = []): Promise<CliRun> {
  return startCli(args, nodeArgs).done;
}

/** Every file under `dir` by relative path, with its exact bytes (undefined when `dir` does not exist). */
export function snapshot(dir: string): Map<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path).toString("base64"));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A files map (as `render` returns) in the form `snapshot` gives, for comparing the two. */
export function asSnapshot(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(
    [...files]
      .map(([name, text]): [string, string] => [name, Buffer.from(text).toString("base64")])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** Names next to `out` that a soapgen run left behind (its temporary and moved-aside folders). */
export function leftovers(out: string): string[] {
  const parent = dirname(out);
  if (!existsSync(parent)) return [];
  const base = out.slice(parent.length + 1);
  return readdirSync(parent).filter((name) => name.startsWith(`${base}.soapgen-`));
}

/** The compiler options users may have: the project's strict settings and every stricter check. */
export const STRICT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noPropertyAccessFromIndexSignature: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    types: ["node"],
    noEmit: true,
  },
  include: ["**/*.ts"],
};

/**
 * Compiles every case (a generated files map) in one tsc run under STRICT_TSCONFIG and returns the
 * diagnostics of each case by name (an empty list when it compiled). The runtime is the same in every
 * output, so it is written once and each case links to it; case names must be usable as folder names.
 */
export async function compileAll(
  cases: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Promise<Map<string, string[]>> {
  const dir = tempDir("tsc");
  try {
    let runtimeWritten = false;
    for (const [name, files] of cases) {
      for (const [path, text] of files) {
        if (path.startsWith("runtime/")) {
          if (runtimeWritten) continue;
          mkdirSync(join(dir, "runtime"), { recursive: true });
          writeFileSync(join(dir, path), text);
        } else {
          mkdirSync(dirname(join(dir, name, path)), { recursive: true });
          writeFileSync(join(dir, name, path), text);
        }
      }
      runtimeWritten ||= [...files.keys()].some((path) => path.startsWith("runtime/"));
      symlinkSync(join(dir, "runtime"), join(dir, name, "runtime"));
    }
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(STRICT_TSCONFIG));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
    const output = await promisify(execFile)(resolve(ROOT, "node_modules/.bin/tsc"), ["-p", "."], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    const diagnostics = new Map<string, string[]>([...cases.keys()].map((name) => [name, []]));
    let targets: string[] = [];
    for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
      // An indented line continues the diagnostic before it; one in no case's folder (the runtime, the
      // config) is charged to every case.
      if (!/^\s/.test(line)) {
        const owner = line.split("/")[0]!;
        targets = diagnostics.has(owner) ? [owner] : [...diagnostics.keys()];
      }
      for (const target of targets) diagnostics.get(target)!.push(line);
    }
    return diagnostics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The code tokens of `source`: everything but comments and string literals, as the TypeScript scanner
 * reads it. Generated code has no template literals or regular expressions, so a backtick is returned as
 * a token of its own rather than scanned, which would need the parser's context.
 */
export function codeTokens(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  const tokens: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    switch (token) {
      case ts.SyntaxKind.SingleLineCommentTrivia:
      case ts.SyntaxKind.MultiLineCommentTrivia:
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.WhitespaceTrivia:
      case ts.SyntaxKind.NewLineTrivia:
        break;
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
        tokens.push("`");
        break;
      default:
        tokens.push(scanner.getTokenText());
    }
  }
  return tokens;
}

/**
 * Code in `source` that came from a payload: every payload calls a function whose name starts with
 * PWNED, so an identifier starting so (or a template literal) is text that escaped its comment or string.
 * Names the generator makes from such text (`ns___PWNED_`) start otherwise.
 */
export function injectedCode(source: string): string[] {
  return codeTokens(source).filter((token) => token.startsWith("PWNED") || token === "`");
}

/** The generated TypeScript of an output (the runtime is not generated from the WSDL: it is a copy). */
export function generatedSources(files: ReadonlyMap<string, string>): [string, string][] {
  return [...files].filter(([path]) => !path.startsWith("runtime/"));
}

export type Outcome =
  | { kind: "generated"; files: Map<string, string> }
  | { kind: "rejected"; message: string }
  | { kind: "crashed"; message: string; stack: string }
  | { kind: "timed out" };

interface WorkerReply {
  id: number;
  kind: "generated" | "rejected" | "crashed";
  files?: [string, string][];
  message?: string;
  stack?: string;
}

/**
 * Runs the built generator (dist/) in a worker thread, one case at a time. A case that takes longer than
 * its time bound is stopped by terminating the worker, which ends even a synchronous loop; the next case
 * gets a new worker.
 */
export class IsolatedGenerator {
  private worker: Worker | undefined;
  private nextId = 0;

  /**
   * `render` the WSDL text, or with `out`, `generate` into that folder; then `files` lists the paths
   * written, with empty texts (the folder has them).
   */
  async run(text: string, options: { out?: string; name?: string; timeoutMs: number }): Promise<Outcome> {
    const worker = (this.worker ??= new Worker(new URL("./generate-worker.mjs", import.meta.url)));
    const id = this.nextId++;
    return new Promise<Outcome>((resolveOutcome) => {
      const finish = (outcome: Outcome): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        resolveOutcome(outcome);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== id) return;
        if (reply.kind === "generated") finish({ kind: "generated", files: new Map(reply.files) });
        else if (reply.kind === "rejected") finish({ kind: "rejected", message: reply.message ?? "" });
        else finish({ kind: "crashed", message: reply.message ?? "", stack: reply.stack ?? "" });
      };
      // An error the generator did not catch kills the worker: that is a crash of this case.
      const onError = (error: Error): void => {
        this.worker = undefined;
        finish({ kind: "crashed", message: error.message, stack: error.stack ?? "" });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        void worker.terminate();
        finish({ kind: "timed out" });
      }, options.timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, text, out: options.out, name: options.name });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** The CustomerService WSDL with its portType and binding repeated `copies` times: the same schema, more client. */
export function replicatedCustomerService(copies: number): string {
  const text = readFileSync(CUSTOMER_SERVICE_WSDL, "utf8");
  const bound = /<wsdl:portType name="CustomerService">[\s\S]*?<\/wsdl:binding>/.exec(text);
  if (!bound) throw new Error("CustomerService WSDL layout changed: no portType followed by its binding");
  const copiesText = Array.from({ length: copies }, (_, i) =>
    bound[0]
      .replace('<wsdl:portType name="CustomerService">', `<wsdl:portType name="CustomerService${i}">`)
      .replace(
        'name="BasicHttpBinding_CustomerService" type="tns:CustomerService"',
        `name="Binding${i}" type="tns:CustomerService${i}"`,
      ),
  );
  return text.replace("<wsdl:service ", `${copiesText.join("\n")}\n<wsdl:service `);
}
