#!/usr/bin/env node
/** The `soapgen` command. Bad input prints one line naming the problem and exits 1; --verbose adds the stack. */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { CONFIG_FILE, readConfig, type Target } from "./config.js";
import { oneLine, SoapgenError } from "./errors.js";
import { packageRoot } from "./lib/paths.js";

interface Args {
  wsdl?: string[];
  out?: string;
  operations?: string[];
  excludeOperations?: string[];
  config?: string;
  timeout: number;
  verbose: boolean;
  quiet: boolean;
}

function targets(args: Args): Target[] {
  if (args.wsdl === undefined && args.out === undefined) {
    if (args.operations || args.excludeOperations) {
      throw new SoapgenError(
        { file: "command line" },
        "--operations and --exclude-operations need --wsdl and --out (in the config file, give them per target)",
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
  const { generate } = await import("./generate.js");
  for (const target of targets(args)) {
    const started = performance.now();
    const result = await generate({ ...target, timeoutMs: args.timeout });
    const ms = Math.round(performance.now() - started);
    if (args.quiet) continue;
    console.log(`soapgen: wrote ${result.files.length} files to ${shown(result.out)} in ${ms} ms`);
    for (const warning of result.warnings) console.error(`soapgen: warning: ${warning}`);
  }
  return 0;
}

async function runCheck(args: Args): Promise<number> {
  const { check } = await import("./generate.js");
  let stale = 0;
  let missing = 0;
  for (const target of targets(args)) {
    const files = await check({ ...target, timeoutMs: args.timeout });
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

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string })
    .version;
}

const argv = hideBin(process.argv);
const verbose = argv.includes("--verbose");

// Whatever goes wrong, and wherever, the user gets one line and exit code 1, never a Node crash report.
process.on("uncaughtException", (error) => process.exit(fail(error, verbose)));
process.on("unhandledRejection", (error) => process.exit(fail(error, verbose)));
// Handled (not the default instant death) so a signal waits for the synchronous write and swap of the
// output to finish: the output folder is the previous one or the new one, and no temporary folder is left.
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
  config: { type: "string", describe: `config file listing targets (default ./${CONFIG_FILE})` },
  timeout: { type: "number", default: 30_000, describe: "timeout for each URL fetch, in ms" },
  verbose: { type: "boolean", default: false, describe: "print stack traces on errors" },
  quiet: { type: "boolean", default: false, describe: "print errors only" },
} as const;

let exitCode = 0;
try {
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
    .version(packageVersion())
    .help()
    .fail((message, error) => {
      throw error ?? new SoapgenError({ file: "command line" }, message);
    })
    .parseAsync();
} catch (error) {
  exitCode = fail(error, verbose);
}
process.exitCode = exitCode;
