import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServiceModel } from "../../generator/parse.js";
import { WSDL_DIR } from "./helpers.js";

describe("loading from text and from http(s)", () => {
  let server: Server;
  let base = "";
  const requests: string[] = [];

  beforeAll(async () => {
    // Serves wsdl/imports/ (abstract.wsdl imports service.wsdl back: each must be fetched once) and a slow path.
    server = createServer((req, res) => {
      requests.push(req.url ?? "");
      if (req.url === "/slow") return void setTimeout(() => res.end("<x/>"), 1000);
      try {
        res.end(readFileSync(path.join(WSDL_DIR, "imports", req.url ?? "")));
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it("follows imports relative to a URL, fetching each document once", async () => {
    const model = await loadServiceModel({ location: `${base}/service.wsdl` });
    expect(model.source).toBe(`${base}/service.wsdl`);
    expect(model.ports[0]?.operations.map((o) => o.name)).toEqual(["PlaceOrder"]);
    expect([...requests].sort()).toEqual([
      "/abstract.wsdl",
      "/common/common.xsd",
      "/schemas/order-lines.xsd",
      "/schemas/orders.xsd",
      "/service.wsdl",
    ]);
  });

  it("reports HTTP errors and timeouts", async () => {
    await expect(loadServiceModel({ location: `${base}/missing.wsdl` })).rejects.toThrow(
      `${base}/missing.wsdl: HTTP 404 Not Found`,
    );
    await expect(loadServiceModel({ location: `${base}/slow` }, { timeoutMs: 50 })).rejects.toThrow(
      `${base}/slow: no response within 50 ms`,
    );
  });

  it("loads text, resolving imports against the given location", async () => {
    const location = path.join(WSDL_DIR, "imports", "service.wsdl");
    const model = await loadServiceModel({ text: readFileSync(location, "utf8"), location });
    expect(model.types.size).toBe(4);
  });

  it("resolves prefixes by namespace, not by spelling", async () => {
    const text = `<d:definitions xmlns:d="http://schemas.xmlsoap.org/wsdl/" xmlns:wsdl="urn:not-wsdl" targetNamespace="urn:t">
      <d:types><schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"><element name="E" type="string"/></schema></d:types>
      <wsdl:types/>
    </d:definitions>`;
    const model = await loadServiceModel({ text });
    expect(model.source).toBe("<input>");
    expect([...model.elements.values()]).toEqual([
      {
        name: { ns: "urn:t", local: "E" },
        type: { kind: "builtin", name: "string" },
        nillable: false,
        abstract: false,
      },
    ]);
  });

  it("is deterministic", async () => {
    const a = await loadServiceModel({ location: path.join(WSDL_DIR, "imports", "service.wsdl") });
    const b = await loadServiceModel({ location: path.join(WSDL_DIR, "imports", "service.wsdl") });
    expect([...b.types.entries()]).toEqual([...a.types.entries()]);
  });
});
