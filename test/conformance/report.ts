import { runConformance } from "./conformance.js";
import { SERVICES } from "./services.js";
import { renderReport, rowVerdict } from "./table.js";

/** `npm run conformance`: the conformance table of each generated Services88 client; exits 1 when a row fails. */
const runs = [];
for (const service of SERVICES) runs.push(await runConformance(service));
for (const line of renderReport(runs)) console.log(line);
process.exitCode = runs.some((run) => run.rows.some((row) => rowVerdict(row) === "failed")) ? 1 : 0;
