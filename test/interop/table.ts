import type { Verdict } from "./checks.js";

/**
 * A server's column: its verdict per check; or why the whole server was skipped (its packages are
 * missing) or broken (it did not build or start: every check fails, with one note).
 */
export type Column =
  | { readonly title: string; readonly verdicts: readonly Verdict[] }
  | { readonly title: string; readonly skipped: string }
  | { readonly title: string; readonly broken: string };

/** Longest cell text; the full reason is in the notes below the table. */
const MAX_CELL = 40;

/**
 * The report `npm run interop` prints: one row per check, one column per server (✓, ✗ or n/a with a
 * note number), the notes, and the closing `N passed, M failed` line. Not applicable cells and skipped
 * servers are listed above it and counted in neither.
 */
export function renderTable(checks: readonly string[], columns: readonly Column[]): string[] {
  const notes: string[] = [];
  const counts = { passed: 0, failed: 0, notApplicable: 0 };
  const brokenNotes = new Map<Column, number>();
  const cells = checks.map((check, row) =>
    columns.map((column) => {
      if ("skipped" in column) return "skipped";
      if ("broken" in column) {
        counts.failed++;
        let note = brokenNotes.get(column);
        if (note === undefined) {
          notes.push(`[${notes.length + 1}] ${column.title}: ${column.broken}`);
          note = notes.length;
          brokenNotes.set(column, note);
        }
        return `✗ [${note}]`;
      }
      const verdict = column.verdicts[row];
      if (verdict === undefined) throw new Error(`no verdict for ${check} on ${column.title}`);
      if (verdict.status === "passed") {
        counts.passed++;
        return "✓";
      }
      if (verdict.status === "failed") counts.failed++;
      else counts.notApplicable++;
      notes.push(`[${notes.length + 1}] ${check} on ${column.title}: ${verdict.reason}`);
      const mark = verdict.status === "failed" ? "✗" : "n/a";
      return shorten(`${mark} [${notes.length}] ${verdict.reason.split("\n")[0]}`);
    }),
  );
  const nameWidth = Math.max("check".length, ...checks.map((check) => check.length));
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...cells.map((row) => (row[i] as string).length)),
  );
  const line = (name: string, row: readonly string[]): string =>
    [name.padEnd(nameWidth), ...row.map((cell, i) => cell.padEnd(widths[i] as number))].join(" | ").trimEnd();
  return [
    line(
      "check",
      columns.map((column) => column.title),
    ),
    line(
      "-".repeat(nameWidth),
      widths.map((width) => "-".repeat(width)),
    ),
    ...checks.map((check, row) => line(check, cells[row] as string[])),
    "",
    ...notes,
    ...(notes.length > 0 ? [""] : []),
    ...columns.flatMap((column) =>
      "skipped" in column ? [`${column.title} skipped: ${column.skipped}`] : [],
    ),
    `${counts.notApplicable} not applicable (the oracle does not implement the operation)`,
    `${counts.passed} passed, ${counts.failed} failed`,
  ];
}

function shorten(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
