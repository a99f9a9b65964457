/** The warning `generate` gives when the app holding the output does not depend on a usable fast-xml-parser. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runtimeDependencyWarning } from "../../generator/runtime-dependency.js";

const dir = mkdtempSync(join(tmpdir(), "soapgen-runtime-dependency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let appNumber = 0;
/** An app folder with this package.json; returns where its generated client goes (not created). */
function app(manifest: object | string): { out: string; packageJson: string } {
  const root = join(dir, `app-${appNumber++}`);
  mkdirSync(root);
  const packageJson = join(root, "package.json");
  writeFileSync(packageJson, typeof manifest === "string" ? manifest : JSON.stringify(manifest));
  return { out: join(root, "src", "generated", "crm"), packageJson };
}

const SUPPORTED = "the generated client imports it at run time (supported: >=4.0.9 <6.0.0)";

describe("the app's fast-xml-parser dependency", () => {
  it.each(["^5.3.0", "5.12.1", "~4.5.7", "^4.1.0 || ^5.0.0", "npm:fast-xml-parser@^5", "latest"])(
    "is fine as %s (a spec without a range cannot be judged)",
    (spec) => {
      expect(runtimeDependencyWarning(app({ dependencies: { "fast-xml-parser": spec } }).out)).toBe(
        undefined,
      );
    },
  );

  it("is reported when missing from dependencies, from the package.json nearest the output", () => {
    const { out, packageJson } = app({ dependencies: { yargs: "^18" } });
    expect(runtimeDependencyWarning(out)).toBe(
      `${packageJson}: fast-xml-parser is not in "dependencies"; ${SUPPORTED}`,
    );
  });

  it("is reported when only a dev dependency, which an --omit=dev install leaves out", () => {
    const { out, packageJson } = app({ devDependencies: { "fast-xml-parser": "^5.12.1" } });
    expect(runtimeDependencyWarning(out)).toBe(
      `${packageJson}: fast-xml-parser is only in "devDependencies", which \`npm ci --omit=dev\` leaves out; ${SUPPORTED}`,
    );
  });

  it.each(["^3.21.0", "*", ">=4", "^4.0.0", "6.0.0"])(
    "is reported when %s allows an unsupported version",
    (spec) => {
      const { out, packageJson } = app({ dependencies: { "fast-xml-parser": spec } });
      expect(runtimeDependencyWarning(out)).toBe(
        `${packageJson}: fast-xml-parser "${spec}" allows versions outside the supported range; ${SUPPORTED}`,
      );
    },
  );

  it("says nothing without a package.json to look at, or with one npm cannot read either", () => {
    expect(runtimeDependencyWarning("/")).toBe(undefined);
    expect(runtimeDependencyWarning(app("{ not json").out)).toBe(undefined);
  });
});
