import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Node 22.1+ keeps the compiled code of the modules loaded after this call (TypeScript inside ts-morph,
 * prettier) in a cache folder, which makes every later run start faster. soapgen's own folder in the OS
 * temp folder, never the user's; NODE_COMPILE_CACHE, when set, has already chosen one and wins. Each
 * thread calls this for itself: a worker does not inherit it.
 */
export function enableCompileCache(): void {
  const withCompileCache = module as { enableCompileCache?: (directory: string) => unknown };
  withCompileCache.enableCompileCache?.(join(tmpdir(), "soapgen", "compile-cache"));
}
