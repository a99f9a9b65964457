import { COLUMNS } from "./conformance.js";
import type { Column, ConformanceRun, Finding, Row } from "./conformance.js";

const TITLES: Readonly<Record<Column, string>> = {
  request: "request",
  response: "response",
  roundTrip: "round trip",
  zeep: "zeep",
  nodeSoap: "node-soap",
};
/** Longest cell text; the full difference is in the notes below the table. */
const MAX_CELL = 44;

/** A finding in full; the page's own mistake is marked as the documentation's. */
function describeFinding(finding: Finding): string {
  return `${finding.source === "documentation" ? "documentation: " : ""}${finding.path}: ${finding.message}`;
}

/**
 * A documented row passes when no column found anything. A page or operation without counterpart is
 * listed (not counted) when expected.ts pins it, and fails when it does not.
 */
export function rowVerdict(row: Row): "passed" | "failed" | "listed" {
  if (row.kind !== "documented") return row.pinned ? "listed" : "failed";
  return COLUMNS.every((column) => row.columns[column].length === 0) ? "passed" : "failed";
}

/**
 * The report `npm run conformance` prints: a table with one row per operation and page, ✓ or the first
 * difference per column (cut short, given in full in the notes below the table), and the last line
 * `N passed, M failed`.
 */
export function renderReport(run: ConformanceRun): string[] {
  const notes: string[] = [];
  const cellsByRow = new Map<Row, string[]>();
  for (const row of run.rows) {
    if (row.kind !== "documented") continue;
    cellsByRow.set(
      row,
      COLUMNS.map((column) => {
        const [first, ...more] = row.columns[column];
        if (first === undefined) return "✓";
        notes.push(
          `[${notes.length + 1}] ${row.name} ${TITLES[column]}: ${describeFinding(first)}${more.length > 0 ? ` (and ${more.length} more)` : ""}`,
        );
        return shorten(`✗ [${notes.length}] ${describeFinding(first)}`);
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

  const verdicts = run.rows.map(rowVerdict);
  const count = (verdict: string): number => verdicts.filter((v) => v === verdict).length;
  return [
    ...lines,
    "",
    ...notes,
    ...(notes.length > 0 ? [""] : []),
    ...deviationLines,
    `zeep quirk "empty string element read as None" accepted ${run.zeepQuirks.emptyStringAsNone} times`,
    `${count("listed")} rows without a page or without a WSDL operation are listed, not counted`,
    `${count("passed")} passed, ${count("failed")} failed`,
  ];
}

function shorten(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
