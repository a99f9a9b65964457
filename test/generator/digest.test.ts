/**
 * The digest file: an unchanged output is recognised without the emitter (or the XML parser, or yargs)
 * being loaded, and anything that could make it stale (an edited, missing or stray file, a changed
 * document, another soapgen version, --force) sends generate and check down the full path.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { DIGEST_FILE, isUpToDate } from "../../generator/digest.js";
import { check, generate } from "../../generator/generate.js";

const ROOT = process.cwd();
const CLI = resolve(ROOT, "dist/generator/cli.js");
const CHOICE = resolve(ROOT, "wsdl/choice.wsdl");
const IMPORTS = resolve(ROOT, "wsdl/imports");
const REFUSE = pathToFileURL(resolve(ROOT, "test/generator/fixtures/refuse-libraries.mjs")).href;
/** `node --import` this: the CLI may not load ts-morph, prettier, fast-xml-parser or yargs. */
const REFUSING = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(REFUSE)})`;

const dir = mkdtempSync(join(tmpdir(), "soapgen-digest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function soapgen(args: string[], nodeOptions: string[] = []) {
  return promisify(execFile)(process.execPath, [...nodeOptions, CLI, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

let outputs = 0;
async function generated(wsdl = CHOICE): Promise<string> {
  const out = join(dir, `out-${outputs++}`);
  await generate({ wsdl, out });
  return out;
}

describe("an unchanged output", () => {
  it("is left alone by generate, which says so without loading the emitter, the parser or yargs", async () => {
    const out = await generated();
    const before = statSync(join(out, "index.ts"), { bigint: true });
    const run = await soapgen(["generate", "--wsdl", CHOICE, "--out", out], ["--import", REFUSING]);
    expect(run).toMatchObject({
      code: 0,
      stdout: `soapgen: ${relative(ROOT, out)} is up to date\n`,
    });
    const after = statSync(join(out, "index.ts"), { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
  });

  it("passes check without loading them either", async () => {
    const out = await generated();
    const run = await soapgen(["check", "--wsdl", CHOICE, "--out", out], ["--import", REFUSING]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is up to date\n$/);
  });

  it("is regenerated with --force, which needs them (so the refusal above could have failed)", async () => {
    const out = await generated();
    const refused = await soapgen(
      ["generate", "--wsdl", CHOICE, "--out", out, "--force"],
      ["--import", REFUSING],
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused to load/);
    const forced = await soapgen(["generate", "--wsdl", CHOICE, "--out", out, "--force"]);
    expect(forced).toMatchObject({ code: 0, stdout: expect.stringMatching(/wrote 21 files/) });
  });

  it("is recognised from WSDL text as well as from a file", async () => {
    const text = readFileSync(CHOICE, "utf8");
    const out = join(dir, "from-text");
    expect((await generate({ wsdl: { text, name: "choice.wsdl" }, out })).upToDate).toBe(false);
    expect((await generate({ wsdl: { text, name: "choice.wsdl" }, out })).upToDate).toBe(true);
    const changed = text.replace("</wsdl:definitions>", "<!-- changed --></wsdl:definitions>");
    expect((await generate({ wsdl: { text: changed, name: "choice.wsdl" }, out })).upToDate).toBe(false);
  });
});

describe("an output that may be stale", () => {
  it("is regenerated when a file was edited by hand, and check names the file", async () => {
    const out = await generated();
    const original = readFileSync(join(out, "types.ts"), "utf8");
    writeFileSync(join(out, "types.ts"), "// edited\n", { flag: "a" });
    expect(await check({ wsdl: CHOICE, out })).toEqual([join(out, "types.ts")]);
    expect((await generate({ wsdl: CHOICE, out })).upToDate).toBe(false);
    expect(readFileSync(join(out, "types.ts"), "utf8")).toBe(original);
  });

  it("is not up to date with a file missing, a stray file, or a digest of another soapgen version", async () => {
    const missing = await generated();
    rmSync(join(missing, "runtime/xml.ts"));
    expect(await isUpToDate(missing, [{ location: CHOICE }], {}, 1000)).toBe(false);

    const stray = await generated();
    writeFileSync(join(stray, "extra.ts"), "export {};\n");
    expect(await isUpToDate(stray, [{ location: CHOICE }], {}, 1000)).toBe(false);

    const version = await generated();
    expect(await isUpToDate(version, [{ location: CHOICE }], {}, 1000)).toBe(true);
    const digest = join(version, DIGEST_FILE);
    writeFileSync(
      digest,
      readFileSync(digest, "utf8").replace(/"soapgen": "[^"]+"/, '"soapgen": "0.0.0-old"'),
    );
    expect(await isUpToDate(version, [{ location: CHOICE }], {}, 1000)).toBe(false);
  });

  it("is regenerated for another operation selection or another set of WSDLs, and is up to date for the same", async () => {
    const agents = [resolve(ROOT, "wsdl/merge/agent-a.wsdl"), resolve(ROOT, "wsdl/merge/agent-b.wsdl")];
    const out = join(dir, "agents");
    await generate({ wsdl: agents, out, operations: ["Get*"] });
    const same = await generate({ wsdl: agents, out, operations: ["Get*"] });
    expect(same.upToDate).toBe(true);
    const other = await generate({ wsdl: agents, out, operations: ["Save*"] });
    expect(other.upToDate).toBe(false);
    expect(
      await isUpToDate(
        out,
        agents.map((location) => ({ location })),
        { operations: ["Save*"] },
        1000,
      ),
    ).toBe(true);
    expect(
      await isUpToDate(
        out,
        agents.map((location) => ({ location })),
        {},
        1000,
      ),
    ).toBe(false);
    expect(await isUpToDate(out, [{ location: agents[0]! }], { operations: ["Save*"] }, 1000)).toBe(false);
  });

  it("is not up to date for another WSDL", async () => {
    const out = await generated();
    expect(await isUpToDate(out, [{ location: resolve(ROOT, "wsdl/any.wsdl") }], {}, 1000)).toBe(false);
  });

  it("is regenerated when a document the WSDL imports changed", async () => {
    const copy = join(dir, "imports");
    cpSync(IMPORTS, copy, { recursive: true });
    const wsdl = join(copy, "service.wsdl");
    const out = join(dir, "imports-out");
    await generate({ wsdl, out });
    const digest = JSON.parse(readFileSync(join(out, DIGEST_FILE), "utf8")) as { documents: object };
    expect(Object.keys(digest.documents)).toContain("schemas/orders.xsd");
    expect(await isUpToDate(out, [{ location: wsdl }], {}, 1000)).toBe(true);

    const xsd = join(copy, "schemas/orders.xsd");
    writeFileSync(xsd, readFileSync(xsd, "utf8").replace("</xsd:schema>", "<!-- changed --></xsd:schema>"));
    expect(await isUpToDate(out, [{ location: wsdl }], {}, 1000)).toBe(false);
    expect(await check({ wsdl, out })).toEqual([join(out, DIGEST_FILE)]);
    expect((await generate({ wsdl, out })).upToDate).toBe(false);
    expect(await isUpToDate(out, [{ location: wsdl }], {}, 1000)).toBe(true);
  });
});
