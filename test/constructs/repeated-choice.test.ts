/**
 * Repeated choices (wsdl/repeated-choice.wsdl): the elements stay in document order as `$choice` items,
 * `{ Element: value }` each, through decoding, encoding and the typed stub.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapDecodeError, SoapEncodeError } from "../../templates/runtime/errors.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";
import { envelope, generated } from "./generated.js";

const NS = "urn:example:repeated-choice";
type Method = (request: object) => Promise<unknown>;
const { index, stub } = await generated<
  {
    mailboxServiceTables: ServiceMeta;
    MailboxServiceClient: new (options: { fetch: typeof fetch }) => { sync: Method };
  },
  { createMailboxServiceHandler: (handlers: { sync: (request: unknown) => unknown }) => typeof fetch }
>("repeated-choice.wsdl");
const service = index.mailboxServiceTables;

const folder = {
  Name: "Inbox",
  $choice: [
    { Message: { Subject: "first" } },
    { CalendarItem: { Start: new Date("2024-05-06T07:08:09Z") } },
    { Note: null },
    { Message: { Subject: "second" } },
  ],
  $choice2: [{ Flag: 2 }, { Tag: "red" }, { Flag: 1 }],
};

const folderXml =
  `<f:Name>Inbox</f:Name><f:Message><f:Subject>first</f:Subject></f:Message>` +
  `<f:CalendarItem><f:Start>2024-05-06T07:08:09Z</f:Start></f:CalendarItem>` +
  `<f:Note xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>` +
  `<f:Message><f:Subject>second</f:Subject></f:Message><f:Flag>2</f:Flag><f:Tag>red</f:Tag><f:Flag>1</f:Flag>`;

describe("repeated choice", () => {
  it("decodes the alternatives in document order, one single-key object each", () => {
    const xml = envelope(
      `<f:SyncResponse xmlns:f="${NS}"><f:Folder>${folderXml}</f:Folder></f:SyncResponse>`,
    );
    expect(decodeMessage(service, "Sync", "output", xml, { strict: true }).body).toEqual({ Folder: folder });
  });

  it("decodes an absent optional choice as an empty array, not one array per branch", () => {
    const xml = envelope(
      `<f:SyncResponse xmlns:f="${NS}"><f:Folder><f:Name>A</f:Name><f:Note>n</f:Note></f:Folder></f:SyncResponse>`,
    );
    expect(decodeMessage(service, "Sync", "output", xml).body).toEqual({
      Folder: { Name: "A", $choice: [{ Note: "n" }], $choice2: [] },
    });
  });

  it("refuses a required choice with no element", () => {
    const xml = envelope(
      `<f:SyncResponse xmlns:f="${NS}"><f:Folder><f:Name>A</f:Name></f:Folder></f:SyncResponse>`,
    );
    const decode = () => decodeMessage(service, "Sync", "output", xml);
    expect(decode).toThrow(SoapDecodeError);
    expect(decode).toThrow("Missing required element: one of <Message>, <CalendarItem>, <Note>");
  });

  it("encodes the items in their order", () => {
    const xml = encodeMessage(service, "Sync", "output", { Folder: folder }, undefined);
    expect(xml).toContain(
      `<ns0:Folder><ns0:Name>Inbox</ns0:Name><ns0:Message><ns0:Subject>first</ns0:Subject></ns0:Message>` +
        `<ns0:CalendarItem><ns0:Start>2024-05-06T07:08:09.000Z</ns0:Start></ns0:CalendarItem>` +
        `<ns0:Note xsi:nil="true"/><ns0:Message><ns0:Subject>second</ns0:Subject></ns0:Message>` +
        `<ns0:Flag>2</ns0:Flag><ns0:Tag>red</ns0:Tag><ns0:Flag>1</ns0:Flag></ns0:Folder>`,
    );
  });

  it("keeps a choice inside a repeated sequence in order, and round-trips", () => {
    const request = {
      Folder: { Name: "A", $choice: [{ Note: "x" }] },
      Script: { $choice: [{ Step: "a" }, { Wait: 5 }, { Step: "b" }, { Say: "hi" }] },
    };
    const xml = encodeMessage(service, "Sync", "input", request, undefined);
    expect(xml).toContain(
      "<ns0:Script><ns0:Step>a</ns0:Step><ns0:Wait>5</ns0:Wait><ns0:Step>b</ns0:Step><ns0:Say>hi</ns0:Say></ns0:Script>",
    );
    // An optional group decodes as an array too, empty when absent, as a repeated element does.
    expect(decodeMessage(service, "Sync", "input", xml, { strict: true }).body).toEqual({
      ...request,
      Folder: { ...request.Folder, $choice2: [] },
    });
  });

  it("refuses an item naming no branch or two, and a missing required choice", () => {
    const encode = (choice: unknown) =>
      encodeMessage(service, "Sync", "output", { Folder: { Name: "A", $choice: choice } }, undefined);
    expect(() => encode([{ Message: { Subject: "s" }, Note: "n" }])).toThrow(
      "Expected an object with one of Message, CalendarItem, Note, got Message, Note at body.Folder.$choice[0]",
    );
    expect(() => encode([{ Tag: "t" }])).toThrow(SoapEncodeError);
    expect(() => encode([])).toThrow("At least one element is required: one of Message, CalendarItem, Note");
    expect(() => encode(undefined)).toThrow(SoapEncodeError);
    expect(() => encode({ Note: "n" })).toThrow("Expected an array of items for $choice");
  });

  it("round-trips through the client and the typed stub in order", async () => {
    let received: unknown;
    const handler = stub.createMailboxServiceHandler({
      sync: (request) => {
        received = request;
        return { Folder: folder };
      },
    });
    const client = new index.MailboxServiceClient({ fetch: handler });
    const request = { Folder: { Name: "Out", $choice: [{ Note: "b" }, { Message: { Subject: "a" } }] } };
    expect(await client.sync(request)).toEqual({ Folder: folder });
    expect(received).toEqual({ Folder: { ...request.Folder, $choice2: [] } });
  });
});
