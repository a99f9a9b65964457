import { runConformance } from "./conformance.js";
import { renderReport, rowVerdict } from "./table.js";

/** `npm run conformance`: the conformance table for the CustomerService client; exits 1 when a row fails. */
const run = await runConformance();
for (const line of renderReport(run)) console.log(line);
process.exitCode = run.rows.some((row) => rowVerdict(row) === "failed") ? 1 : 0;
