import { COLUMNS } from "./conformance.js";
import type { Column, ConformanceRun, Finding, Row } from "./conformance.js";
import type { QuirkCounts } from "./library.js";

const TITLES: Readonly<Record<Column, string>> = {
  request: "request",
  response: "response",
  roundTrip: "round trip",
  zeep: "zeep",
  nodeSoap: "node-soap",
};
/** Longest cell text; the full difference is in the notes below the table. */
const MAX_CELL = 44;

/** A finding in full; the page's own mistake is marked as the documentation's, and whether it is pinned. */
function describeFinding(finding: Finding): string {
  const source =
    finding.source === "client" ? "" : finding.pinned ? "documentation (pinned): " : "documentation: ";
  return `${source}${finding.path}: ${finding.message}`;
}

/** What a passing column may hold: the page's own departures from the schema that expected.ts pins. */
function isPinned(finding: Finding): boolean {
  return finding.source === "documentation" && finding.pinned;
}

/**
 * A documented row passes when no column found anything but pinned departures of the documentation. A
 * page or operation without counterpart is listed (not counted) when expected.ts pins it, and fails
 * when it does not.
 */
export function rowVerdict(row: Row): "passed" | "failed" | "listed" {
  if (row.kind !== "documented") return row.pinned ? "listed" : "failed";
  return COLUMNS.every((column) => row.columns[column].every(isPinned)) ? "passed" : "failed";
}

/**
 * The report `npm run conformance` prints: one section per agent, then the last line `N passed, M
 * failed` over the documented operations of all of them.
 */
export function renderReport(
  runs: readonly ConformanceRun[],
  options: {
    /** A heading printed before the section of the run it is given for. */
    readonly headings?: ReadonlyMap<ConformanceRun, string>;
    /** Totals over all the runs before the last line (`renderTotals`). */
    readonly totals?: boolean;
  } = {},
): string[] {
  const verdicts = runs.flatMap((run) => run.rows.map(rowVerdict));
  const count = (verdict: string): number => verdicts.filter((v) => v === verdict).length;
  return [
    ...runs.flatMap((run) => {
      const heading = options.headings?.get(run);
      return [...(heading === undefined ? [] : [`== ${heading} ==`, ""]), ...renderSection(run), ""];
    }),
    ...(options.totals === true ? [...renderTotals(runs), ""] : []),
    `${count("passed")} passed, ${count("failed")} failed`,
  ];
}

/**
 * Over all agents: each agent's verdicts on one line, how often each quirk mapping applied, and each
 * kind of pinned departure of the documentation (its statement with the element named generically)
 * with its count.
 */
export function renderTotals(runs: readonly ConformanceRun[]): string[] {
  const perAgent = runs.map((run) => {
    const verdicts = run.rows.map(rowVerdict);
    const n = (verdict: string): number => verdicts.filter((v) => v === verdict).length;
    return `${run.service} ${n("passed")}/${n("passed") + n("failed")}${n("listed") > 0 ? ` (+${n("listed")} listed)` : ""}`;
  });
  const quirks = (library: string, counts: (run: ConformanceRun) => QuirkCounts): string[] =>
    (Object.keys(QUIRK_TITLES) as (keyof QuirkCounts)[]).flatMap((quirk) => {
      const total = runs.reduce((sum, run) => sum + counts(run)[quirk], 0);
      return total > 0 ? [`  ${library} "${QUIRK_TITLES[quirk]}": ${total}`] : [];
    });
  const kinds = new Map<string, number>();
  for (const run of runs)
    for (const row of run.rows)
      if (row.kind === "documented")
        for (const column of COLUMNS)
          for (const finding of row.columns[column])
            if (isPinned(finding)) {
              const kind = `${TITLES[column]}: ${departureKind(finding.message)}`;
              kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
            }
  return [
    "Totals:",
    `  per agent (documented rows passed): ${perAgent.join(", ")}`,
    "quirk mappings applied:",
    ...quirks("zeep", (run) => run.zeepQuirks),
    ...quirks("node-soap", (run) => run.nodeSoapQuirks),
    "pinned departures of the documentation, by column and kind:",
    ...[...kinds].map(([kind, total]) => `  ${total} × ${kind}`),
  ];
}

/** A departure's statement with its element and its error's details left out. */
function departureKind(statement: string): string {
  return statement
    .replace(/^<\w+>/, "<element>")
    .replace(/cannot be written back: .*/, "cannot be written back")
    .replace(/empty dictionary keys/, "empty dictionary key");
}

/**
 * One agent's section: its name, a table with one row per operation and page, ✓ or the first
 * difference per column (cut short, given in full in the notes below the table; a column holding only
 * pinned departures of the documentation is ✓ with its note), the envelope deviations, the zeep quirk
 * counts and the rows listed but not counted.
 */
export function renderSection(run: ConformanceRun): string[] {
  const notes: string[] = [];
  const cellsByRow = new Map<Row, string[]>();
  for (const row of run.rows) {
    if (row.kind !== "documented") continue;
    cellsByRow.set(
      row,
      COLUMNS.map((column) => {
        const findings = row.columns[column];
        // The first finding that fails the column is the one shown, else the first pinned one.
        const first = findings.find((finding) => !isPinned(finding)) ?? findings[0];
        if (first === undefined) return "✓";
        const more = findings.length - 1;
        notes.push(
          `[${notes.length + 1}] ${row.name} ${TITLES[column]}: ${describeFinding(first)}${more > 0 ? ` (and ${more} more)` : ""}`,
        );
        return shorten(`${isPinned(first) ? "✓" : "✗"} [${notes.length}] ${describeFinding(first)}`);
      }),
    );
  }
  const nameWidth = Math.max("operation".length, ...run.rows.map((row) => row.name.length));
  const widths = COLUMNS.map((column, i) =>
    Math.max(TITLES[column].length, ...[...cellsByRow.values()].map((cells) => (cells[i] as string).length)),
  );
  const line = (name: string, cells: readonly string[]): string =>
    [name.padEnd(nameWidth), ...cells.map((cell, i) => cell.padEnd(widths[i] as number))]
      .join(" | ")
      .trimEnd();

  const lines = [
    line(
      "operation",
      COLUMNS.map((column) => TITLES[column]),
    ),
    line(
      "-".repeat(nameWidth),
      widths.map((width) => "-".repeat(width)),
    ),
  ];
  for (const row of run.rows) {
    if (row.kind === "documented") {
      lines.push(line(row.name, cellsByRow.get(row) ?? []));
      continue;
    }
    const what =
      row.kind === "pageWithoutOperation"
        ? `page only: the WSDL defines no operation ${row.name}`
        : `WSDL only: no example page documents ${row.name}`;
    lines.push(
      `${row.name.padEnd(nameWidth)} | ${row.pinned ? what : `✗ ${what}, and expected.ts does not list it`}`,
    );
  }

  // Pages sharing the same deviations are one entry, so a page that differs (say, a fixed one) stands out.
  const deviationGroups = new Map<string, { lines: string[]; pages: string[] }>();
  for (const [page, deviations] of run.envelopeDeviations) {
    const lines = [
      `  request: ${deviations.request.join("; ") || "none"}`,
      `  response: ${deviations.response.join("; ") || "none"}`,
    ];
    const group = deviationGroups.get(lines.join("\n")) ?? { lines, pages: [] };
    group.pages.push(page);
    deviationGroups.set(lines.join("\n"), group);
  }
  const deviationLines = [...deviationGroups.values()].flatMap((group) => [
    `envelope deviations of ${group.pages.length === run.envelopeDeviations.size ? "every page" : group.pages.join(", ")}, normalised before decoding:`,
    ...group.lines,
  ]);

  return [
    `${run.service}:`,
    ...lines,
    "",
    ...notes,
    ...(notes.length > 0 ? [""] : []),
    ...deviationLines,
    ...quirkLines("zeep", run.zeepQuirks),
    ...quirkLines("node-soap", run.nodeSoapQuirks),
    `${run.rows.filter((row) => rowVerdict(row) === "listed").length} rows without a page or without a WSDL operation are listed, not counted`,
  ];
}

const QUIRK_TITLES: Readonly<Record<keyof QuirkCounts, string>> = {
  emptyStringAsNone: "empty string element read as None",
  toleratedAsNone: "element our tolerant decoding read as absent read as None",
  nilArrayAsEmpty: "nil ArrayOf wrapper read as one without items",
  nilItemAsEmptyObject: "nil complex item read as an object of Nones",
  nilItemsArrayAsNull: "ArrayOf wrapper of nil items read as null",
  nilComplexAsEmpty: "nil complex element read as an object of Nones",
  untypedText: "list or header value left as text",
  emptyBytesAsNone: "empty binary element read as None",
  emptyArrayAsNone: "ArrayOf wrapper without items read as None",
  emptyWrapperAsNone: "empty message wrapper read as None",
  cannotWriteBack: "documented request read but not written back as its own envelope",
};

/** The quirk mappings that applied, one line each; the zeep empty-string line always, as it always did. */
function quirkLines(library: string, counts: QuirkCounts): string[] {
  return (Object.keys(QUIRK_TITLES) as (keyof QuirkCounts)[])
    .filter((quirk) => counts[quirk] > 0 || (library === "zeep" && quirk === "emptyStringAsNone"))
    .map((quirk) => `${library} quirk "${QUIRK_TITLES[quirk]}" accepted ${counts[quirk]} times`);
}

function shorten(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
