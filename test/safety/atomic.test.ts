/**
 * The output folder is replaced as a whole or not at all: after a failure, a write error, a kill at any
 * moment or an interrupt, it is byte for byte the previous output or the complete new one, and the next
 * run leaves no temporary folders behind.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SoapgenError } from "../../generator/errors.js";
import { generate, render } from "../../generator/generate.js";
import { writeOutputAtomically } from "../../generator/write.js";
import {
  asSnapshot,
  ensureBuilt,
  leftovers,
  replicatedCustomerService,
  ROOT,
  runCli,
  snapshot,
  startCli,
  tempDir,
  type CliRun,
} from "./harness.js";

const CHOICE = resolve(ROOT, "wsdl/choice.wsdl");
const DANGLING = resolve(ROOT, "wsdl/invalid/dangling-type.wsdl");
/** No process has this id: pids stop at 2^22 on Linux. */
const DEAD_PID = 5_000_000;

const dir = tempDir("atomic");
let previous: Map<string, string>;

beforeAll(async () => {
  previous = asSnapshot(await render(CHOICE));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let folderNumber = 0;
/** A fresh output folder holding the previous output (what `generate` wrote for choice.wsdl). */
async function previousOutput(): Promise<string> {
  const out = join(dir, `out-${folderNumber++}`, "client");
  await generate({ wsdl: CHOICE, out });
  expect(snapshot(out)).toEqual(previous);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a rejection"),
    (error: unknown) => error,
  );
}

describe("atomic output", () => {
  it("survives a failed run byte for byte", async () => {
    const out = await previousOutput();
    expect(await rejection(generate({ wsdl: DANGLING, out }))).toBeInstanceOf(SoapgenError);
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers(out)).toEqual([]);
  });

  it("survives an error in the middle of writing, and removes what it had written", async () => {
    const out = await previousOutput();
    // The second file cannot be created: its folder is the first file.
    const files = new Map([
      ["index.ts", "export {};\n"],
      ["index.ts/nested.ts", "export {};\n"],
    ]);
    const error = (() => {
      try {
        writeOutputAtomically(out, files);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SoapgenError);
    expect((error as SoapgenError).message).toMatch(
      new RegExp(
        `^${out}: cannot write the output: EEXIST: file already exists, mkdir '.*client\\.soapgen-tmp-\\d+/index\\.ts'$`,
      ),
    );
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers(out)).toEqual([]);
  });

  it("reports an output path the file system refuses in one line, leaving the previous output", async () => {
    const out = join(dir, "long", "x".repeat(240));
    cpSync(await previousOutput(), out, { recursive: true });
    // The output's name fits; its temporary sibling's (name + ".soapgen-tmp-<pid>") does not. --force:
    // the copied output is up to date, and only a write can fail.
    const run = await runCli(["generate", "--wsdl", CHOICE, "--out", out, "--force"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^soapgen: \/.*x{240}: cannot write the output: ENAMETOOLONG: name too long, mkdir '.*\.soapgen-tmp-\d+'\n$/,
    );
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers(out)).toEqual([]);
  });

  it("removes files no run generates any more", async () => {
    const out = await previousOutput();
    writeFileSync(join(out, "RemovedOperation.ts"), "export {};\n");
    mkdirSync(join(out, "old"));
    writeFileSync(join(out, "old/types.ts"), "export {};\n");
    writeFileSync(join(out, "runtime/legacy.ts"), "export {};\n");
    await generate({ wsdl: CHOICE, out });
    expect(snapshot(out)).toEqual(previous);
  });

  it("refuses to replace a folder or file it did not generate", async () => {
    const notOurs = join(dir, "src");
    mkdirSync(notOurs);
    writeFileSync(join(notOurs, "main.ts"), "console.log('mine');\n");
    const error = await rejection(generate({ wsdl: CHOICE, out: notOurs }));
    expect((error as SoapgenError).message).toBe(
      `${notOurs}: refusing to replace a folder soapgen did not generate (no index.ts with the soapgen banner): every file in the output folder is replaced; choose an empty or new folder`,
    );
    expect(readFileSync(join(notOurs, "main.ts"), "utf8")).toBe("console.log('mine');\n");

    const file = join(dir, "a-file");
    writeFileSync(file, "data");
    expect(((await rejection(generate({ wsdl: CHOICE, out: file }))) as SoapgenError).message).toBe(
      `${file}: the output path exists and is not a folder`,
    );
    expect(readFileSync(file, "utf8")).toBe("data");
  });

  it("puts back an output a killed run had moved aside, before even reading the WSDL", async () => {
    const out = await previousOutput();
    // What a kill between the two renames of the swap leaves: the previous output moved aside, and the
    // new one complete beside it.
    renameSync(out, `${out}.soapgen-old-${DEAD_PID}`);
    cpSync(`${out}.soapgen-old-${DEAD_PID}`, `${out}.soapgen-tmp-${DEAD_PID}`, { recursive: true });
    // A run still going (here: this test's parent process) keeps its folders.
    mkdirSync(`${out}.soapgen-tmp-${process.ppid}`);
    expect(await rejection(generate({ wsdl: DANGLING, out }))).toBeInstanceOf(SoapgenError);
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers(out)).toEqual([`client.soapgen-tmp-${process.ppid}`]);
  });
});

describe("interrupting soapgen while it computes", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s stops a run that never finishes reading the WSDL, the output untouched",
    async (signal) => {
      await ensureBuilt();
      const out = await previousOutput();
      const wsdl = join(dir, "endless.wsdl");
      writeFileSync(
        wsdl,
        readFileSync(CHOICE, "utf8").replace("<wsdl:types>", "<!-- soapgen-endless-read --><wsdl:types>"),
      );
      const { child, done } = startCli(
        ["generate", "--wsdl", wsdl, "--out", out],
        ["--import", resolve(ROOT, "test/safety/faults/endless-read.mjs")],
      );
      try {
        let stderr = "";
        await new Promise<void>((started) =>
          child.stderr!.on("data", (chunk: Buffer) => {
            stderr += chunk.toString();
            if (stderr.includes("endless read started")) started();
          }),
        );
        child.kill(signal);
        // A run that ignores the signal never gets here: the test's timeout fails it.
        const run = await done;
        expect(run.code).toBe(signal === "SIGINT" ? 130 : 143);
        expect(run.stderr).toBe(`endless read started\nsoapgen: interrupted by ${signal}\n`);
        expect(snapshot(out)).toEqual(previous);
        expect(leftovers(out)).toEqual([]);
      } finally {
        child.kill("SIGKILL");
      }
    },
    60_000,
  );
});

describe("killing soapgen", () => {
  const RUNS = 4;
  let bigWsdl: string;
  let expected: Map<string, string>;
  let fullRunMs = 0;

  beforeAll(async () => {
    await ensureBuilt();
    bigWsdl = join(dir, "big.wsdl");
    writeFileSync(bigWsdl, replicatedCustomerService(2));
    const reference = join(dir, "reference");
    const started = Date.now();
    expect((await runCli(["generate", "--wsdl", bigWsdl, "--out", reference])).code).toBe(0);
    fullRunMs = Date.now() - started;
    expected = snapshot(reference)!;
  }, 60_000);

  /** Deterministic kill times spread over a whole run. */
  const killTimes = (seed: number): number[] => {
    let state = seed;
    return Array.from({ length: RUNS }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return (state / 2 ** 31) * fullRunMs;
    });
  };

  function signalAfter(
    child: ReturnType<typeof startCli>["child"],
    signal: NodeJS.Signals,
    ms: number,
  ): () => void {
    const timer = setTimeout(() => child.kill(signal), ms);
    return () => clearTimeout(timer);
  }

  /** Sends `signal` once soapgen has created its temporary folder, freezing it first (SIGSTOP) so it lands mid-write. */
  function signalWhenWriting(
    out: string,
    child: ReturnType<typeof startCli>["child"],
    signal: NodeJS.Signals,
  ): () => void {
    const watcher = watch(resolve(out, ".."), (_, name) => {
      if (!name?.toString().includes(".soapgen-tmp-")) return;
      watcher.close();
      child.kill("SIGSTOP");
      child.kill(signal);
      child.kill("SIGCONT");
    });
    return () => watcher.close();
  }

  /** The state a kill may leave: previous output, new output, or the previous one moved aside intact. */
  function expectPreviousOrNew(out: string, run: CliRun): void {
    const now = snapshot(out);
    if (now === undefined) {
      const aside = leftovers(out).filter((name) => name.includes(".soapgen-old-"));
      expect(aside, `${run.signal}: no output and nothing moved aside`).toHaveLength(1);
      expect(snapshot(join(out, "..", aside[0]!))).toEqual(previous);
    } else {
      expect([previous, expected]).toContainEqual(now);
    }
  }

  it("with SIGKILL at any moment leaves the previous or the new output, and the next run cleans up", async () => {
    const out = await previousOutput();
    const times = killTimes(20_240_611);
    for (let i = 0; i < RUNS; i++) {
      const { child, done } = startCli(["generate", "--wsdl", bigWsdl, "--out", out]);
      // Half the runs are killed at a time spread over a run, half the moment they start writing.
      const cancel =
        i % 2 === 0 ? signalAfter(child, "SIGKILL", times[i]!) : signalWhenWriting(out, child, "SIGKILL");
      const run = await done;
      cancel();
      expectPreviousOrNew(out, run);
      // The next successful run (back to the previous WSDL) must remove whatever the kill left.
      await generate({ wsdl: CHOICE, out });
      expect(snapshot(out)).toEqual(previous);
      expect(leftovers(out)).toEqual([]);
    }
  });

  it("with SIGINT or SIGTERM stops cleanly: the previous or the new output, nothing left behind", async () => {
    const out = await previousOutput();
    const times = killTimes(19_700_101);
    for (let i = 0; i < RUNS; i++) {
      const signal = i % 3 === 2 ? "SIGTERM" : "SIGINT";
      const { child, done } = startCli(["generate", "--wsdl", bigWsdl, "--out", out]);
      const cancel =
        i % 2 === 0 ? signalAfter(child, signal, times[i]!) : signalWhenWriting(out, child, signal);
      const run = await done;
      cancel();
      // Before soapgen installs its handler (while node starts) the signal's default action applies.
      if (run.code !== 0 && run.signal === null) {
        expect(run.code).toBe(signal === "SIGINT" ? 130 : 143);
        expect(run.stderr).toBe(`soapgen: interrupted by ${signal}\n`);
      }
      expect([previous, expected]).toContainEqual(snapshot(out));
      expect(leftovers(out)).toEqual([]);
      await generate({ wsdl: CHOICE, out });
    }
  });
});
