/** The `soapgen` command as a user runs it: generate, check, config targets, URL input, help and version. */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const CLI = resolve(ROOT, "dist/generator/cli.js");
const CHOICE = resolve(ROOT, "wsdl/choice.wsdl");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function soapgen(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<Run> {
  return promisify(execFile)(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

/** Every file under `folder` by relative path, with its text. */
function filesOf(folder: string): Map<string, string> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  return new Map(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [relative(folder, path), readFileSync(path, "utf8")]),
  );
}

const dir = mkdtempSync(join(tmpdir(), "soapgen-cli-"));
let server: Server;
let wsdlUrl: string;

beforeAll(async () => {
  // `npm test` builds dist/ first; this suite runs the built command like a user would.
  server = createServer((request, response) => {
    if (request.url === "/choice.wsdl") response.end(readFileSync(CHOICE));
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  wsdlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/choice.wsdl`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe("soapgen", () => {
  it("generates from a file, then check passes, then names the file an edit made stale", async () => {
    const out = join(dir, "from-file");
    const generated = await soapgen(["generate", "--wsdl", CHOICE, "--out", out]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/^soapgen: wrote 13 files to .*from-file in \d+ ms\n$/);

    expect((await soapgen(["check", "--wsdl", CHOICE, "--out", out])).code).toBe(0);

    writeFileSync(join(out, "types.ts"), "// edited\n", { flag: "a" });
    writeFileSync(join(out, "leftover.ts"), "export {};\n");
    const stale = await soapgen(["check", "--wsdl", CHOICE, "--out", out]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe(
      [
        `soapgen: stale: ${relative(ROOT, join(out, "leftover.ts"))}`,
        `soapgen: stale: ${relative(ROOT, join(out, "types.ts"))}`,
        "soapgen: 2 generated file(s) differ from the WSDL: run soapgen generate",
        "",
      ].join("\n"),
    );
  });

  it("writes the committed CustomerService output byte for byte, prettier in its worker thread or not", async () => {
    const wsdl = resolve(ROOT, "../shared/superoffice-docs/Services88/Services88-CustomerService.wsdl");
    const committed = resolve(ROOT, "generated/customer-service");
    for (const worker of ["1", "0"]) {
      const out = join(dir, `customer-service-worker-${worker}`);
      const run = await soapgen(["generate", "--wsdl", wsdl, "--out", out], ROOT, {
        SOAPGEN_FORMAT_WORKER: worker,
      });
      expect(run.code).toBe(0);
      expect(filesOf(out)).toEqual(filesOf(committed));
    }
  });

  it("generates from an http URL the same files as from the file", async () => {
    const fromUrl = join(dir, "from-url");
    const fromFile = join(dir, "from-file-2");
    expect((await soapgen(["generate", "--wsdl", wsdlUrl, "--out", fromUrl])).code).toBe(0);
    expect((await soapgen(["generate", "--wsdl", CHOICE, "--out", fromFile])).code).toBe(0);
    const types = (folder: string) => readFileSync(join(folder, "types.ts"), "utf8");
    // Only the banner differs: it names the URL instead of the file name.
    expect(types(fromUrl).split("\n").slice(1)).toEqual(types(fromFile).split("\n").slice(1));
    expect(types(fromUrl).split("\n")[0]).toContain(wsdlUrl);
  });

  it("handles every target of the config file when given no --wsdl", async () => {
    const project = join(dir, "project");
    cpSync(CHOICE, join(project, "service.wsdl"));
    writeFileSync(
      join(project, "soapgen.config.json"),
      JSON.stringify({ targets: [{ wsdl: "service.wsdl", out: "src/generated" }] }),
    );
    expect((await soapgen(["generate"], project)).code).toBe(0);
    expect(readFileSync(join(project, "src/generated/index.ts"), "utf8")).toContain(
      "export class PaymentServiceClient",
    );
    expect(await soapgen(["check"], project)).toMatchObject({
      code: 0,
      stdout: "soapgen: src/generated is up to date\n",
    });
  });

  it("says what is wrong with a config file in one line", async () => {
    const project = join(dir, "bad-config");
    cpSync(CHOICE, join(project, "service.wsdl"));
    writeFileSync(
      join(project, "soapgen.config.json"),
      JSON.stringify({ targets: [{ wsdl: "service.wsdl" }] }),
    );
    const run = await soapgen(["generate"], project);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `soapgen: ${join(project, "soapgen.config.json")}: expected string properties "wsdl" and "out" (at targets[0])\n`,
    );
  });

  it("prints its version and help", async () => {
    const version = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")).version as string;
    expect(await soapgen(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await soapgen(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("soapgen generate");
    expect(help.stdout).toContain("soapgen check");
  });

  it("rejects a command it does not know, in one line", async () => {
    const run = await soapgen(["generat"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^soapgen: /);
  });
});
