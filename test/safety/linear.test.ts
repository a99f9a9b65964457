/**
 * No input makes the readers or the emitter superlinear. Each case is a WSDL of about a megabyte built
 * against one construct a backtracking regular expression or a nested loop would choke on (a comment
 * before the root and many after it, PIs, attributes, nesting, whitespace, references, a long name); it
 * is generated in a worker that is stopped after a bound generous enough for a slow machine, where a
 * linear reader needs well under a second and a quadratic or exponential one never finishes. Nothing is
 * timed: a case fails only when it does not finish at all.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, IsolatedGenerator, ROOT } from "./harness.js";

/** Several times what the slowest linear case needs on a loaded 2-core machine. */
const BOUND_MS = 60_000;
const MEGABYTE = 1 << 20;

const base = readFileSync(resolve(ROOT, "wsdl/choice.wsdl"), "utf8");
const TYPES = "<wsdl:types>";

/** `unit` repeated to about a megabyte. */
const repeated = (unit: string): string => unit.repeat(Math.ceil(MEGABYTE / unit.length));

/** The WSDL with `markup` inside the root element, before wsdl:types. */
const inRoot = (markup: string): string => base.replace(TYPES, `${markup}${TYPES}`);

/** Each WSDL and the outcome it must reach: every case is read to the end, none stops early. */
const cases: [string, string, "generated" | "rejected"][] = [
  // The prolog has a comment; the scan for a DOCTYPE in it must stop at the root element.
  ["a comment before the root, many after it", inRoot(repeated("\n  <!-- note -->")), "generated"],
  ["many processing instructions", inRoot(repeated("\n  <?pi data?>")), "generated"],
  [
    "many attributes on one element",
    inRoot(`<wsdl:documentation ${Array.from({ length: MEGABYTE / 16 }, (_, i) => `a${i}="v"`).join(" ")}/>`),
    "generated",
  ],
  [
    "nesting as deep as allowed, many times",
    inRoot(repeated(`<wsdl:documentation>${"<x>".repeat(900)}${"</x>".repeat(900)}</wsdl:documentation>`)),
    "generated",
  ],
  ["a megabyte of whitespace between elements", inRoot(" ".repeat(MEGABYTE)), "generated"],
  [
    "many references in documentation",
    inRoot(`<wsdl:documentation>${repeated("&amp;&#x41;&lt;a")}</wsdl:documentation>`),
    "generated",
  ],
  [
    "a long all-capitals portType name (the module's file name is made from it)",
    base.replace(/PaymentService"/g, `${"P".repeat(MEGABYTE / 8)}"`),
    "generated",
  ],
  [
    "a DOCTYPE declaring many entities the document never uses, and many references",
    inRoot(`<wsdl:documentation>${repeated("&amp;&lt;")}</wsdl:documentation>`).replace(
      "<wsdl:definitions",
      `<!DOCTYPE wsdl:definitions [${repeated('\n  <!ENTITY e "v"><!-- c -->')}]>\n<wsdl:definitions`,
    ),
    "generated",
  ],
  // The error message quotes the name, and is made one line.
  [
    "a megabyte of spaces in a type's name",
    base.replace('name="Payment"', `name="Pay${" ".repeat(MEGABYTE)}ment"`),
    "rejected",
  ],
];

const generator = new IsolatedGenerator();
beforeAll(ensureBuilt, 180_000);
afterAll(() => generator.close());

describe("adversarial documents of a megabyte", () => {
  it.each(cases)(
    "finish: %s",
    async (_, wsdl, expected) => {
      expect(wsdl.length).toBeGreaterThan(MEGABYTE / 8);
      const outcome = await generator.run(wsdl, { name: "adversarial.wsdl", timeoutMs: BOUND_MS });
      // Only the start of a message: it quotes a megabyte, which a failing assertion would print.
      const result = outcome.kind === "rejected" ? outcome.message.slice(0, 200) : outcome.kind;
      if (expected === "generated") expect(result).toBe("generated");
      else expect(result).toMatch(/adversarial\.wsdl:\d+:\d+: name "Pay {100}/);
    },
    BOUND_MS + 30_000,
  );
});
