import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The soapgen package folder, found from this file whether it runs from source or from `dist/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates", "runtime")))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("soapgen installation is incomplete: templates/runtime not found");
    dir = parent;
  }
  return dir;
}
