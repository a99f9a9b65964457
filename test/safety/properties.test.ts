/**
 * Property-based: random schemas and random mutations of the real CustomerService WSDL. Every case either
 * generates a client that compiles under the strictest settings (all of a run's clients in one tsc run)
 * or is rejected with a SoapgenError; nothing else is thrown, nothing hangs, no text of the WSDL becomes
 * code, and a failed run leaves the previous output as it was. `npm run fuzz` runs many more cases.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SoapgenError } from "../../generator/errors.js";
import { render } from "../../generator/generate.js";
import { formatWithTypescriptParser } from "../generator/prettier-typescript.js";
import { mutate, mutations, randomWsdl } from "./arbitraries.js";
import { checkOutcome, DistinctOutputs, runMutationCase } from "./campaign.js";
import {
  compileAll,
  CUSTOMER_SERVICE_WSDL,
  ensureBuilt,
  IsolatedGenerator,
  snapshot,
  tempDir,
  type Outcome,
} from "./harness.js";

const SEED = 20_260_611;
const dir = tempDir("properties");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiles the outputs and fails naming, for each that does not compile, a file holding its WSDL. */
async function expectAllCompile(outputs: DistinctOutputs, wsdlOf: (label: string) => string): Promise<void> {
  const batch = outputs.take();
  const diagnostics = await compileAll(new Map([...batch].map(([name, { files }]) => [name, files])));
  const failures = [...diagnostics]
    .filter(([, lines]) => lines.length > 0)
    .map(([name, lines]) => {
      const { label } = batch.get(name)!;
      const saved = join(dir, `${label}.wsdl`);
      writeFileSync(saved, wsdlOf(label));
      return `${saved}:\n${lines.slice(0, 5).join("\n")}`;
    });
  expect(failures).toEqual([]);
}

describe("random schemas", () => {
  it("generate a client that compiles, or are rejected with a SoapgenError", async () => {
    const outputs = new DistinctOutputs();
    const wsdls = new Map<string, string>();
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(randomWsdl, async (wsdl) => {
        let outcome: Outcome;
        try {
          outcome = { kind: "generated", files: await render({ text: wsdl, name: "random.wsdl" }) };
        } catch (error) {
          if (!(error instanceof SoapgenError)) throw error;
          outcome = { kind: "rejected", message: error.message };
        }
        expect(checkOutcome(outcome)).toBe(undefined);
        if (outcome.kind === "rejected") rejected++;
        else {
          // Every file is in prettier's layout (its typescript parser's), however it was written: the
          // declarations by prettier's babel-ts parser, the tables by format/literal.ts, the runtime by hand.
          for (const [name, text] of outcome.files) {
            if (name.endsWith(".ts")) expect(await formatWithTypescriptParser(text), name).toBe(text);
          }
          const label = `random-${wsdls.size}`;
          wsdls.set(label, wsdl);
          outputs.add(outcome.files, label);
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
    // The generator must mostly accept them, or the compile check below would check little.
    expect(rejected).toBeLessThan(15);
    await expectAllCompile(outputs, (label) => wsdls.get(label)!);
  });
});

describe("mutations of the CustomerService WSDL", () => {
  const generator = new IsolatedGenerator();
  const customerService = readFileSync(CUSTOMER_SERVICE_WSDL, "utf8");
  const previous = { folder: join(dir, "previous"), files: new Map<string, string>() };

  beforeAll(async () => {
    await ensureBuilt();
    mkdirSync(dir, { recursive: true });
    expect(
      (
        await generator.run(customerService, {
          out: previous.folder,
          name: "Services88-CustomerService.wsdl",
          timeoutMs: 60_000,
        })
      ).kind,
    ).toBe("generated");
    previous.files = snapshot(previous.folder)!;
  }, 90_000);
  afterAll(() => generator.close());

  it("replace the previous output completely or not at all, within the time bound", async () => {
    const out = join(dir, "client");
    cpSync(previous.folder, out, { recursive: true });
    const outputs = new DistinctOutputs();
    const wsdls = new Map<string, string>();
    const failures: string[] = [];
    for (const [i, changes] of fc.sample(mutations, { seed: SEED, numRuns: 12 }).entries()) {
      const wsdl = changes.reduce(mutate, customerService);
      const result = await runMutationCase(generator, wsdl, out, previous, 30_000);
      const label = `mutation-${i}`;
      wsdls.set(label, wsdl);
      if (result.failure !== undefined) {
        writeFileSync(join(dir, `${label}.wsdl`), wsdl);
        failures.push(`${join(dir, `${label}.wsdl`)} (${JSON.stringify(changes)}): ${result.failure}`);
      }
      if (result.files) outputs.add(result.files, label);
    }
    expect(failures).toEqual([]);
    await expectAllCompile(outputs, (label) => wsdls.get(label)!);
  });
});
