import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

/**
 * The oracle servers of `../shared/oracles/`: a gSOAP C++ server (lenient and `--strict`) and a WCF
 * `ServiceHost` on Mono, both generated from the CustomerService WSDL by their own toolkits. Their
 * scripts are run where they are; builds go to `node_modules/.cache/soapgen-interop/<hash>/`, keyed by
 * the WSDL and the oracle sources, so a second run starts in seconds.
 */
const SHARED = path.resolve(process.cwd(), "../shared");
export const WSDL = path.join(SHARED, "superoffice-docs/Services88/Services88-CustomerService.wsdl");
const GSOAP = path.join(SHARED, "oracles/gsoap");
const MONO = path.join(SHARED, "oracles/wcf-mono");
const CACHE = path.resolve(process.cwd(), "node_modules/.cache/soapgen-interop");
/** The service path both oracles answer on (gSOAP answers any path, Mono only this one). */
const SERVICE_PATH = "/Remote/Services88/CustomerService.svc";

/** Bounded waits: a build, a server start, a server stop. */
const BUILD_TIMEOUT_MS = 180_000;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export type ServerId = "gsoapLenient" | "gsoapStrict" | "monoWcf";

export interface ServerSpec {
  readonly id: ServerId;
  readonly title: string;
  readonly family: "gsoap" | "mono";
}

export const SERVERS: readonly ServerSpec[] = [
  { id: "gsoapLenient", title: "gsoap lenient", family: "gsoap" },
  { id: "gsoapStrict", title: "gsoap strict", family: "gsoap" },
  { id: "monoWcf", title: "mono wcf", family: "mono" },
];

/** What each family needs installed, and the Debian packages that bring it. */
const NEEDS: Record<ServerSpec["family"], { commands: string[]; packages: string }> = {
  gsoap: {
    commands: ["wsdl2h", "soapcpp2", "g++", "pkg-config"],
    packages: "gsoap libgsoap-dev g++ pkg-config",
  },
  mono: { commands: ["mono", "mcs", "svcutil"], packages: "mono-complete" },
};

export interface RunningServer {
  readonly spec: ServerSpec;
  readonly endpoint: string;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/** Why a family cannot run here (a missing command, naming the packages), or undefined when it can. */
export async function missingPackages(family: ServerSpec["family"]): Promise<string | undefined> {
  const { commands, packages } = NEEDS[family];
  const missing: string[] = [];
  for (const command of commands) {
    try {
      await run("sh", ["-c", `command -v ${command}`]);
    } catch {
      missing.push(command);
    }
  }
  if (family === "gsoap" && missing.length === 0) {
    try {
      await run("pkg-config", ["--exists", "gsoap++"]);
    } catch {
      missing.push("gsoap++.pc");
    }
  }
  return missing.length === 0
    ? undefined
    : `${missing.join(", ")} not found (apt-get install -y --no-install-recommends ${packages})`;
}

/**
 * Builds a family's server unless a build for the same inputs exists, and returns the build folder.
 * gSOAP is built with `DATETIME=string`: its default maps xs:dateTime to `time_t`, which drops
 * milliseconds and turns `0001-01-01T00:00:00` into 1970, so an echo could not show what arrived.
 */
export async function build(family: ServerSpec["family"]): Promise<string> {
  const sources =
    family === "gsoap"
      ? [path.join(GSOAP, "build.sh"), path.join(GSOAP, "server_impl.cpp")]
      : [path.join(MONO, "build_mono.sh"), path.join(MONO, "Impl.cs")];
  const hash = createHash("sha256").update(family === "gsoap" ? "DATETIME=string" : "");
  for (const file of [WSDL, ...sources]) hash.update(await readFile(file));
  const folder = path.join(CACHE, `${family}-${hash.digest("hex").slice(0, 16)}`);
  const product = path.join(folder, family === "gsoap" ? "customer-oracle" : "customer-oracle-mono.exe");
  if (existsSync(product)) return folder;

  // Built beside its final place and renamed into it, so an interrupted build is never reused.
  const partial = `${folder}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    await run("bash", [sources[0] as string, partial], {
      env: { ...process.env, WSDL, ...(family === "gsoap" ? { DATETIME: "string" } : {}) },
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    await rm(folder, { recursive: true, force: true });
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    const output = `${stdout}${stderr}`.trim().split("\n").slice(-5).join("\n");
    throw new Error(`building the ${family} oracle failed: ${output || String(error)}`);
  }
  return folder;
}

/** A port nothing listens on right now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Every server started and not yet stopped; killed when this process exits or is interrupted. */
const children = new Set<ChildProcess>();
const killChildren = (): void => {
  for (const child of children) child.kill("SIGKILL");
};
process.once("exit", killChildren);
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(code);
  });
}

/** Tries to start a server this often: another process may take the free port before the server binds it. */
const START_ATTEMPTS = 3;

/** Starts one server on a free port of 127.0.0.1 and waits until it says it listens. */
export async function start(spec: ServerSpec, buildFolder: string): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(spec, buildFolder);
    } catch (error) {
      if (attempt === START_ATTEMPTS) throw error;
    }
  }
}

async function startOnce(spec: ServerSpec, buildFolder: string): Promise<RunningServer> {
  const port = await freePort();
  const [command, args] =
    spec.family === "gsoap"
      ? [
          path.join(buildFolder, "customer-oracle"),
          ["--port", String(port), "--wsdl", WSDL, ...(spec.id === "gsoapStrict" ? ["--strict"] : [])],
        ]
      : ["mono", [path.join(buildFolder, "customer-oracle-mono.exe"), String(port)]];
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  void exited.then(() => children.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${spec.title} did not start within ${START_TIMEOUT_MS / 1000} s: ${output.trim()}`));
    }, START_TIMEOUT_MS);
    const listen = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", listen);
    child.stderr.on("data", listen);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${spec.title} could not be started: ${error.message}`));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${spec.title} exited (${signal ?? code}) before listening: ${output.trim()}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { spec, endpoint: `http://127.0.0.1:${port}${SERVICE_PATH}`, stop };
}
