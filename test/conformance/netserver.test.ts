import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadNetserverAgents, NETSERVER, netserverAgentNames } from "./agents.js";
import { catalog, runConformance } from "./conformance.js";
import type { Column, ConformanceRun, Finding } from "./conformance.js";
import { normaliseToWsdl, readPages } from "./docs.js";
import { EMPTY_DATETIME_KEY, EMPTY_DURATION, NIL_NOT_NILLABLE } from "./netserver-expected.js";
import type { ServiceUnderTest } from "./services.js";
import { noQuirkCounts } from "./library.js";
import { rowVerdict } from "./table.js";

// `npm run conformance` runs every page of the 48 agents (CI runs it); here, the pieces it rests on and
// the agents that have each kind of pinned departure or new quirk, run as the report runs them.
const AGENTS = ["AI", "Audience", "ErpSync", "TimeZone"] as const;
const agents = new Map<string, ServiceUnderTest>();
const runs = new Map<string, ConformanceRun>();

beforeAll(async () => {
  for (const agent of await loadNetserverAgents(AGENTS)) {
    agents.set(agent.name, agent);
    runs.set(agent.name, await runConformance(agent));
  }
}, 120_000);

function agent(name: string): ServiceUnderTest {
  const found = agents.get(name);
  if (found === undefined) throw new Error(`no agent ${name}`);
  return found;
}

function run(name: string): ConformanceRun {
  const found = runs.get(name);
  if (found === undefined) throw new Error(`no run for ${name}`);
  return found;
}

function columns(name: string, operation: string): Readonly<Record<Column, readonly Finding[]>> {
  const row = run(name).rows.find((candidate) => candidate.name === operation);
  if (row?.kind !== "documented") throw new Error(`no documented row ${name}.${operation}`);
  return row.columns;
}

describe("the agents of ../shared/netserver/Services88", () => {
  it("are the 48 folders of example pages beside a Services88-<Agent>.wsdl, 1,333 pages in all", () => {
    const names = netserverAgentNames();
    expect(names).toHaveLength(48);
    expect(names).toEqual(expect.arrayContaining(["AI", "Contact", "CustomerService", "List", "TimeZone"]));
    const pages = names.reduce((total, name) => total + readPages(path.join(NETSERVER, name)).length, 0);
    expect(pages).toBe(1333);
    // The WSDLs without a folder of pages are not agents under test.
    const wsdls = readdirSync(NETSERVER).filter((file) => file.endsWith(".wsdl"));
    expect(wsdls).toHaveLength(60);
  });

  it("pin only agents and pages that exist", () => {
    const names = new Set(netserverAgentNames());
    for (const pins of [NIL_NOT_NILLABLE, EMPTY_DURATION, EMPTY_DATETIME_KEY])
      for (const [name, pages] of Object.entries(pins)) {
        expect(names).toContain(name);
        const documented = new Set(readPages(path.join(NETSERVER, name)).map((page) => page.name));
        for (const page of Object.keys(pages)) expect(documented).toContain(page);
      }
  });

  it("each get a client generated from the WSDL alone, hosted by node-soap at the WSDL's service and port", () => {
    const { meta } = agent("TimeZone");
    expect(Object.keys(meta.operations)).toHaveLength(12);
    expect(agent("TimeZone").nodeSoap).toEqual({
      path: "/Cust12345/Remote/Services88/TimeZone.svc",
      service: "WcfTimeZoneService",
      port: "BasicHttpBinding_TimeZone",
    });
  });
});

describe.each(AGENTS.map((name) => [name] as const))("%s", (name) => {
  it("passes every documented page, and lists each page without operation", () => {
    const verdicts = run(name).rows.map((row) => [row.name, rowVerdict(row)]);
    const { documented } = catalog(agent(name));
    expect(verdicts.filter(([, verdict]) => verdict === "passed")).toHaveLength(documented.length);
    expect(verdicts.filter(([, verdict]) => verdict !== "passed")).toEqual(
      name === "AI" ? [["TrainCategorizer", "listed"]] : [],
    );
  });
});

describe("the pinned departures and quirks", () => {
  it('an empty xs:dateTime dictionary key: the response is read, the key is "", strict decoding refuses it', () => {
    const service = agent("TimeZone");
    const page = readPages(service.docsDir).find((candidate) => candidate.name === "InitializeTimeZoneData")!;
    const xml = normaliseToWsdl(page.response);
    const decoded = service.decodeMessage(service.meta, "InitializeTimeZoneData", "output", xml);
    const zone = (decoded.body as { Response: { TimeZoneSTDRules: Record<string, unknown> }[] }).Response[0]!;
    expect(Object.keys(zone.TimeZoneSTDRules)).toEqual([""]);
    const key = "Envelope/Body/InitializeTimeZoneDataResponse/Response/TimeZoneData[0]";
    expect(decoded.deviations).toEqual([
      { kind: "emptyValue", path: `${key}/TimeZoneSTDRules/TimeZoneRuleKeyValuePair[0]/Key`, detail: "" },
      { kind: "emptyValue", path: `${key}/TimeZoneDSTRules/TimeZoneRuleKeyValuePair[0]/Key`, detail: "" },
    ]);
    expect(() =>
      service.decodeMessage(service.meta, "InitializeTimeZoneData", "output", xml, { strict: true }),
    ).toThrow(/Not a dateTime at .*TimeZoneSTDRules\/TimeZoneRuleKeyValuePair\[0\]\/Key/);

    const { response, roundTrip, zeep, nodeSoap } = columns("TimeZone", "InitializeTimeZoneData");
    expect(
      response.map((finding) => [finding.message, finding.source === "documentation" && finding.pinned]),
    ).toEqual([
      ['"" is not a valid dateTime', true],
      ['"" is not a valid dateTime', true],
    ]);
    expect(roundTrip).toHaveLength(1);
    expect(roundTrip[0]).toMatchObject({ source: "documentation", pinned: true });
    expect(roundTrip[0]!.message).toMatch(
      /^the empty dictionary keys the page gives cannot be written back: /,
    );
    expect([zeep, nodeSoap]).toEqual([[], []]);
  });

  it("an unpinned departure fails its row: the same run without the key's pins", async () => {
    const service = agent("TimeZone");
    const unpinned: ServiceUnderTest = {
      ...service,
      expected: { ...service.expected, documentationErrors: [], tolerated: [] },
    };
    const pages = readPages(service.docsDir).filter((page) => page.name === "InitializeTimeZoneData");
    const row = (await runConformance(unpinned, pages)).rows.find(
      (r) => r.name === "InitializeTimeZoneData",
    )!;
    expect(rowVerdict(row)).toBe("failed");
  });

  it("a pin the page does not bear fails its row", async () => {
    const service = agent("TimeZone");
    const stale: ServiceUnderTest = {
      ...service,
      expected: {
        ...service.expected,
        documentationErrors: [
          ...service.expected.documentationErrors,
          {
            page: "GetBaseTimeZoneId",
            message: "response",
            path: "Body/GetBaseTimeZoneIdResponse/Response",
            statement: '"" is not a valid int',
          },
        ],
      },
    };
    const pages = readPages(service.docsDir).filter((page) => page.name === "GetBaseTimeZoneId");
    const { rows } = await runConformance(stale, pages);
    const row = rows.find((r) => r.name === "GetBaseTimeZoneId")!;
    expect(rowVerdict(row)).toBe("failed");
    expect(row.kind === "documented" && row.columns.response).toEqual([
      {
        path: "Body/GetBaseTimeZoneIdResponse/Response",
        message: 'expected.ts pins "\\"\\" is not a valid int" here, which the page does not have',
        source: "client",
      },
    ]);
  });

  it("an empty xs:duration is read as absent, pinned in the request and in the response", () => {
    expect(columns("ErpSync", "ChangeEngineInterval").request).toEqual([
      {
        path: "Body/ChangeEngineInterval/Interval",
        message: '"" is not a valid duration',
        source: "documentation",
        pinned: true,
      },
    ]);
    expect(columns("ErpSync", "GetEngineStatus").response).toEqual([
      {
        path: "Body/GetEngineStatusResponse/Response/Interval",
        message: '"" is not a valid duration',
        source: "documentation",
        pinned: true,
      },
    ]);
  });

  it("apply each quirk mapping as often as pinned", () => {
    const quirks = Object.fromEntries(
      [...runs].map(([name, { zeepQuirks, nodeSoapQuirks }]) => [name, { zeepQuirks, nodeSoapQuirks }]),
    );
    expect(quirks).toEqual({
      AI: {
        zeepQuirks: { ...noQuirkCounts(), emptyStringAsNone: 18, emptyWrapperAsNone: 2 },
        nodeSoapQuirks: { ...noQuirkCounts(), emptyWrapperAsNone: 1 },
      },
      // Empty base64: the country flag images, in the documented messages and in our requests.
      Audience: {
        zeepQuirks: {
          ...noQuirkCounts(),
          emptyStringAsNone: 177,
          emptyBytesAsNone: 12,
          emptyWrapperAsNone: 12,
        },
        nodeSoapQuirks: { ...noQuirkCounts(), emptyBytesAsNone: 4, emptyWrapperAsNone: 3 },
      },
      // The nil MDOListItem children of the list mappings (zeep gives only their own fields), and
      // SaveConnectionListMappings, whose documented request zeep reads but cannot write back.
      ErpSync: {
        zeepQuirks: {
          ...noQuirkCounts(),
          emptyStringAsNone: 302,
          toleratedAsNone: 11,
          nilArrayAsEmpty: 4,
          nilItemAsEmptyObject: 4,
          emptyWrapperAsNone: 17,
          cannotWriteBack: 1,
        },
        nodeSoapQuirks: { ...noQuirkCounts(), emptyWrapperAsNone: 6 },
      },
      // toleratedAsNone: zeep's None for the two empty dictionary keys.
      TimeZone: {
        zeepQuirks: { ...noQuirkCounts(), emptyStringAsNone: 12, toleratedAsNone: 2, emptyWrapperAsNone: 20 },
        nodeSoapQuirks: { ...noQuirkCounts(), emptyWrapperAsNone: 8 },
      },
    });
  });
});
