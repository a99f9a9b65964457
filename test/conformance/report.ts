import path from "node:path";
import { loadNetserverAgents, NETSERVER } from "./agents.js";
import { runConformance } from "./conformance.js";
import type { ConformanceRun } from "./conformance.js";
import { SERVICES } from "./services.js";
import type { ServiceUnderTest } from "./services.js";
import { renderReport, rowVerdict } from "./table.js";

/**
 * `npm run conformance`: the conformance table of each Services88 agent with example pages — the two
 * committed clients against ../shared/superoffice-docs, then every agent of ../shared/netserver, its
 * client generated from its WSDL alone — and one `N passed, M failed` line over all; exits 1 when a row
 * fails.
 */
const started = performance.now();
const netserver = await loadNetserverAgents();
const groups: [string, readonly ServiceUnderTest[]][] = [
  ["../shared/superoffice-docs/Services88 (committed clients in generated/)", SERVICES],
  [
    `${path.relative(process.cwd(), NETSERVER)} (${netserver.length} agents, each client generated alone)`,
    netserver,
  ],
];
/** Two agents at a time: one's zeep processes run on the second core while the other's checks run here. */
const WIDTH = 2;
const services = groups.flatMap(([, members]) => members);
const runs: ConformanceRun[] = new Array(services.length);
let next = 0;
await Promise.all(
  Array.from({ length: WIDTH }, async () => {
    for (let i = next++; i < services.length; i = next++) runs[i] = await runConformance(services[i]!);
  }),
);
const headings = new Map<ConformanceRun, string>();
let first = 0;
for (const [group, members] of groups) {
  if (members.length > 0) headings.set(runs[first]!, group);
  first += members.length;
}
console.error(`conformance: ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const line of renderReport(runs, { headings, totals: true })) console.log(line);
process.exitCode = runs.some((run) => run.rows.some((row) => rowVerdict(row) === "failed")) ? 1 : 0;
