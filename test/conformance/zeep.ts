import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { DocPage } from "./docs.js";
import type { LibraryReading } from "./library.js";

/** Debian's python3 with python3-zeep (a `python3` earlier on PATH may lack zeep). */
const PYTHON = "/usr/bin/python3";
const ORACLE = path.resolve(process.cwd(), "../shared/oracles/zeep_oracle.py");
const READ_REQUEST = fileURLToPath(new URL("./zeep_read_request.py", import.meta.url));
const WRITE_RESPONSE = fileURLToPath(new URL("./zeep_write_response.py", import.meta.url));
const ZEEP_CALL = fileURLToPath(new URL("./zeep_call.py", import.meta.url));
const ZEEP_WSSE = fileURLToPath(new URL("./zeep_wsse.py", import.meta.url));
const ZEEP_WSA = fileURLToPath(new URL("./zeep_wsa.py", import.meta.url));

/** What zeep makes of one documented page (see zeep_oracle.py), keyed by page name. */
export interface OracleReading {
  readonly operation?: string;
  readonly request?: LibraryReading;
  readonly response?: LibraryReading;
  readonly error?: string;
}

/** Runs the shared oracle once over all pages of the agent whose WSDL is given. */
export async function runZeepOracle(
  wsdlPath: string,
  pages: readonly DocPage[],
): Promise<Map<string, OracleReading>> {
  const { stdout } = await promisify(execFile)(
    PYTHON,
    [ORACLE, wsdlPath, ...pages.map((page) => page.file)],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const readings = new Map<string, OracleReading>();
  for (const line of stdout.split("\n").filter((text) => text.trim() !== "")) {
    const { page, ...reading } = JSON.parse(line) as OracleReading & { page: string };
    readings.set(page.replace(/\.md$/, ""), reading);
  }
  return readings;
}

export interface EnvelopeToRead {
  readonly id: string;
  readonly operation: string;
  readonly envelope: string;
}

/** zeep's reading of an envelope as its operation's input message, or why it could not read it. */
export type ZeepRequestReading =
  (LibraryReading & { readonly error?: undefined }) | { readonly error: string };

/** Has zeep deserialize every given request envelope (our client's) as its operation's input, in one process. */
export async function zeepReadRequests(
  wsdlPath: string,
  envelopes: readonly EnvelopeToRead[],
): Promise<Map<string, ZeepRequestReading>> {
  return byId(await runScript(READ_REQUEST, [wsdlPath], envelopes));
}

export interface ResponseToWrite {
  readonly id: string;
  readonly operation: string;
  /** The keyword arguments of zeep's output signature for the operation. */
  readonly body: Readonly<Record<string, unknown>>;
}

export type ZeepWrittenResponse =
  { readonly envelope: string; readonly error?: undefined } | { readonly error: string };

/** The response envelopes zeep itself writes for the given output values (a zeep server's answers), in one process. */
export async function zeepWriteResponses(
  wsdl: string,
  responses: readonly ResponseToWrite[],
): Promise<Map<string, ZeepWrittenResponse>> {
  return byId(await runScript(WRITE_RESPONSE, [wsdl], responses));
}

/**
 * zeep as a client: reads the WSDL from `wsdlUrl`, calls each operation (with no arguments) at
 * `endpoint` over HTTP and decodes the reply as its client does (zeep_call.py), in one process.
 */
export async function zeepCall(
  wsdlUrl: string,
  endpoint: string,
  calls: readonly { readonly id: string; readonly operation: string }[],
): Promise<Map<string, ZeepRequestReading>> {
  return byId(await runScript(ZEEP_CALL, [wsdlUrl, endpoint], calls));
}

export interface UsernameTokenInput {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly digest: boolean;
  /** Text whose UTF-8 bytes are the nonce (zeep takes a string). */
  readonly nonce: string;
  /** UTC to the second, `2024-05-06T07:08:09Z`. */
  readonly created: string;
  readonly timestamp?: { readonly created: string; readonly expires: string };
}

export type ZeepWsseHeader =
  { readonly xml: string; readonly error?: undefined } | { readonly error: string };

/** The `wsse:Security` blocks zeep's UsernameToken writes for the given inputs (zeep_wsse.py), in one process. */
export async function zeepUsernameTokens(
  tokens: readonly UsernameTokenInput[],
): Promise<Map<string, ZeepWsseHeader>> {
  return byId(await runScript(ZEEP_WSSE, [], tokens));
}

/** The wsa:Action zeep's WsAddressingPlugin takes from the WSDL per operation (null: none given there). */
export async function zeepAddressingActions(wsdl: string): Promise<Record<string, string | null>> {
  return JSON.parse(await runScript(ZEEP_WSA, [wsdl], [])) as Record<string, string | null>;
}

/** Runs a script over JSON lines on stdin and returns its output lines, failing with its stderr. */
function runScript(script: string, args: readonly string[], lines: readonly object[]): Promise<string> {
  const input = lines.map((line) => JSON.stringify(line)).join("\n");
  return new Promise<string>((resolve, reject) => {
    const child = spawn(PYTHON, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${path.basename(script)} exited with ${code}: ${stderr.trim()}`)),
    );
    child.stdin.end(`${input}\n`);
  });
}

function byId<T>(output: string): Map<string, T> {
  const readings = new Map<string, T>();
  for (const line of output.split("\n").filter((text) => text.trim() !== "")) {
    const { id, ...reading } = JSON.parse(line) as T & { id: string };
    readings.set(id, reading as T);
  }
  return readings;
}
