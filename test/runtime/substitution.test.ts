/**
 * Substitution groups through the generated tables of wsdl/substitution.wsdl: each member decodes as its
 * own type and says which it was in `$element`; encoding writes the element `$element` names.
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";
import { decodeMessage, encodeMessage } from "../../templates/runtime/envelope.js";
import { SoapEncodeError } from "../../templates/runtime/errors.js";
import type { ServiceMeta } from "../../templates/runtime/metadata.js";

const ROOT = process.cwd();
const NS = "urn:example:substitution";
const dir = mkdtempSync(join(tmpdir(), "soapgen-substitution-"));
symlinkSync(resolve(ROOT, "node_modules"), join(dir, "node_modules"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

await generate({ wsdl: resolve(ROOT, "wsdl/substitution.wsdl"), out: join(dir, "fleet") });
const { fleetTables: service } = (await import(join(dir, "fleet", "index.ts"))) as {
  fleetTables: ServiceMeta;
};

const envelope = (body: string): string =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;

describe("substitution groups", () => {
  it("decodes each member as its own type, naming it in $element", () => {
    const xml = envelope(
      `<f:Register xmlns:f="${NS}">` +
        `<f:Car><f:Plate>A</f:Plate><f:Doors>4</f:Doors></f:Car>` +
        `<f:Truck><f:Plate>B</f:Plate><f:Load>7.5</f:Load></f:Truck>` +
        `<f:Van><f:Plate>C</f:Plate><f:Doors>2</f:Doors></f:Van>` +
        `<f:Remark>fragile</f:Remark>` +
        `</f:Register>`,
    );
    expect(decodeMessage(service, "Register", "input", xml).body).toEqual({
      Vehicle: [
        { $element: "Car", Plate: "A", Doors: 4 },
        { $element: "Truck", Plate: "B", Load: 7.5 },
        { $element: "Van", Plate: "C", Doors: 2 },
      ],
      Note: "fragile",
    });
  });

  it("refuses the abstract head and a Truck's content in a Car when strict", () => {
    const abstract = envelope(
      `<f:RegisterResponse xmlns:f="${NS}"><f:Vehicle><f:Plate>A</f:Plate></f:Vehicle></f:RegisterResponse>`,
    );
    expect(() => decodeMessage(service, "Register", "output", abstract, { strict: true })).toThrow(
      /Unexpected element <f:Vehicle>/,
    );
    // Tolerant decoding skips the head as unknown, and the required slot is then missing.
    expect(() => decodeMessage(service, "Register", "output", abstract)).toThrow(
      "Missing required element <Vehicle> at Envelope/Body/RegisterResponse",
    );
    const wrong = envelope(
      `<f:RegisterResponse xmlns:f="${NS}"><f:Car><f:Plate>A</f:Plate><f:Load>1</f:Load></f:Car></f:RegisterResponse>`,
    );
    expect(() => decodeMessage(service, "Register", "output", wrong, { strict: true })).toThrow(
      /Unexpected element <f:Load>/,
    );
  });

  it("writes the element $element names, and the head for a value without one", () => {
    const xml = encodeMessage(
      service,
      "Register",
      "input",
      {
        Vehicle: [
          { $element: "Truck", Plate: "B", Load: 7.5 },
          { $element: "Van", Plate: "C", Doors: 2 },
        ],
        Note: "fragile",
      },
      undefined,
    );
    expect(xml).toContain(
      "<ns0:Register><ns0:Truck><ns0:Plate>B</ns0:Plate><ns0:Load>7.5</ns0:Load></ns0:Truck>" +
        "<ns0:Van><ns0:Plate>C</ns0:Plate><ns0:Doors>2</ns0:Doors></ns0:Van><ns0:Note>fragile</ns0:Note></ns0:Register>",
    );
  });

  it("round-trips every member", () => {
    const request = {
      Vehicle: [
        { $element: "Car", Plate: "A", Doors: 4 },
        { $element: "Truck", Plate: "B", Load: 0.25 },
        { $element: "Van", Plate: "C", Doors: 3 },
      ],
    };
    const xml = encodeMessage(service, "Register", "input", request, undefined);
    expect(decodeMessage(service, "Register", "input", xml).body).toEqual(request);
  });

  it("refuses an $element that is not a member", () => {
    const encode = () =>
      encodeMessage(service, "Register", "output", { Vehicle: { $element: "Bike", Plate: "X" } }, undefined);
    expect(encode).toThrow(SoapEncodeError);
    expect(encode).toThrow('$element "Bike" is not one of Car, Truck, Van');
  });
});
