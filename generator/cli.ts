#!/usr/bin/env node
/**
 * The `soapgen` command. Bad input prints one line naming the problem and exits 1; --verbose adds the stack.
 *
 * Start-up is most of a run, so this module imports only small ones: the generator, and yargs (for help,
 * version and usage errors), are loaded when a path needs them.
 */
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONFIG_FILE, IMPORT_EXTENSIONS, readConfig, type Target } from "./config.js";
import type { ImportExtension } from "./format/import-extension.js";
import { oneLine, SoapgenError } from "./errors.js";
import { enableCompileCache } from "./lib/compile-cache.js";

// Before the generator and its libraries are loaded, which is most of a cold run.
enableCompileCache();

interface Args {
  wsdl?: string[];
  out?: string;
  operations?: string[];
  excludeOperations?: string[];
  importExtension?: ImportExtension;
  config?: string;
  timeout: number;
  verbose: boolean;
  quiet: boolean;
  force: boolean;
}

function targets(args: Args): Target[] {
  if (args.wsdl === undefined && args.out === undefined) {
    if (args.operations || args.excludeOperations || args.importExtension) {
      throw new SoapgenError(
        { file: "command line" },
        "--operations, --exclude-operations and --import-extension need --wsdl and --out (in the config file, give them per target)",
      );
    }
    return readConfig(resolve(args.config ?? CONFIG_FILE));
  }
  if (args.wsdl === undefined || args.out === undefined) {
    throw new SoapgenError(
      { file: "command line" },
      "--wsdl and --out go together (or give neither to use the config file)",
    );
  }
  return [
    {
      wsdl: args.wsdl,
      out: resolve(args.out),
      ...(args.operations ? { operations: patterns(args.operations) } : {}),
      ...(args.excludeOperations ? { excludeOperations: patterns(args.excludeOperations) } : {}),
      ...(args.importExtension ? { importExtension: args.importExtension } : {}),
    },
  ];
}

/** `--operations A --operations 'Get*'` and `--operations A,Get*` alike. */
function patterns(values: string[]): string[] {
  return values.flatMap((value) => value.split(",")).filter((pattern) => pattern !== "");
}

const shown = (path: string): string => relative(process.cwd(), path) || ".";

// The generator (ts-morph, prettier) is loaded on demand: after the handlers below are in place, so even a
// failure while loading it is reported in one line, and without slowing down --help and --version.
async function runGenerate(args: Args): Promise<number> {
  const [{ generate }, { renderInWorker }] = await Promise.all([
    import("./generate.js"),
    import("./render-worker.js"),
  ]);
  for (const target of targets(args)) {
    const started = performance.now();
    const result = await generate({ ...target, timeoutMs: args.timeout, force: args.force }, renderInWorker);
    const ms = Math.round(performance.now() - started);
    if (args.quiet) continue;
    if (result.upToDate) console.log(`soapgen: ${shown(result.out)} is up to date`);
    else console.log(`soapgen: wrote ${result.files.length} files to ${shown(result.out)} in ${ms} ms`);
    for (const warning of result.warnings) console.error(`soapgen: warning: ${warning}`);
  }
  return 0;
}

async function runCheck(args: Args): Promise<number> {
  const [{ check }, { runtimeDependencyWarning }, { renderInWorker }] = await Promise.all([
    import("./generate.js"),
    import("./runtime-dependency.js"),
    import("./render-worker.js"),
  ]);
  let stale = 0;
  let missing = 0;
  for (const target of targets(args)) {
    const files = await check({ ...target, timeoutMs: args.timeout, force: args.force }, renderInWorker);
    // Like generate: check is the usual CI step, and an app without fast-xml-parser fails only once deployed.
    const warning = runtimeDependencyWarning(target.out);
    if (warning !== undefined && !args.quiet) console.error(`soapgen: warning: ${warning}`);
    if (!existsSync(target.out)) {
      // Every file would be "stale"; the one thing to say is that the folder is not there.
      console.error(`soapgen: ${shown(target.out)}: the output folder does not exist: run soapgen generate`);
      missing++;
      continue;
    }
    stale += files.length;
    if (files.length === 0 && !args.quiet) console.log(`soapgen: ${shown(target.out)} is up to date`);
    for (const file of files) console.error(`soapgen: stale: ${shown(file)}`);
  }
  if (stale > 0)
    console.error(`soapgen: ${stale} generated file(s) differ from the WSDL: run soapgen generate`);
  return stale > 0 || missing > 0 ? 1 : 0;
}

/** Errors already reported: Node may raise one twice (a CommonJS module failing under import() also rejects unhandled). */
const reported = new Set<unknown>();

/** Reports a failure in one line (plus the stack with --verbose); anything but a SoapgenError is a soapgen bug. */
function fail(error: unknown, verbose: boolean): number {
  if (reported.has(error)) return 1;
  reported.add(error);
  const message =
    error instanceof SoapgenError
      ? error.message
      : oneLine(
          `internal error: ${error instanceof Error ? error.message : String(error)}${verbose ? "" : " (run with --verbose for the stack trace)"}`,
        );
  console.error(`soapgen: ${message}`);
  if (verbose && error instanceof Error && error.stack) console.error(error.stack);
  return 1;
}

const argv = process.argv.slice(2);
const verbose = argv.includes("--verbose");

// Whatever goes wrong, and wherever, the user gets one line and exit code 1, never a Node crash report.
process.on("uncaughtException", (error) => process.exit(fail(error, verbose)));
process.on("unhandledRejection", (error) => process.exit(fail(error, verbose)));
// Handled (not the default instant death) so a signal waits for the synchronous write and swap of the
// output to finish: the output folder is the previous one or the new one, and no temporary folder is left.
// The generator computes on a worker thread (render-worker.ts), so the handler runs at once otherwise.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    console.error(`soapgen: interrupted by ${signal}`);
    process.exit(code);
  });
}

const targetOptions = {
  wsdl: {
    type: "string",
    array: true,
    describe: "WSDL file path or http(s) URL; repeat it to put several services into one output",
  },
  out: { type: "string", describe: "output folder (replaced as a whole on success)" },
  operations: {
    type: "string",
    array: true,
    describe: "generate only these operations (names or globs such as 'Get*', repeated or comma-separated)",
  },
  "exclude-operations": {
    type: "string",
    array: true,
    describe: "leave out these operations (names or globs)",
  },
  "import-extension": {
    type: "string",
    choices: IMPORT_EXTENSIONS,
    describe:
      "relative imports end in .js (tsc, NodeNext), .ts (Node's type stripping) or nothing (bundlers)",
  },
  config: { type: "string", describe: `config file listing targets (default ./${CONFIG_FILE})` },
  timeout: { type: "number", default: 30_000, describe: "timeout for each URL fetch, in ms" },
  verbose: { type: "boolean", default: false, describe: "print stack traces on errors" },
  quiet: { type: "boolean", default: false, describe: "print errors only" },
  force: {
    type: "boolean",
    default: false,
    describe: "regenerate (check: compare every file) even when the output's digest says it is up to date",
  },
} as const;

type Command = (args: Args) => Promise<number>;

/**
 * The usual command line (`generate`/`check` with well-formed options) read without yargs, which takes
 * longer to load than an up-to-date run takes in all. Anything else (help, version, a usage error, an
 * option form this does not know) is undefined here and left to yargs.
 */
function quickParse(): { command: Command; args: Args } | undefined {
  if (argv.includes("--help") || argv.includes("--version")) return undefined;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(targetOptions).map(([name, option]) => [
          name,
          { type: option.type === "boolean" ? "boolean" : "string", multiple: "array" in option },
        ]),
      ),
    });
  } catch {
    return undefined;
  }
  const [name, ...rest] = parsed.positionals;
  const command = name === "generate" ? runGenerate : name === "check" ? runCheck : undefined;
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const strings = (name: string): string[] | undefined => {
    const value = values[name];
    return Array.isArray(value) ? value : undefined;
  };
  const string = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const timeout = string("timeout");
  const timeoutMs = timeout === undefined ? targetOptions.timeout.default : Number(timeout);
  if (command === undefined || rest.length > 0 || !Number.isFinite(timeoutMs)) return undefined;
  const [wsdl, operations, excludeOperations] = [
    strings("wsdl"),
    strings("operations"),
    strings("exclude-operations"),
  ];
  const [out, config, importExtension] = [string("out"), string("config"), string("import-extension")];
  // A value outside the choices is left to yargs, which names them.
  const extension = IMPORT_EXTENSIONS.find((choice) => choice === importExtension);
  if (importExtension !== undefined && extension === undefined) return undefined;
  const args: Args = {
    ...(wsdl && { wsdl }),
    ...(out !== undefined && { out }),
    ...(operations && { operations }),
    ...(excludeOperations && { excludeOperations }),
    ...(extension !== undefined && { importExtension: extension }),
    ...(config !== undefined && { config }),
    timeout: timeoutMs,
    verbose: values["verbose"] === true,
    quiet: values["quiet"] === true,
    force: values["force"] === true,
  };
  return { command, args };
}

async function parseWithYargs(): Promise<number> {
  const [{ default: yargs }, { soapgenVersion }] = await Promise.all([
    import("yargs"),
    import("./digest.js"),
  ]);
  let exitCode = 0;
  await yargs(argv)
    .scriptName("soapgen")
    .usage("$0 <command> [options]\n\nGenerate a typed TypeScript SOAP client from a WSDL.")
    .command(
      "generate",
      "write the clients for the --wsdl files into --out (or every target of the config file)",
      (y) => y.options(targetOptions),
      async (args) => {
        exitCode = await runGenerate(args as Args);
      },
    )
    .command(
      "check",
      "exit 1 and name the stale files when the output differs from what the WSDL generates now",
      (y) =>
        y
          .options(targetOptions)
          .option("out", { type: "string", describe: "output folder to compare with (nothing is written)" }),
      async (args) => {
        exitCode = await runCheck(args as Args);
      },
    )
    .demandCommand(1, "name a command: generate or check")
    .strict()
    .version(soapgenVersion())
    .help()
    .fail((message, error) => {
      throw error ?? new SoapgenError({ file: "command line" }, message);
    })
    .parseAsync();
  return exitCode;
}

let exitCode = 0;
try {
  const quick = quickParse();
  exitCode = quick ? await quick.command(quick.args) : await parseWithYargs();
} catch (error) {
  exitCode = fail(error, verbose);
}
process.exitCode = exitCode;
