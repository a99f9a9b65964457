/**
 * WS-Security UsernameToken (OASIS Web Services Security UsernameToken Profile 1.0/1.1), for services whose
 * policy or documentation asks for a `wsse:Security` header the WSDL does not declare. Sent through the
 * client's `extraHeaders` option.
 */
import type { ExtraHeaderContext } from "./client.js";
import { base64 } from "./encode.js";
import { ENVELOPE_NS } from "./envelope.js";
import type { SoapVersion } from "./envelope.js";
import { RawXml } from "./values.js";
import { escapeAttribute, escapeText } from "./xml.js";

export const WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
export const WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
const PROFILE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
const MESSAGE_SECURITY = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0";

export interface UsernameTokenOptions {
  readonly username: string;
  readonly password: string;
  /**
   * `PasswordText` (the default) sends the password itself, for TLS connections; `PasswordDigest` sends
   * Base64(SHA-1(nonce + created + password)) with the nonce and `wsu:Created`.
   */
  readonly passwordType?: "PasswordText" | "PasswordDigest";
  /** A `wsu:Timestamp` before the token, expiring this many seconds after it was created. */
  readonly timestampSeconds?: number;
  /** Marks the block `mustUnderstand`, which some services (WCF) require. */
  readonly mustUnderstand?: boolean;
}

/** Fixed values for one header: tests, or a caller keeping its own nonces. */
export interface UsernameTokenValues {
  /** The digest's nonce: 16 random bytes by default. */
  readonly nonce?: Uint8Array;
  /** The token's (and timestamp's) creation time: now by default. */
  readonly created?: Date;
}

/**
 * An `extraHeaders` value sending a UsernameToken with every request, with a fresh nonce and creation
 * time each time: `new Client({ extraHeaders: usernameToken({ username, password }) })`.
 */
export function usernameToken(
  options: UsernameTokenOptions,
): (context: ExtraHeaderContext) => Promise<readonly RawXml[]> {
  return async (context) => [await usernameTokenHeader(options, context.soapVersion)];
}

/** One `wsse:Security` header block holding a UsernameToken (and a Timestamp, when asked). */
export async function usernameTokenHeader(
  options: UsernameTokenOptions,
  soapVersion: SoapVersion,
  values: UsernameTokenValues = {},
): Promise<RawXml> {
  const created = utcSeconds(values.created ?? new Date());
  let token = `<wsse:Username>${escapeText(options.username)}</wsse:Username>`;
  if (options.passwordType === "PasswordDigest") {
    const nonce = values.nonce ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
    const digest = await sha1(nonce, utf8(created), utf8(options.password));
    token +=
      `<wsse:Password Type="${PROFILE}#PasswordDigest">${base64(digest)}</wsse:Password>` +
      `<wsse:Nonce EncodingType="${MESSAGE_SECURITY}#Base64Binary">${base64(nonce)}</wsse:Nonce>` +
      `<wsu:Created>${created}</wsu:Created>`;
  } else {
    token += `<wsse:Password Type="${PROFILE}#PasswordText">${escapeText(options.password)}</wsse:Password>`;
  }
  const timestamp =
    options.timestampSeconds === undefined
      ? ""
      : `<wsu:Timestamp><wsu:Created>${created}</wsu:Created>` +
        `<wsu:Expires>${utcSeconds(new Date(Date.parse(created) + options.timestampSeconds * 1000))}</wsu:Expires></wsu:Timestamp>`;
  const mustUnderstand = options.mustUnderstand
    ? ` xmlns:soap="${escapeAttribute(ENVELOPE_NS[soapVersion])}" soap:mustUnderstand="${soapVersion === "1.2" ? "true" : "1"}"`
    : "";
  const wsu = options.passwordType === "PasswordDigest" || timestamp !== "" ? ` xmlns:wsu="${WSU_NS}"` : "";
  return new RawXml(
    `<wsse:Security xmlns:wsse="${WSSE_NS}"${wsu}${mustUnderstand}>` +
      `${timestamp}<wsse:UsernameToken>${token}</wsse:UsernameToken></wsse:Security>`,
  );
}

/** `2003-07-16T01:24:32Z`: UTC to the second, as the profile's examples write it. */
function utcSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** SHA-1 of the parts one after another, by the global Web Crypto. */
async function sha1(...parts: Uint8Array[]): Promise<Uint8Array> {
  // A fresh buffer, which every TypeScript's lib takes as a BufferSource (a view of any buffer it may not).
  const all = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-1", all));
}
