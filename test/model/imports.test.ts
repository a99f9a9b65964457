import { describe, expect, it } from "vitest";
import { builtin, complex, element, load, named, q, simple } from "./helpers.js";

const NS = "urn:example:imports";

describe("imports/: wsdl:import cycle, xs:import, xs:include cycle, chameleon include", async () => {
  const model = await load("imports/service.wsdl");

  it("resolves the binding against the imported portType and messages", () => {
    expect(model.targetNamespace).toBe("urn:example:imports/service");
    expect(model.ports).toHaveLength(1);
    expect(model.ports[0]).toMatchObject({
      portType: q(NS, "Orders"),
      binding: q("urn:example:imports/service", "OrdersBinding"),
      address: "http://localhost:8080/orders",
      serviceName: "OrderService",
    });
    expect(model.ports[0]?.operations[0]?.input.body).toEqual([
      { name: "parameters", element: `{${NS}}PlaceOrder` },
    ]);
  });

  it("reads each schema once, in document order, with included chameleon types in the includer's namespace", () => {
    expect([...model.types.keys()]).toEqual([
      `{${NS}}PlaceOrder`,
      `{${NS}}OrderLine`,
      `{${NS}}Code`,
      `{${NS}}Identifier`,
    ]);
    expect(simple(model, NS, "Identifier")).toMatchObject({ base: named(NS, "Code"), builtin: "string" });
    expect(complex(model, NS, "PlaceOrder").content?.particles).toEqual([
      element(q(NS, "Line"), named(NS, "OrderLine"), { maxOccurs: "unbounded" }),
      element(q(NS, "Id"), named(NS, "Identifier")),
    ]);
    expect(complex(model, NS, "OrderLine").content?.particles[1]).toEqual(
      element(q(NS, "Quantity"), builtin("int")),
    );
  });
});
