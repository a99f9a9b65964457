import { describe, expect, it } from "vitest";
import { load, q } from "./helpers.js";

describe("soap12.wsdl", async () => {
  const model = await load("soap12.wsdl");

  it("skips the HTTP binding and builds the SOAP 1.2 port", () => {
    expect(
      model.ports.map((p) => ({ binding: p.binding, version: p.soapVersion, address: p.address })),
    ).toEqual([
      {
        binding: q("urn:example:soap12", "EchoBinding"),
        version: "1.2",
        address: "http://localhost:8080/soap12",
      },
    ]);
    expect(model.ports[0]?.operations[0]?.soapAction).toBe("urn:example:soap12/Echo");
  });
});
