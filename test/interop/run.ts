import { CustomerServiceClient } from "../../generated/customer-service/index.js";
import type { CustomerServiceRequestHeaders } from "../../generated/customer-service/index.js";
import { CHECKS } from "./checks.js";
import type { CheckContext, Exchange, Verdict } from "./checks.js";
import { build, missingPackages, SERVERS, start } from "./oracles.js";
import type { RunningServer, ServerSpec } from "./oracles.js";
import { renderTable } from "./table.js";
import type { Column } from "./table.js";

/**
 * `npm run interop`: the generated CustomerServiceClient against the gSOAP (lenient, strict) and Mono WCF
 * oracle servers, as a table; exits 1 when a check fails. `--require-all` (CI) also fails when a
 * server is skipped for missing packages.
 */
const requireAll = process.argv.includes("--require-all");
const CALL_TIMEOUT_MS = 15_000;
/** How much of a request or response a failure note shows. */
const MAX_SHOWN = 3000;

async function runChecks(server: RunningServer): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (const check of CHECKS) {
    const exchanges: Exchange[] = [];
    const context: CheckContext = {
      server: server.spec,
      exchanges,
      client: (headers?: CustomerServiceRequestHeaders, rewrite = (xml: string) => xml) =>
        new CustomerServiceClient({
          endpoint: server.endpoint,
          timeoutMs: CALL_TIMEOUT_MS,
          ...(headers === undefined ? {} : { headers }),
          fetch: async (url, init) => {
            const request = rewrite(String(init?.body));
            const response = await fetch(url, { ...init, body: request });
            exchanges.push({
              request,
              status: response.status,
              response: await response.clone().text(),
            });
            return response;
          },
        }),
    };
    const verdict = await check.run(context);
    verdicts.push(verdict.status === "failed" ? withExchange(verdict.reason, exchanges) : verdict);
  }
  return verdicts;
}

/** A failure with the bytes of the last exchange, so a client bug can be reported precisely. */
function withExchange(reason: string, exchanges: readonly Exchange[]): Verdict {
  const last = exchanges.at(-1);
  if (last === undefined) return { status: "failed", reason };
  const cut = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
  return {
    status: "failed",
    reason: `${reason}\n    request: ${cut(last.request)}\n    response (HTTP ${last.status}): ${cut(last.response.trim())}`,
  };
}

async function runFamily(family: ServerSpec["family"]): Promise<Column[]> {
  const specs = SERVERS.filter((spec) => spec.family === family);
  const missing = await missingPackages(family);
  if (missing !== undefined) return specs.map((spec) => ({ title: spec.title, skipped: missing }));
  const servers: RunningServer[] = [];
  try {
    const started = Date.now();
    const folder = await build(family);
    console.error(`${family} oracle ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${folder})`);
    for (const spec of specs) servers.push(await start(spec, folder));
    return await Promise.all(
      servers.map(async (server) => ({ title: server.spec.title, verdicts: await runChecks(server) })),
    );
  } catch (error) {
    const broken = error instanceof Error ? error.message : String(error);
    return specs.map((spec) => ({ title: spec.title, broken }));
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

const started = Date.now();
const families = await Promise.all([runFamily("gsoap"), runFamily("mono")]);
const columns = families.flat();
for (const line of renderTable(
  CHECKS.map((check) => check.name),
  columns,
))
  console.log(line);
console.log(`interop took ${((Date.now() - started) / 1000).toFixed(1)} s`);
const failedCells = columns.some(
  (column) =>
    "broken" in column ||
    ("verdicts" in column && column.verdicts.some((verdict) => verdict.status === "failed")),
);
const skipped = columns.some((column) => "skipped" in column);
process.exitCode = failedCells || (requireAll && skipped) ? 1 : 0;
