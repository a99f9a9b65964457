/**
 * The committed output of each construct WSDL (wsdl/<name>.out/) is what the WSDL generates now, byte for
 * byte, with no file missing or left over: an intended change of emission is committed with the change,
 * so it shows in review.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { committedOutput, constructOutput, constructWsdls, outputDir } from "./output.js";

const UPDATE = "run `npm run generate` (or `npx tsx test/constructs/output.ts`) and review the diff";

describe("the committed output of each construct WSDL", () => {
  it("exists for every construct WSDL, and only for those", () => {
    const wsdls = constructWsdls();
    expect(wsdls.length).toBeGreaterThan(20);
    const outputs = readdirSync(resolve(import.meta.dirname, "../../wsdl")).filter((name) =>
      name.endsWith(".out"),
    );
    expect(outputs, UPDATE).toEqual(wsdls.map((wsdl) => wsdl.replace(/\.wsdl$/, ".out")));
  });

  it.each(constructWsdls())("%s: is what it generates now", async (wsdl) => {
    const rendered = await constructOutput(wsdl);
    const committed = committedOutput(outputDir(wsdl));
    expect([...committed.keys()], `the files of ${wsdl}'s output: ${UPDATE}`).toEqual([...rendered.keys()]);
    for (const [name, text] of rendered)
      expect(committed.get(name), `${wsdl}: ${name}: ${UPDATE}`).toBe(text);
  });
});
