import { describe, expect, it } from "vitest";
import { customerServiceTables, decodeMessage, SOAP11_NS } from "../../generated/customer-service/index.js";
import { parseXml } from "../../generated/customer-service/runtime/xml.js";
import { PayloadComparer } from "./compare.js";
import { LocalChecker } from "./conformance.js";
import type { ConformanceRun } from "./conformance.js";
import { envelopeDeviations, envelopePayload, normaliseToWsdl, readPages } from "./docs.js";
import type { DocPage } from "./docs.js";
import { compareReading, NO_QUIRKS, noQuirkCounts } from "./library.js";
import type { QuirkCounts } from "./library.js";
import { schemaViolations } from "./schema-check.js";
import { CUSTOMER_SERVICE } from "./services.js";
import { renderReport } from "./table.js";
import { diffValues, toSnapshotJson } from "./values.js";
import { getOperation, type Message } from "../../generated/customer-service/runtime/envelope.js";

// The conformance checks must be able to fail: each is shown here catching a deliberate change to a
// real documented example (read from ../shared, changed in memory), with the exact statement it makes.
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services88";
const pages = new Map(readPages(CUSTOMER_SERVICE.docsDir).map((page) => [page.name, page]));
const service = customerServiceTables;

function page(name: string): DocPage {
  const found = pages.get(name);
  if (found === undefined) throw new Error(`no page ${name}`);
  return found;
}

/** The text with `search` replaced once; a search that does not occur is a broken test, not a pass. */
function edit(text: string, search: string | RegExp, replacement: string): string {
  const changed = text.replace(search, replacement);
  if (changed === text) throw new Error(`${String(search)} does not occur`);
  return changed;
}

function output(operation: string): Message {
  return getOperation(service, operation).output as Message;
}

const CONFIG = "GetCustomerCenterConfig";
const CONFIG_PATH = "Body/GetCustomerCenterConfigResponse/Response";
const configResponse = page(CONFIG).response;

describe("PayloadComparer", () => {
  const comparer = new PayloadComparer(service);
  const compare = (
    expected: string,
    actual: string,
    operation = CONFIG,
  ): ReturnType<PayloadComparer["sequence"]> =>
    comparer.sequence(
      envelopePayload(expected).body,
      envelopePayload(actual).body,
      output(operation).body,
      "Body",
    );

  it("finds nothing between a payload and itself with other prefixes, no xsi:type and no whitespace", () => {
    const restyled = configResponse
      .replace(/CustomerService:/g, "cs:")
      .replace("xmlns:cs=", "xmlns:CustomerService=")
      .replace(/xmlns:CustomerService=/, "xmlns:cs=")
      .replace(/ xsi:type="[^"]*"/g, "")
      .replace(/>\s+</g, "><");
    expect(restyled).not.toContain("CustomerService:");
    expect(compare(configResponse, restyled)).toEqual([]);
  });

  it("compares values by type: the same instant, number and boolean in other spellings are equal", () => {
    let respelled = edit(configResponse, ">2021-11-30T13:23:36Z<", ">2021-11-30T14:23:36.000+01:00<");
    respelled = edit(respelled, /(CustConfigId[^>]*>)0</, "$10000<");
    expect(compare(configResponse, respelled)).toEqual([]);
    const boolean = page("EventHandlerExists").response;
    expect(compare(boolean, edit(boolean, ">false<", ">0<"), "EventHandlerExists")).toEqual([]);
    const double = page("GetStatistics").response;
    expect(compare(double, edit(double, ">0.0<", ">0E0<"), "GetStatistics")).toEqual([]);
  });

  it("reports a different value with its path and type", () => {
    expect(
      compare(configResponse, edit(configResponse, ">2021-11-30T13:23:36Z<", ">2021-11-30T13:23:37Z<")),
    ).toEqual([
      {
        path: `${CONFIG_PATH}/Registered`,
        message: 'value "2021-11-30T13:23:36Z" expected, found "2021-11-30T13:23:37Z" (compared as dateTime)',
      },
    ]);
    expect(compare(configResponse, edit(configResponse, ">Style<", ">Program<"))).toEqual([
      {
        path: `${CONFIG_PATH}/Type`,
        message: 'value "Style" expected, found "Program" (compared as ConfigType: string)',
      },
    ]);
  });

  it("reports elements out of order, missing, extra, in another namespace, or nil", () => {
    const swapped = edit(
      configResponse,
      /(<CustomerService:Config [^\n]*\n)(\s*<CustomerService:CustLangId[^\n]*\n)/,
      "$2$1",
    );
    expect(compare(configResponse, swapped)).toEqual([
      {
        path: CONFIG_PATH,
        message: `element 3: expected <Config> (namespace "${NS}"), found <CustLangId> (namespace "${NS}")`,
      },
      {
        path: CONFIG_PATH,
        message: `element 4: expected <CustLangId> (namespace "${NS}"), found <Config> (namespace "${NS}")`,
      },
    ]);
    expect(
      compare(configResponse, edit(configResponse, /\s*<CustomerService:UpdatedAssociateId[^\n]*/, "")),
    ).toEqual([
      { path: CONFIG_PATH, message: `missing <UpdatedAssociateId> (namespace "${NS}") (element 8)` },
    ]);
    expect(
      compare(
        configResponse,
        edit(
          configResponse,
          "</CustomerService:Response>",
          "<CustomerService:CustLangId>0</CustomerService:CustLangId></CustomerService:Response>",
        ),
      ),
    ).toEqual([
      {
        path: CONFIG_PATH,
        message: `unexpected <CustLangId> (namespace "${NS}") after the last expected element`,
      },
    ]);
    expect(
      compare(
        configResponse,
        edit(
          configResponse,
          "<CustomerService:Config ",
          '<CustomerService:Config xmlns:CustomerService="urn:other" ',
        ),
      ),
    ).toEqual([
      {
        path: CONFIG_PATH,
        message: `element 3: expected <Config> (namespace "${NS}"), found <Config> (namespace "urn:other")`,
      },
    ]);
    expect(
      compare(
        configResponse,
        edit(
          configResponse,
          '<CustomerService:Config xsi:type="xsd:string"></CustomerService:Config>',
          '<CustomerService:Config xsi:nil="true"/>',
        ),
      ),
    ).toEqual([{ path: `${CONFIG_PATH}/Config`, message: "xsi:nil: expected false, found true" }]);
  });

  it("compares dictionary entries and array items one by one", () => {
    const events = page("ExecuteEventHandlers").response;
    const changed = edit(events, /(<CustomerService:Key xsi:type="xsd:string">)(<)/, "$1NavigateTo$2");
    expect(compare(events, changed, "ExecuteEventHandlers")).toEqual([
      {
        path: "Body/ExecuteEventHandlersResponse/Response/InputValues/StringKeyValuePair[0]/Key",
        message: 'value "" expected, found "NavigateTo" (compared as string)',
      },
    ]);
    const statistics = page("GetStatistics").response;
    expect(compare(statistics, edit(statistics, ">0.0<", ">0.5<"), "GetStatistics")).toEqual([
      {
        path: "Body/GetStatisticsResponse/Response/StatisticsDataSet[0]/Values/StatisticsDataValue[0]/Value",
        message: 'value "0.0" expected, found "0.5" (compared as double)',
      },
    ]);
  });
});

describe("schemaViolations states what a documented payload gets wrong", () => {
  const violations = (xml: string, operation = CONFIG): ReturnType<typeof schemaViolations> =>
    schemaViolations(service, output(operation), envelopePayload(xml));

  it("finds nothing wrong with the published example", () => {
    expect(violations(configResponse)).toEqual([]);
  });

  it("an element the schema does not have", () => {
    expect(
      violations(
        edit(
          configResponse,
          "</CustomerService:Response>",
          "<CustomerService:Colour>red</CustomerService:Colour></CustomerService:Response>",
        ),
      ),
    ).toEqual([
      {
        path: `${CONFIG_PATH}/Colour`,
        message: `<Colour> (namespace "${NS}") is not an element of type CustomerCenterConfig`,
      },
    ]);
  });

  it("elements in the wrong order", () => {
    const swapped = edit(
      configResponse,
      /(<CustomerService:Type [^\n]*\n)(\s*<CustomerService:Config [^\n]*\n)/,
      "$2$1",
    );
    expect(violations(swapped)).toEqual([
      {
        path: `${CONFIG_PATH}/Type`,
        message: "<Type> comes after <Config>, but type CustomerCenterConfig orders Type before Config",
      },
    ]);
  });

  it("a value not in the enumeration, and a value not of the type", () => {
    expect(violations(edit(configResponse, ">Style<", ">Colour<"))).toEqual([
      {
        path: `${CONFIG_PATH}/Type`,
        message: '"Colour" is not one of the ConfigType values (Style, Options)',
      },
    ]);
    expect(violations(edit(configResponse, /(CustLangId[^>]*>)0</, "$1zero<"))).toEqual([
      { path: `${CONFIG_PATH}/CustLangId`, message: '"zero" is not a valid int' },
    ]);
  });

  it("a missing required element, and a repeated single element", () => {
    const events = page("ExecuteEventHandlers").response;
    expect(
      violations(
        edit(events, /\s*<CustomerService:Key xsi:type="xsd:string"><\/CustomerService:Key>/, ""),
        "ExecuteEventHandlers",
      ),
    ).toEqual([
      {
        path: "Body/ExecuteEventHandlersResponse/Response/InputValues/StringKeyValuePair[0]",
        message: "missing required <Key> of StringKeyValuePair",
      },
    ]);
    expect(violations(edit(configResponse, /(<CustomerService:CustLangId[^\n]*\n)/, "$1$1"))).toEqual([
      {
        path: `${CONFIG_PATH}/CustLangId`,
        message: "<CustLangId> occurs more than once; type CustomerCenterConfig allows it once",
      },
    ]);
  });

  it("xsi:nil where not nillable, and an xsi:type the element cannot have", () => {
    expect(
      violations(
        edit(
          configResponse,
          /<CustomerService:CustConfigId [^\n]*/,
          '<CustomerService:CustConfigId xsi:nil="true"/>',
        ),
      ),
    ).toEqual([
      { path: `${CONFIG_PATH}/CustConfigId`, message: "<CustConfigId> has xsi:nil but is not nillable" },
    ]);
    expect(
      violations(
        edit(configResponse, 'CustConfigId xsi:type="xsd:int"', 'CustConfigId xsi:type="xsd:string"'),
      ),
    ).toEqual([
      {
        path: `${CONFIG_PATH}/CustConfigId`,
        message: "xsi:type xsd:string does not fit the declared type int",
      },
    ]);
    expect(
      violations(
        edit(
          configResponse,
          'xsi:type="CustomerService:CustomerCenterConfig"',
          'xsi:type="CustomerService:MailboxEntity"',
        ),
      ),
    ).toEqual([
      {
        path: CONFIG_PATH,
        message:
          "xsi:type CustomerService:MailboxEntity is neither the declared type CustomerCenterConfig nor derived from it",
      },
    ]);
  });

  it("a header block the operation does not declare", () => {
    const request = edit(
      page(CONFIG).request,
      "<SOAP-ENV:Body>",
      "<CustomerService:Colour>red</CustomerService:Colour><SOAP-ENV:Body>",
    );
    expect(schemaViolations(service, getOperation(service, CONFIG).input, envelopePayload(request))).toEqual([
      {
        path: "Header/Colour",
        message: `header block <Colour> (namespace "${NS}") is not declared for this operation`,
      },
    ]);
  });

  it("makes the row fail with the documentation's mistake, not with a client difference, and checks on", async () => {
    const wrong = { ...page(CONFIG), response: edit(configResponse, ">Style<", ">Colour<") };
    const check = await new LocalChecker(CUSTOMER_SERVICE).check({ page: wrong, operation: CONFIG });
    expect(check.columns.request).toEqual([]);
    expect(check.columns.response).toEqual([
      {
        path: `${CONFIG_PATH}/Type`,
        message: '"Colour" is not one of the ConfigType values (Style, Options)',
        source: "documentation",
        pinned: false,
      },
    ]);
    // Tolerant decoding keeps the unknown value as its text, and the round trip gives it back.
    expect(check.response?.deviations).toEqual([
      { kind: "unknownValue", path: `Envelope/${CONFIG_PATH}/Type`, detail: "Colour" },
    ]);
    expect(check.columns.roundTrip).toEqual([]);
  });

  it("makes a response that fails to decode the documentation's finding alone, with no value to re-encode", async () => {
    const wrong = { ...page(CONFIG), response: edit(configResponse, /(CustConfigId[^>]*>)0</, "$1zero<") };
    const check = await new LocalChecker(CUSTOMER_SERVICE).check({ page: wrong, operation: CONFIG });
    expect(check.columns.response).toEqual([
      {
        path: `${CONFIG_PATH}/CustConfigId`,
        message: '"zero" is not a valid int',
        source: "documentation",
        pinned: false,
      },
    ]);
    expect(check.columns.roundTrip).toEqual([
      { path: "Envelope", message: "no decoded response to re-encode", source: "client" },
    ]);
  });

  it("holds a pinned departure that decoding does not accept against the client", async () => {
    const wrong = { ...page(CONFIG), response: edit(configResponse, /(CustConfigId[^>]*>)0</, "$1zero<") };
    const statement = '"zero" is not a valid int';
    const pinning = {
      ...CUSTOMER_SERVICE,
      expected: {
        ...CUSTOMER_SERVICE.expected,
        documentationErrors: [
          { page: CONFIG, message: "response" as const, path: `${CONFIG_PATH}/CustConfigId`, statement },
        ],
      },
    };
    const check = await new LocalChecker(pinning).check({ page: wrong, operation: CONFIG });
    expect(check.columns.response.map(({ source }) => source)).toEqual(["documentation", "client"]);
    expect(check.columns.response[1]?.message).toMatch(/^SoapDecodeError: /);
  });
});

describe("the documents' envelope deviations", () => {
  it("normalising a page moves the header blocks into Header of a SOAP 1.1 envelope, leaving no deviation", () => {
    const normalised = normaliseToWsdl(page(CONFIG).request);
    const root = parseXml(normalised);
    expect([
      root.ns,
      root.children.map((child) => `${child.local}: ${child.children.map((c) => c.local).join(", ")}`),
    ]).toEqual([SOAP11_NS, ["Header: ApplicationToken, Credentials", "Body: GetCustomerCenterConfig"]]);
    expect(envelopeDeviations(normalised)).toEqual([]);
  });

  it("tells the two deviations apart: a page with only the namespace fixed keeps the header one", () => {
    const namespaceFixed = edit(
      page(CONFIG).request,
      'xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope"',
      `xmlns:SOAP-ENV="${SOAP11_NS}"`,
    );
    expect(envelopeDeviations(namespaceFixed)).toEqual([
      "header blocks ApplicationToken, Credentials are children of Envelope, not of Header",
    ]);
  });
});

describe("compareReading maps another stack's reading onto ours", () => {
  const decoded = decodeMessage(service, CONFIG, "output", normaliseToWsdl(configResponse));
  const zeepHeader = { ExceptionInfo: null, ExtraInfo: null, Succeeded: null, TimeZone: null };
  const zeepConfig = {
    TableRight: null,
    FieldProperties: null,
    CustConfigId: 0,
    Type: "Style",
    Config: null,
    CustLangId: 0,
    Registered: "2021-11-30T13:23:36+00:00",
    RegisteredAssociateId: 0,
    Updated: "2021-11-30T13:23:36+00:00",
    UpdatedAssociateId: 0,
  };
  const compare = (
    config: object,
    emptyStringAsNone: boolean,
  ): { differences: ReturnType<typeof compareReading>; counts: QuirkCounts } => {
    const counts = noQuirkCounts();
    const differences = compareReading(
      service,
      output(CONFIG),
      decoded,
      { header: zeepHeader, body: { Response: config } },
      { ...NO_QUIRKS, emptyStringAsNone },
      counts,
    );
    return { differences, counts };
  };

  it("accepts zeep's None for the empty Config string only under the named quirk, and counts it", () => {
    expect(compare(zeepConfig, true)).toEqual({
      differences: [],
      counts: { ...noQuirkCounts(), emptyStringAsNone: 1 },
    });
    expect(compare(zeepConfig, false)).toEqual({
      differences: [{ path: `${CONFIG_PATH}/Config`, message: 'ours "", the library read null' }],
      counts: noQuirkCounts(),
    });
  });

  it("never reads None as a number, and compares dateTimes as instants", () => {
    expect(compare({ ...zeepConfig, CustLangId: null }, true).differences).toEqual([
      { path: `${CONFIG_PATH}/CustLangId`, message: "ours 0, the library read null" },
    ]);
    expect(compare({ ...zeepConfig, Registered: "2021-11-30T14:23:36+01:00" }, true).differences).toEqual([]);
    expect(compare({ ...zeepConfig, Registered: "2021-11-30T13:23:36" }, true).differences).toEqual([]);
    expect(compare({ ...zeepConfig, Updated: "2021-11-30T13:23:37+00:00" }, true).differences).toEqual([
      {
        path: `${CONFIG_PATH}/Updated`,
        message: 'ours Date 2021-11-30T13:23:36.000Z, the library read "2021-11-30T13:23:37+00:00"',
      },
    ]);
  });

  it("reports an element the library read that the type does not have", () => {
    expect(compare({ ...zeepConfig, Colour: "red" }, true).differences).toEqual([
      {
        path: `${CONFIG_PATH}/Colour`,
        message: "the library read an element CustomerCenterConfig does not have",
      },
    ]);
  });

  it("flattens ArrayOf wrappers and reads KeyValuePair lists as records, item by item", () => {
    const chat = decodeMessage(
      service,
      "ChatSessionsForUser",
      "output",
      normaliseToWsdl(page("ChatSessionsForUser").response),
    );
    const reading = (response: unknown): { header: null; body: unknown } => ({
      header: null,
      body: { Response: response },
    });
    const counts = noQuirkCounts();
    const quirks = { ...NO_QUIRKS, emptyStringAsNone: true };
    expect(
      compareReading(
        service,
        output("ChatSessionsForUser"),
        chat,
        reading({ ChatSession: [{ ChatSessionId: 0 }] }),
        quirks,
        counts,
      ),
    ).toEqual([]);
    expect(
      compareReading(
        service,
        output("ChatSessionsForUser"),
        chat,
        reading({ ChatSession: [{ ChatSessionId: 0 }, { ChatSessionId: 1 }] }),
        quirks,
        counts,
      ),
    ).toEqual([
      {
        path: "Body/ChatSessionsForUserResponse/Response/ChatSession",
        message: "expected 1 items, the library read 2",
      },
    ]);
    expect(
      compareReading(
        service,
        output("ChatSessionsForUser"),
        chat,
        reading([{ ChatSessionId: 0 }]),
        quirks,
        counts,
      ),
    ).toEqual([
      {
        path: "Body/ChatSessionsForUserResponse/Response",
        message:
          'the library read [{"ChatSessionId":0}], not a ArrayOfChatSession wrapper holding <ChatSession> items',
      },
    ]);

    const sms = decodeMessage(
      service,
      "GetSmsConfig",
      "output",
      normaliseToWsdl(page("GetSmsConfig").response),
    );
    const smsReading = (pairs: unknown): { header: null; body: unknown } => ({
      header: null,
      body: {
        Response: {
          DefaultSmsCountry: "",
          NetServerSmsProvider: "",
          NsPluginSender: "",
          NsPluginConfig: { StringKeyValuePair: pairs },
        },
      },
    });
    expect(
      compareReading(
        service,
        output("GetSmsConfig"),
        sms,
        smsReading([{ Key: "", Value: "" }]),
        quirks,
        counts,
      ),
    ).toEqual([]);
    expect(
      compareReading(
        service,
        output("GetSmsConfig"),
        sms,
        smsReading([{ Key: "Sender", Value: "" }]),
        quirks,
        counts,
      ),
    ).toEqual([
      {
        path: "Body/GetSmsConfigResponse/Response/NsPluginConfig/StringKeyValuePair[0]/Key",
        message: 'ours "", the library read "Sender"',
      },
    ]);
  });
});

describe("diffValues", () => {
  it("compares Dates as instants, bytes as bytes, and objects key by key in order", () => {
    expect(
      diffValues(
        { a: new Date("2021-01-01T00:00:00Z"), b: Uint8Array.of(1, 2) },
        { a: new Date("2021-01-01T01:00:00+01:00"), b: Uint8Array.of(1, 2) },
        "v",
      ),
    ).toEqual([]);
    expect(diffValues({ a: Uint8Array.of(1) }, { a: Uint8Array.of(2) }, "v")).toEqual([
      { path: "v.a", message: "expected bytes AQ==, found bytes Ag==" },
    ]);
    expect(diffValues({ a: 1, b: 2 }, { b: 2, a: 1 }, "v")).toEqual([
      { path: "v", message: "expected properties [a, b], found [b, a]" },
    ]);
    expect(diffValues([1, ""], [1, null], "v")).toEqual([
      { path: "v[1]", message: 'expected "", found null' },
    ]);
  });
});

describe("toSnapshotJson", () => {
  it("writes Dates as ISO strings, bytes as marked base64 and dictionaries as plain objects", () => {
    // A decoded dictionary: a null-prototype record in which "__proto__" is an ordinary key.
    const dictionary = Object.create(null) as Record<string, unknown>;
    dictionary["__proto__"] = "kept";
    dictionary[""] = "";
    expect(
      toSnapshotJson({ when: new Date("2021-11-30T13:23:36Z"), bytes: Uint8Array.of(1, 2, 3), dictionary }),
    ).toBe(
      `${JSON.stringify({ when: "2021-11-30T13:23:36.000Z", bytes: { $base64: "AQID" }, dictionary: { ["__proto__"]: "kept", "": "" } }, null, 2)}\n`,
    );
  });
});

describe("the report", () => {
  const typeFinding = {
    path: `${CONFIG_PATH}/Type`,
    message: '"Colour" is not one of the ConfigType values (Style, Options)',
    source: "documentation" as const,
  };
  const run: ConformanceRun = {
    service: "CustomerService",
    rows: [
      {
        kind: "documented",
        name: "GetCustomerCenterConfig",
        columns: {
          request: [],
          response: [{ ...typeFinding, pinned: false }],
          roundTrip: [{ path: "Envelope", message: "no decoded response to re-encode", source: "client" }],
          zeep: [],
          nodeSoap: [],
        },
      },
      { kind: "pageWithoutOperation", name: "GetPreviewFaqEntry", pinned: true },
      { kind: "operationWithoutPage", name: "GetCustomerServiceStartup", pinned: false },
    ],
    envelopeDeviations: new Map([["GetCustomerCenterConfig", { request: [], response: ["a deviation"] }]]),
    locals: new Map(),
    zeepQuirks: noQuirkCounts(),
    nodeSoapQuirks: { ...noQuirkCounts(), nilItemsArrayAsNull: 2 },
  };

  it("fails a row on any finding, says in full what the documentation gets wrong, and fails an unpinned row", () => {
    const lines = renderReport([run]);
    expect(lines[0]).toBe("CustomerService:");
    expect(lines).toContain(
      `[1] GetCustomerCenterConfig response: documentation: ${CONFIG_PATH}/Type: "Colour" is not one of the ConfigType values (Style, Options)`,
    );
    expect(lines).toContain(
      "GetPreviewFaqEntry        | page only: the WSDL defines no operation GetPreviewFaqEntry",
    );
    expect(lines).toContain(
      "GetCustomerServiceStartup | ✗ WSDL only: no example page documents GetCustomerServiceStartup, and expected.ts does not list it",
    );
    expect(lines.slice(-8)).toEqual([
      "envelope deviations of every page, normalised before decoding:",
      "  request: none",
      "  response: a deviation",
      'zeep quirk "empty string element read as None" accepted 0 times',
      'node-soap quirk "ArrayOf wrapper of nil items read as null" accepted 2 times',
      "1 rows without a page or without a WSDL operation are listed, not counted",
      "",
      "0 passed, 2 failed",
    ]);
  });

  it("passes a row whose only findings are pinned departures of the documentation, marked ✓ with the note", () => {
    const pinned: ConformanceRun = {
      ...run,
      service: "Contact",
      rows: [
        {
          kind: "documented",
          name: "GetCustomerCenterConfig",
          columns: {
            request: [],
            response: [{ ...typeFinding, pinned: true }],
            roundTrip: [],
            zeep: [],
            nodeSoap: [],
          },
        },
      ],
    };
    const lines = renderReport([run, pinned]);
    expect(lines).toContain("Contact:");
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^GetCustomerCenterConfig \| ✓ +\| ✓ \[1\] documentation \(pinned\): Body\/GetCusto… +\| ✓ +\| ✓ +\| ✓$/,
      ),
    );
    expect(lines).toContain(
      `[1] GetCustomerCenterConfig response: documentation (pinned): ${CONFIG_PATH}/Type: "Colour" is not one of the ConfigType values (Style, Options)`,
    );
    // One closing count over both agents.
    expect(lines.at(-1)).toBe("1 passed, 2 failed");
  });
});
