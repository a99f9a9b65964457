/** Reading a document's text from a file path or an http(s) URL, and resolving relative locations. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SoapgenError } from "../errors.js";

/** The location text input is reported under (and relative imports resolve against, from the cwd). */
export const TEXT_LOCATION = "<input>";

export const DEFAULT_TIMEOUT_MS = 30_000;

const isUrl = (location: string): boolean => /^[a-z][a-z0-9+.-]+:\/\//i.test(location);

/** `ref` (an import's location) relative to the document at `base`: URLs stay URLs, paths stay paths. */
export function resolveLocation(ref: string, base: string | undefined): string {
  if (isUrl(ref)) return normalise(ref);
  if (base !== undefined && isUrl(base)) return normalise(new URL(ref, base).href);
  return path.resolve(base === undefined ? process.cwd() : path.dirname(base), ref);
}

function normalise(url: string): string {
  return url.startsWith("file:") ? fileURLToPath(url) : url;
}

export async function readText(location: string, timeoutMs: number): Promise<string> {
  if (!isUrl(location)) {
    try {
      return decode(await readFile(location));
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const why =
        code === "ENOENT"
          ? "file not found"
          : code === "EISDIR"
            ? "is a directory"
            : `cannot read file (${code ?? String(cause)})`;
      throw new SoapgenError({ file: location }, `${why}`, { cause });
    }
  }
  if (!/^https?:/i.test(location))
    throw new SoapgenError(
      { file: location },
      `unsupported URL scheme; expected a file path or an http(s) URL`,
    );
  let response: Response;
  try {
    response = await fetch(location, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (cause) {
    const timedOut = cause instanceof Error && cause.name === "TimeoutError";
    const why = timedOut ? `no response within ${timeoutMs} ms` : `cannot fetch: ${describe(cause)}`;
    throw new SoapgenError({ file: location }, `${why}`, { cause });
  }
  if (!response.ok)
    throw new SoapgenError({ file: location }, `HTTP ${response.status} ${response.statusText}`);
  try {
    return decode(new Uint8Array(await response.arrayBuffer()));
  } catch (cause) {
    throw new SoapgenError({ file: location }, `cannot read the response: ${describe(cause)}`, { cause });
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // fetch wraps the network error (ECONNREFUSED, ENOTFOUND) in a bare "fetch failed".
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}

/** UTF-8 unless a byte-order mark says UTF-16 (XML's only other mandatory encoding). */
function decode(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : "utf-8";
  return new TextDecoder(encoding).decode(bytes);
}
