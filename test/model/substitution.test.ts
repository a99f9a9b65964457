import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadServiceModel } from "../../generator/parse.js";
import { complex, element, load, named, particles, q } from "./helpers.js";

const NS = "urn:example:substitution";

describe("substitution.wsdl", async () => {
  const model = await load("substitution.wsdl");

  it("lists a head's members, and their members, on every ref to the head", () => {
    expect(particles(complex(model, NS, "Register"))).toEqual([
      element(q(NS, "Vehicle"), named(NS, "VehicleType"), {
        maxOccurs: "unbounded",
        substitutes: [`{${NS}}Car`, `{${NS}}Truck`, `{${NS}}Van`],
      }),
      element(
        q(NS, "Note"),
        { kind: "builtin", name: "string" },
        {
          minOccurs: 0,
          substitutes: [`{${NS}}Remark`],
        },
      ),
    ]);
  });

  it("gives a member without a type of its own its head's type, and keeps the head's abstractness", () => {
    expect(model.elements.get(`{${NS}}Van`)).toMatchObject({
      type: named(NS, "CarType"),
      substitutionGroup: q(NS, "Car"),
      abstract: false,
    });
    expect(model.elements.get(`{${NS}}Vehicle`)?.abstract).toBe(true);
  });

  it("does not take an ArrayOf wrapper of a head for a collection: its items are several elements", async () => {
    const text = readFileSync("wsdl/substitution.wsdl", "utf8").replace(
      '<xs:element name="Vehicle"',
      '<xs:complexType name="ArrayOfVehicle"><xs:sequence><xs:element ref="tns:Vehicle" maxOccurs="unbounded"/>' +
        '</xs:sequence></xs:complexType><xs:element name="Vehicle"',
    );
    const array = complex(await loadServiceModel({ text }), NS, "ArrayOfVehicle");
    expect(array.arrayItem).toBeUndefined();
    expect(particles(array)[0]).toMatchObject({ substitutes: [`{${NS}}Car`, `{${NS}}Truck`, `{${NS}}Van`] });
  });
});
