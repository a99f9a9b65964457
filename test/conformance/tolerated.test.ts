import { describe, expect, it } from "vitest";
import { PayloadComparer } from "./compare.js";
import { LocalChecker, toleratedAbsences, unexplainedDeviations } from "./conformance.js";
import { envelopePayload, normaliseToWsdl, readPages, withoutTolerated } from "./docs.js";
import type { DocPage } from "./docs.js";
import { compareReading, NO_QUIRKS, noQuirkCounts } from "./library.js";
import { CONTACT } from "./services.js";
import { rowVerdict } from "./table.js";
import { runZeepOracle } from "./zeep.js";
import { getOperation, type Message } from "../../generated/customer-service/runtime/envelope.js";

// How the suite treats what tolerant decoding accepts in a page, shown on a real Contact page whose
// response puts xsi:nil on seven non-nillable elements of one interest item.
const PAGE = "GetContactEntity";
const ITEM =
  "Body/GetContactEntityResponse/Response/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]";
const NILS = ["Id", "Deleted", "Rank", "ColorBlock", "Selected", "LastChanged", "Hidden"];

function page(name: string): DocPage {
  const found = readPages(CONTACT.docsDir).find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no page ${name}`);
  return found;
}

const decoded = CONTACT.decodeMessage(CONTACT.meta, PAGE, "output", normaliseToWsdl(page(PAGE).response));
const output = getOperation(CONTACT.meta, PAGE).output as Message;

describe("withoutTolerated", () => {
  it("leaves out exactly the elements tolerant decoding read as absent, wherever they are", () => {
    const payload = envelopePayload(page(PAGE).response);
    const comparer = new PayloadComparer(CONTACT.meta);
    const before = comparer.elementPaths(output, payload);
    const after = comparer.elementPaths(output, withoutTolerated(payload, decoded.deviations));
    expect([...before].filter((path) => !after.has(path))).toEqual(NILS.map((name) => `${ITEM}/${name}`));
    expect([...after].every((path) => before.has(path))).toBe(true);
  });

  it("keeps an element whose unknown value was kept, and refuses a path that names no element", () => {
    const payload = envelopePayload(page(PAGE).response);
    expect(
      withoutTolerated(payload, [{ kind: "unknownValue", path: `Envelope/${ITEM}/Id`, detail: "x" }]),
    ).toEqual(withoutTolerated(payload, []));
    expect(() =>
      withoutTolerated(payload, [{ kind: "nilNotNillable", path: `Envelope/${ITEM}/Colour`, detail: "" }]),
    ).toThrow(`Envelope/${ITEM}/Colour: no single element at Colour`);
  });
});

describe("a page's departures from the schema", () => {
  it("fail the row when expected.ts does not pin them, and the columns still run on the tolerant decoding", async () => {
    const unpinned = { ...CONTACT, expected: { ...CONTACT.expected, documentationErrors: [] } };
    const check = await new LocalChecker(unpinned).check({ page: page(PAGE), operation: PAGE });
    expect(check.columns.response).toEqual(
      NILS.map((name) => ({
        path: `${ITEM}/${name}`,
        message: `<${name}> has xsi:nil but is not nillable`,
        source: "documentation",
        pinned: false,
      })),
    );
    expect(check.columns.roundTrip).toEqual([]);
    const columns = { ...check.columns, zeep: [], nodeSoap: [] };
    expect(rowVerdict({ kind: "documented", name: PAGE, columns })).toBe("failed");
  });

  it("explain a deviation only at their own element", () => {
    const departure = {
      path: `${ITEM}/Id`,
      message: "<Id> has xsi:nil but is not nillable",
      source: "documentation" as const,
      pinned: true,
    };
    const [id, deleted] = decoded.deviations;
    expect(id?.path).toBe(`Envelope/${ITEM}/Id`);
    expect(unexplainedDeviations([id!], [departure])).toEqual([]);
    expect(unexplainedDeviations([id!, deleted!], [departure])).toEqual([
      {
        path: `Envelope/${ITEM}/Deleted`,
        message: 'tolerant decoding accepted nilNotNillable "" where the page follows the schema',
        source: "client",
      },
    ]);
  });

  it("pass the row when pinned", async () => {
    const check = await new LocalChecker(CONTACT).check({ page: page(PAGE), operation: PAGE });
    const columns = { ...check.columns, zeep: [], nodeSoap: [] };
    expect(rowVerdict({ kind: "documented", name: PAGE, columns })).toBe("passed");
  });
});

describe("zeep's reading of what tolerant decoding read as absent", async () => {
  const reading = (await runZeepOracle(CONTACT.wsdlPath, [page(PAGE)])).get(PAGE)?.response;
  if (reading === undefined) throw new Error("zeep gave no reading");
  const present = new PayloadComparer(CONTACT.meta).elementPaths(
    output,
    envelopePayload(page(PAGE).response),
  );
  const zeepQuirks = {
    ...NO_QUIRKS,
    emptyStringAsNone: true,
    nilArrayAsEmpty: true,
    toleratedAsNone: toleratedAbsences(decoded.deviations),
  };

  it("agrees with zeep's None at the deviations' paths, and counts each", () => {
    const counts = noQuirkCounts();
    expect(compareReading(CONTACT.meta, output, decoded, reading, zeepQuirks, counts, present)).toEqual([]);
    expect(counts.toleratedAsNone).toBe(7);
  });

  it("is a finding for each such element when no deviation says so", () => {
    const quirks = { ...zeepQuirks, toleratedAsNone: new Set<string>() };
    expect(compareReading(CONTACT.meta, output, decoded, reading, quirks, noQuirkCounts(), present)).toEqual(
      NILS.map((name) => ({
        path: `${ITEM}/${name}`,
        message: "the message has this element, ours has nothing, and no deviation says why",
      })),
    );
  });

  it("reads the nil ArrayOf wrapper as one without items: accepted only under the named quirk", () => {
    const quirks = { ...zeepQuirks, nilArrayAsEmpty: false };
    expect(compareReading(CONTACT.meta, output, decoded, reading, quirks, noQuirkCounts(), present)).toEqual([
      { path: `${ITEM}/ChildItems`, message: 'ours null, the library read {"SelectableMDOListItem":[]}' },
    ]);
  });
});

describe("the libraries' readings of a nil item in an ArrayOf wrapper", async () => {
  const SAVE = "SaveContactEntity";
  const input = getOperation(CONTACT.meta, SAVE).input;
  const request = CONTACT.decodeMessage(CONTACT.meta, SAVE, "input", normaliseToWsdl(page(SAVE).request));
  const reading = (await runZeepOracle(CONTACT.wsdlPath, [page(SAVE)])).get(SAVE)?.request;
  if (reading === undefined) throw new Error("zeep gave no reading");
  const WRAPPER =
    "Body/SaveContactEntity/ContactEntity/Interests/SelectableMDOListItem[0]/ChildItems/SelectableMDOListItem[0]/ChildItems";
  const quirks = { ...NO_QUIRKS, emptyStringAsNone: true };

  it("zeep's object of Nones for it is accepted only under the named quirk", () => {
    const counts = noQuirkCounts();
    expect(
      compareReading(
        CONTACT.meta,
        input,
        request,
        reading,
        { ...quirks, nilItemAsEmptyObject: true },
        counts,
      ),
    ).toEqual([]);
    expect(counts.nilItemAsEmptyObject).toBe(1);
    const [finding] = compareReading(CONTACT.meta, input, request, reading, quirks, noQuirkCounts());
    expect(finding?.path).toBe(`${WRAPPER}/SelectableMDOListItem[0]`);
    expect(finding?.message).toMatch(/^ours null, the library read \{"TableRight":null,/);
  });

  it("node-soap's null for the wrapper is accepted only under the named quirk", () => {
    // zeep's reading with the wrapper as node-soap reads it.
    const body = JSON.parse(JSON.stringify(reading.body)) as {
      ContactEntity: {
        Interests: {
          SelectableMDOListItem: { ChildItems: { SelectableMDOListItem: { ChildItems: unknown }[] } }[];
        };
      };
    };
    const inner = body.ContactEntity.Interests.SelectableMDOListItem[0]?.ChildItems.SelectableMDOListItem[0];
    if (inner === undefined) throw new Error("no inner item");
    inner.ChildItems = null;
    const nodeSoapLike = { header: reading.header, body };
    const counts = noQuirkCounts();
    expect(
      compareReading(
        CONTACT.meta,
        input,
        request,
        nodeSoapLike,
        { ...quirks, nilItemsArrayAsNull: true },
        counts,
      ),
    ).toEqual([]);
    expect(counts.nilItemsArrayAsNull).toBe(1);
    expect(compareReading(CONTACT.meta, input, request, nodeSoapLike, quirks, noQuirkCounts())).toEqual([
      { path: WRAPPER, message: "ours [null], the library read null" },
    ]);
  });
});
