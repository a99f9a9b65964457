import path from "node:path";
import { describe, expect, it } from "vitest";
import { load, WSDL_DIR } from "./helpers.js";

describe("notification.wsdl", async () => {
  const model = await load("notification.wsdl");
  const file = path.join(WSDL_DIR, "notification.wsdl");

  it("keeps the request-response operation and leaves out the notification and solicit-response", () => {
    expect(model.ports[0]?.operations.map((op) => op.name)).toEqual(["Subscribe"]);
  });

  it("warns once per operation left out, in one line naming file, line and operation", () => {
    expect(model.warnings).toEqual([
      `${file}:37:5: notification operation 'Alert' of portType 'Alerts' left out of the client: the service would send it unasked (at wsdl:definitions[@name='Alerts']/wsdl:portType[@name='Alerts']/wsdl:operation[@name='Alert'])`,
      `${file}:40:5: solicit-response operation 'Confirm' of portType 'Alerts' left out of the client: the service would send it unasked (at wsdl:definitions[@name='Alerts']/wsdl:portType[@name='Alerts']/wsdl:operation[@name='Confirm'])`,
    ]);
  });
});
