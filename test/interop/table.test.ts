import { describe, expect, it } from "vitest";
import { renderTable } from "./table.js";

describe("renderTable", () => {
  const lines = renderTable(
    ["first check", "second check"],
    [
      {
        title: "one",
        verdicts: [{ status: "passed" }, { status: "failed", reason: "wrong\n    request: <x/>" }],
      },
      { title: "two", verdicts: [{ status: "n/a", reason: "not implemented" }, { status: "passed" }] },
      { title: "three", skipped: "mono not found (apt-get install -y mono-complete)" },
    ],
  );

  it("prints one row per check and one column per server, failures numbered into the notes", () => {
    expect(lines.slice(0, 4)).toEqual([
      "check        | one         | two                     | three",
      "------------ | ----------- | ----------------------- | -------",
      "first check  | ✓           | n/a [1] not implemented | skipped",
      "second check | ✗ [2] wrong | ✓                       | skipped",
    ]);
    expect(lines).toContain("[2] second check on one: wrong\n    request: <x/>");
  });

  it("names skipped servers and ends with the counts", () => {
    expect(lines.slice(-3)).toEqual([
      "three skipped: mono not found (apt-get install -y mono-complete)",
      "1 not applicable (the oracle does not implement the operation)",
      "2 passed, 1 failed",
    ]);
  });

  it("fails every check of a server that did not build or start, with one note", () => {
    const broken = renderTable(
      ["a", "b"],
      [{ title: "x", broken: "building the gsoap oracle failed: no g++" }],
    );
    expect(broken.slice(2, 4)).toEqual(["a     | ✗ [1]", "b     | ✗ [1]"]);
    expect(broken).toContain("[1] x: building the gsoap oracle failed: no g++");
    expect(broken.at(-1)).toBe("0 passed, 2 failed");
  });
});
