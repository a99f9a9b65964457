import { describe, expect, it } from "vitest";
import { builtin, complex, element, load, named, q } from "./helpers.js";

const NS = "urn:example:choice";

describe("choice.wsdl: sequence, choice, group refs, all", async () => {
  const model = await load("choice.wsdl");

  it("keeps a choice (with a nested sequence) inside the sequence, and inlines the group ref with the ref's bounds", () => {
    expect(complex(model, NS, "Payment").content).toEqual({
      kind: "sequence",
      minOccurs: 1,
      maxOccurs: 1,
      particles: [
        element(q(NS, "Amount"), builtin("decimal")),
        {
          kind: "choice",
          minOccurs: 1,
          maxOccurs: 1,
          particles: [
            element(q(NS, "CardNumber"), builtin("string")),
            {
              kind: "sequence",
              minOccurs: 1,
              maxOccurs: 1,
              particles: [
                element(q(NS, "Iban"), builtin("string")),
                element(q(NS, "Bic"), builtin("string"), { minOccurs: 0 }),
              ],
            },
          ],
        },
        {
          kind: "sequence",
          minOccurs: 0,
          maxOccurs: 1,
          particles: [
            element(q(NS, "Email"), builtin("string")),
            element(q(NS, "Phone"), builtin("string"), { minOccurs: 0 }),
          ],
        },
      ],
    });
  });

  it("reads xs:all", () => {
    const options = complex(model, NS, "Options").content;
    expect(options?.kind).toBe("all");
    expect(options?.particles.map((p) => (p.kind === "element" ? p.name.local : p.kind))).toEqual([
      "Fast",
      "Cheap",
    ]);
  });

  it("hoists the global element's anonymous type under the element's name, after the named types", () => {
    expect([...model.types.keys()]).toEqual([`{${NS}}Payment`, `{${NS}}Options`, `{${NS}}Pay`]);
    expect(complex(model, NS, "Pay").anonymous).toBe(true);
    expect(model.elements.get(`{${NS}}Pay`)?.type).toEqual(named(NS, "Pay"));
    expect(model.elements.get(`{${NS}}PayResponse`)).toEqual({
      name: q(NS, "PayResponse"),
      type: builtin("boolean"),
      nillable: false,
      abstract: false,
    });
  });

  it("builds the port from the SOAP 1.1 binding and the service address", () => {
    expect(model.ports).toHaveLength(1);
    const [port] = model.ports;
    expect(port).toMatchObject({
      portType: q(NS, "PaymentService"),
      binding: q(NS, "PaymentBinding"),
      soapVersion: "1.1",
      address: "http://localhost:8080/payment",
      serviceName: "PaymentService",
    });
    expect(port?.operations).toEqual([
      {
        name: "Pay",
        style: "document",
        soapAction: "urn:example:choice/Pay",
        input: {
          name: q(NS, "PayRequest"),
          body: [{ name: "parameters", element: `{${NS}}Pay` }],
          headers: [],
        },
        output: {
          name: q(NS, "PayResponse"),
          body: [{ name: "parameters", element: `{${NS}}PayResponse` }],
          headers: [],
        },
        faults: [],
      },
    ]);
  });
});
