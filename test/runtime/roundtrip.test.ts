import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { service } from "./fixture.js";

/** Strings XML can carry (no C0 controls other than tab/newline, no lone surrogates, no U+FFFE/U+FFFF). */
const xmlString = fc
  .string({ unit: "binary" })
  .filter(
    (s) =>
      !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/.test(
        s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""),
      ),
  );
const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const date = fc.date({
  min: new Date("0001-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

const session = fc.record(
  {
    Note: xmlString,
    ChatSessionId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    Status: fc.constantFrom("Active", "Closed"),
    Flags: fc.array(fc.constantFrom("None", "Urgent", "Vip")),
    Started: date,
    Tags: fc.array(xmlString),
    Topic: fc.option(xmlString, { nil: null }),
  },
  { requiredKeys: ["ChatSessionId", "Tags"] },
);

const kinds = fc.record(
  {
    Str: xmlString,
    Bool: fc.boolean(),
    Int: fc.integer(),
    Long: safeInt,
    Dbl: fc.double(),
    Dec: fc.double({ noNaN: true, noDefaultInfinity: true }),
    When: date,
    Bytes: fc.uint8Array(),
    Hex: fc.uint8Array(),
    Name: fc.constantFrom("a:b", "local"),
  },
  { requiredKeys: [] },
);

function roundTrip(value: object): unknown {
  const xml = encodeMessage(service, "Everything", "input", value, undefined);
  return decodeMessage(service, "Everything", "input", xml).body;
}

describe("encode → decode round trip", () => {
  it("returns the same ChatSession", () => {
    fc.assert(
      fc.property(session, (s) => {
        expect(roundTrip({ Session: s })).toEqual({ Session: s });
      }),
      { numRuns: 300 },
    );
  });

  it("returns the same value of every kind", () => {
    fc.assert(
      fc.property(kinds, (k) => {
        // -0 is written "0": the wire has no negative zero for decimals.
        const expected = { ...k, ...(Object.is(k.Dec, -0) ? { Dec: 0 } : {}) };
        expect(roundTrip({ Kinds: k })).toEqual({ Kinds: expected });
      }),
      { numRuns: 300 },
    );
  });

  it("returns the same dictionaries", () => {
    const extra = fc.dictionary(xmlString, fc.option(xmlString, { nil: null }));
    fc.assert(
      fc.property(extra, (e) => {
        const decoded = roundTrip({ Extra: e }) as { Extra: Record<string, unknown> };
        expect({ ...decoded.Extra }).toEqual({ ...e });
        expect(Object.keys(decoded.Extra)).toEqual(Object.keys(e));
      }),
      { numRuns: 200 },
    );
  });
});
