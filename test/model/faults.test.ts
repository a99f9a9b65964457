import { describe, expect, it } from "vitest";
import { load, q } from "./helpers.js";

const NS = "urn:example:faults";

describe("faults.wsdl: faults, headers, one-way, documentation", async () => {
  const model = await load("faults.wsdl");
  const [withdraw, log] = model.ports[0]?.operations ?? [];

  it("reads headers from other messages and removes the operation's own header part from the body", () => {
    expect(withdraw?.input).toEqual({
      name: q(NS, "WithdrawRequest"),
      body: [{ name: "parameters", element: `{${NS}}Withdraw` }],
      headers: [
        { name: "session", element: `{${NS}}Session` },
        { name: "trace", element: `{${NS}}Trace` },
      ],
    });
  });

  it("reads the fault's single part and documentation", () => {
    expect(withdraw?.faults).toEqual([
      {
        name: "InsufficientFunds",
        part: { name: "detail", element: `{${NS}}InsufficientFunds` },
        documentation: "Not enough money.",
      },
    ]);
  });

  it("normalises documentation per line and reads the portType's", () => {
    expect(withdraw?.documentation).toBe("Takes money out.\nFails when the balance is too low.");
    expect(model.ports[0]?.documentation).toBe("The bank.");
  });

  it("has no output for a one-way operation and an empty soapAction when none is given", () => {
    expect(log?.name).toBe("Log");
    expect(log?.output).toBeUndefined();
    expect(log?.soapAction).toBe("");
  });

  it("has no address without a service", () => {
    expect(model.ports[0]?.address).toBeUndefined();
    expect(model.ports[0]?.serviceName).toBeUndefined();
  });
});
