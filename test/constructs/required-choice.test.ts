/**
 * Required choices (wsdl/required-choice.wsdl): the types make one branch necessary, and the runtime
 * refuses a value or a message without one; an absent repeated branch stays absent rather than `[]`.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapDecodeError, SoapEncodeError } from "../../templates/runtime/errors.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";
import { compileUsage } from "./compile.js";
import { envelope, generated } from "./generated.js";

const NS = "urn:example:required-choice";
type Method = (request: object) => Promise<unknown>;
const { index, stub } = await generated<
  {
    shippingServiceTables: ServiceMeta;
    ShippingServiceClient: new (options: { fetch: typeof fetch }) => { ship: Method };
  },
  { createShippingServiceHandler: (handlers: { ship: (request: unknown) => unknown }) => typeof fetch }
>("required-choice.wsdl");
const service = index.shippingServiceTables;

const response = (parcel: string) =>
  envelope(`<r:ShipResponse xmlns:r="${NS}"><r:Parcel>${parcel}</r:Parcel></r:ShipResponse>`);

describe("required choice", () => {
  it("is typed so that one branch must be given, and only one", async () => {
    const diagnostics = await compileUsage(
      "required-choice.wsdl",
      `import type { Delivery, Insurance, Parcel, Recipient } from "./index.js";
export const deliveries: Delivery[] = [{ Address: "Main St 1" }, { PickupPoint: 7 }];
// @ts-expect-error: a required choice needs a branch
export const none: Delivery = {};
// @ts-expect-error: and only one
export const both: Delivery = { Address: "a", PickupPoint: 1 };
export const recipient: Recipient = { Name: "Ada" };
// @ts-expect-error: a choice of one particle is that particle, required
export const nobody: Recipient = {};
export const parcels: Parcel[] = [{ Barcode: ["1", "2"] }, { Reference: "r" }];
export const insurances: Insurance[] = [{}, { Insurer: "I", Value: 100 }, { Insurer: "I", Category: "B" }];
// @ts-expect-error: present optional content still needs its choice
export const halfInsured: Insurance = { Insurer: "I" };
// @ts-expect-error: and the rest of its required content
export const noInsurer: Insurance = { Value: 1 };
`,
    );
    expect(diagnostics).toEqual([]);
  });

  it("decodes the branch given, leaving the other absent (a repeated one too)", () => {
    expect(decodeMessage(service, "Ship", "output", response(`<r:Reference>x</r:Reference>`)).body).toEqual({
      Parcel: { Reference: "x" },
    });
    expect(
      decodeMessage(service, "Ship", "output", response(`<r:Barcode>1</r:Barcode><r:Barcode>2</r:Barcode>`))
        .body,
    ).toEqual({ Parcel: { Barcode: ["1", "2"] } });
  });

  it("refuses a message without any branch, both ways", () => {
    const decode = () => decodeMessage(service, "Ship", "output", response(""));
    expect(decode).toThrow(SoapDecodeError);
    expect(decode).toThrow("Missing required element: one of <Barcode>, <Reference>");
    const encode = () => encodeMessage(service, "Ship", "output", { Parcel: {} }, undefined);
    expect(encode).toThrow(SoapEncodeError);
    expect(encode).toThrow("Missing required element: one of <Barcode>, <Reference> at body.Parcel");
  });

  it("round-trips through the client and the typed stub", async () => {
    const request = {
      Delivery: { PickupPoint: 7 },
      Recipient: { Name: "Ada" },
      Parcel: { Barcode: ["1"] },
      Insurance: { Insurer: "I", Category: "B" },
    };
    let received: unknown;
    const handler = stub.createShippingServiceHandler({
      ship: (body) => {
        received = body;
        return { Parcel: { Reference: "r" } };
      },
    });
    expect(await new index.ShippingServiceClient({ fetch: handler }).ship(request)).toEqual({
      Parcel: { Reference: "r" },
    });
    expect(received).toEqual(request);
    const uninsured = { ...request, Insurance: {} };
    await new index.ShippingServiceClient({ fetch: handler }).ship(uninsured);
    expect(received).toEqual(uninsured);
  });
});
