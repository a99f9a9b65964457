/**
 * `npm run fuzz`: many more cases than the tests run, bounded by a case budget and a wall-clock budget,
 * from a fixed seed so a run can be repeated. Random-schema and CustomerService-mutation cases alternate;
 * every distinct client generated is compiled (in batches, one tsc run each). Failing inputs are saved.
 *
 *   npm run fuzz -- [--seed N] [--cases N] [--seconds N]
 *
 * Ends with the line `N passed, M failed` and exits 1 when M > 0.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { mutate, mutations, randomWsdl } from "./arbitraries.js";
import { DistinctOutputs, runMutationCase, runRandomSchemaCase } from "./campaign.js";
import { compileAll, CUSTOMER_SERVICE_WSDL, IsolatedGenerator, snapshot, tempDir } from "./harness.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "20260611" },
    cases: { type: "string", default: "2000" },
    seconds: { type: "string", default: "170" },
  },
});
const seed = Number(values.seed);
const caseBudget = Number(values.cases);
const deadline = Date.now() + Number(values.seconds) * 1000;
/** A case that takes this long is a hang. */
const CASE_TIMEOUT_MS = 30_000;
const COMPILE_BATCH = 40;

const work = tempDir("fuzz");
const failuresDir = join(work, "..", `soapgen-fuzz-failures-${seed}`);
rmSync(failuresDir, { recursive: true, force: true });
const generator = new IsolatedGenerator();
const customerService = readFileSync(CUSTOMER_SERVICE_WSDL, "utf8");
const previous = { folder: join(work, "previous"), files: new Map<string, string>() };
const out = join(work, "client");

const wsdls = new Map<string, string>();
const failures = new Map<string, string>();
const counts = { "random schema": 0, mutation: 0, generated: 0, rejected: 0, compiled: 0 };
const outputs = new DistinctOutputs();

function fail(label: string, reason: string): void {
  mkdirSync(failuresDir, { recursive: true });
  const file = join(failuresDir, `${label}.wsdl`);
  writeFileSync(file, wsdls.get(label) ?? "");
  failures.set(label, reason);
  console.log(`FAIL ${label} (input saved as ${file}): ${reason.split("\n").slice(0, 3).join(" | ")}`);
}

async function compilePending(): Promise<void> {
  const batch = outputs.take();
  if (batch.size === 0) return;
  const diagnostics = await compileAll(new Map([...batch].map(([name, { files }]) => [name, files])));
  counts.compiled += batch.size;
  for (const [name, lines] of diagnostics) {
    if (lines.length > 0) fail(batch.get(name)!.label, `does not compile:\n${lines.slice(0, 5).join("\n")}`);
  }
}

const started = Date.now();
console.log(`soapgen fuzz: seed ${seed}, up to ${caseBudget} cases or ${values.seconds} s`);
const first = await generator.run(customerService, {
  out: previous.folder,
  name: "Services88-CustomerService.wsdl",
  timeoutMs: 120_000,
});
if (first.kind !== "generated")
  throw new Error(`the unmutated CustomerService WSDL did not generate: ${first.kind}`);
previous.files = snapshot(previous.folder)!;
cpSync(previous.folder, out, { recursive: true });

// The two streams are sampled from the one seed; cases alternate between them.
const schemas = fc.sample(randomWsdl, { seed, numRuns: Math.ceil(caseBudget / 2) });
const changes = fc.sample(mutations, { seed: seed + 1, numRuns: Math.ceil(caseBudget / 2) });
let run = 0;
for (; run < caseBudget && Date.now() < deadline; run++) {
  const index = Math.floor(run / 2);
  const kind = run % 2 === 0 ? "random schema" : "mutation";
  const label = `${kind === "mutation" ? "mutation" : "schema"}-${index}`;
  const wsdl = kind === "mutation" ? changes[index]!.reduce(mutate, customerService) : schemas[index]!;
  wsdls.set(label, wsdl);
  const result =
    kind === "mutation"
      ? await runMutationCase(generator, wsdl, out, previous, CASE_TIMEOUT_MS)
      : await runRandomSchemaCase(generator, wsdl, CASE_TIMEOUT_MS);
  counts[kind]++;
  if (result.outcome === "generated" || result.outcome === "rejected") counts[result.outcome]++;
  if (result.failure !== undefined)
    fail(
      label,
      kind === "mutation" ? `${JSON.stringify(changes[index])}: ${result.failure}` : result.failure,
    );
  else if (result.files) outputs.add(result.files, label);
  // Inputs are only kept while a failure may still need saving: until their output is compiled.
  if (outputs.pending.size >= COMPILE_BATCH) await compilePending();
  if (!failures.has(label) && ![...outputs.pending.values()].some((p) => p.label === label))
    wsdls.delete(label);
  if ((run + 1) % 100 === 0)
    console.log(
      `  ${run + 1} cases in ${Math.round((Date.now() - started) / 1000)} s, ${failures.size} failed`,
    );
}
await compilePending();
await generator.close();
rmSync(work, { recursive: true, force: true });

const seconds = Math.round((Date.now() - started) / 1000);
const stoppedBy = run < caseBudget ? " (stopped by the time budget)" : "";
console.log(
  `cases run: ${run}${stoppedBy} in ${seconds} s: ${counts["random schema"]} random schemas, ${counts.mutation} CustomerService mutations`,
);
console.log(
  `outcomes: ${counts.generated} generated, ${counts.rejected} rejected with a SoapgenError; ${counts.compiled} distinct clients compiled`,
);
console.log(`failures found: ${failures.size}${failures.size > 0 ? ` (inputs in ${failuresDir})` : ""}`);
console.log(`${run - failures.size} passed, ${failures.size} failed`);
process.exitCode = failures.size > 0 ? 1 : 0;
