/**
 * What `npm pack` puts in the tarball: the built command and API, the runtime templates, the licence and
 * nothing else (no sources, tests, benchmarks or generated output), and a package.json that runs nothing
 * on install from the registry or a tarball (`prepare`, which builds, runs only for git and local installs).
 * Listed from the current dist/ (`npm test` builds it first) with scripts off, so packing does not
 * rebuild dist/ under the other suites' feet.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();

interface PackListing {
  files: { path: string }[];
}

let shipped: string[] = [];
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  types: string;
  scripts: Record<string, string>;
  engines: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

beforeAll(async () => {
  const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
  });
  shipped = (JSON.parse(stdout) as PackListing[])[0]!.files.map((file) => file.path).sort();
}, 60_000);

describe("the npm package", () => {
  it("holds the built generator, its declarations and the runtime templates", () => {
    for (const source of sources("generator")) {
      const built = join("dist", source).replace(/\.ts$/, "");
      expect(shipped).toContain(`${built}.js`);
      expect(shipped).toContain(`${built}.d.ts`);
    }
    for (const runtime of sources("templates/runtime")) expect(shipped).toContain(runtime);
    expect(shipped).toContain("package.json");
    expect(shipped).toContain("README.md");
    expect(shipped).toContain("LICENSE");
  });

  it("holds every module the built generator imports: the runtime's XML reader it builds on too", () => {
    const missing = shipped
      .filter((path) => /^dist\/.+\.js$/.test(path))
      .flatMap((path) =>
        [
          ...readFileSync(join(ROOT, path), "utf8").matchAll(
            /^(?:import|export)\b[^;]*?\bfrom\s*"(\.[^"]+)"/gm,
          ),
        ]
          .map((match) => join(dirname(path), match[1]!))
          .filter((target) => !shipped.includes(target))
          .map((target) => `${path} imports ${target}`),
      );
    expect(shipped).toContain("dist/templates/runtime/xml.js");
    expect(missing).toEqual([]);
  });

  it("holds nothing else: no sources, tests, benchmarks, generated output or source maps", () => {
    const unexpected = shipped.filter(
      (path) =>
        !/^dist\/(generator\/.+|templates\/runtime\/[^/]+)\.(js|d\.ts)$/.test(path) &&
        !/^templates\/runtime\/[^/]+\.ts$/.test(path) &&
        path !== "package.json" &&
        path !== "README.md" &&
        path !== "LICENSE",
    );
    expect(unexpected).toEqual([]);
  });

  it("runs no script on install, and its bin, exports and types point into the tarball", () => {
    for (const hook of ["preinstall", "install", "postinstall"])
      expect(manifest.scripts).not.toHaveProperty(hook);
    // npm runs `prepare` for git and local installs only (and before packing): there it builds dist/.
    expect(manifest.scripts["prepare"]).toBe("npm run -s build");
    const inTarball = (path: string): string => relative(".", path);
    expect(shipped).toContain(inTarball(manifest.bin["soapgen"]!));
    expect(
      readFileSync(join(ROOT, manifest.bin["soapgen"]!), "utf8").startsWith("#!/usr/bin/env node\n"),
    ).toBe(true);
    expect(manifest.exports["."]).toEqual({
      types: "./dist/generator/index.d.ts",
      default: "./dist/generator/index.js",
    });
    expect(shipped).toContain(inTarball(manifest.types));
    expect(shipped).toContain("dist/generator/index.js");
    expect(manifest.engines["node"]).toBe(">=20.19");
  });

  it("has an executable bin after a build (tsc writes files without the execute bit)", () => {
    expect(statSync(join(ROOT, manifest.bin["soapgen"]!)).mode & 0o111).toBe(0o111);
  });
});
