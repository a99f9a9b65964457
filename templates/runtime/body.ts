/** Reading an HTTP body, request or response, as UTF-8 text within a size limit. */

/** How the caller reports the two ways a body can be refused. */
export interface BodyErrors {
  tooLarge(): Error;
  notUtf8(cause: unknown): Error;
}

/**
 * Reads a body as UTF-8 without ever holding more than `maxBytes`: a declared Content-Length above the
 * limit is refused before reading, a body that grows past it is cancelled mid-stream.
 */
export async function readBodyText(
  message: Request | Response,
  maxBytes: number,
  errors: BodyErrors,
  signal?: AbortSignal,
): Promise<string> {
  if (Number(message.headers.get("content-length") ?? NaN) > maxBytes) {
    await message.body?.cancel();
    throw errors.tooLarge();
  }
  if (message.body === null) return "";
  const reader = message.body.getReader();
  // Not every fetch implementation ends a body read on abort; cancelling the reader guarantees it.
  const cancel = (): void => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", cancel);
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw errors.tooLarge();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (cause) {
      throw errors.notUtf8(cause);
    }
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
}
