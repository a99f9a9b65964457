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

const cases: [string, string][] = [
  // The prolog has a comment; the scan for a DOCTYPE in it must stop at the root element.
  ["a comment before the root, many after it", inRoot(repeated("\n  <!-- note -->"))],
  ["many processing instructions", inRoot(repeated("\n  <?pi data?>"))],
  [
    "many attributes on one element",
    inRoot(`<wsdl:documentation ${Array.from({ length: MEGABYTE / 16 }, (_, i) => `a${i}="v"`).join(" ")}/>`),
  ],
  [
    "nesting as deep as allowed, many times",
    inRoot(repeated(`<wsdl:documentation>${"<x>".repeat(900)}${"</x>".repeat(900)}</wsdl:documentation>`)),
  ],
  ["a megabyte of whitespace between elements", inRoot(" ".repeat(MEGABYTE))],
  [
    "many references in documentation",
    inRoot(`<wsdl:documentation>${repeated("&amp;&#x41;&lt;a")}</wsdl:documentation>`),
  ],
  [
    "a long all-capitals portType name (the module's file name is made from it)",
    base.replace(/PaymentService"/g, `${"P".repeat(MEGABYTE / 8)}"`),
  ],
];

const generator = new IsolatedGenerator();
beforeAll(ensureBuilt, 180_000);
afterAll(() => generator.close());

describe("adversarial documents of a megabyte", () => {
  it.each(cases)(
    "finish: %s",
    async (_, wsdl) => {
      expect(wsdl.length).toBeGreaterThan(MEGABYTE / 8);
      const outcome = await generator.run(wsdl, { name: "adversarial.wsdl", timeoutMs: BOUND_MS });
      // Each is a valid WSDL: a rejection would mean the construct was never read.
      expect(outcome.kind === "rejected" ? outcome.message : outcome.kind).toBe("generated");
    },
    BOUND_MS + 30_000,
  );
});
