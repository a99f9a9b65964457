/**
 * What an editor shows on hover over a generated error, through TypeScript's language service: the
 * generated class with its typed fields (`ContactError.exceptionInfo: SoExceptionInfo | null | undefined`),
 * never the runtime's internal generic class (`ServiceError<SoExceptionInfo | null | undefined, …>`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Project, ts } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/generate.js";

const ROOT = process.cwd();
const dir = mkdtempSync(join(tmpdir(), "soapgen-hover-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The quick info at each `/*?*\/` marker of `app` (a file in `folder`, next to the generated index.ts). */
function hovers(folder: string, app: string): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
    },
  });
  project.addSourceFilesAtPaths(join(folder, "**/*.ts"));
  const marker = "/*?*/";
  const file = project.createSourceFile(join(folder, "app.ts"), app.replaceAll(marker, ""));
  expect(file.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
  const service = project.getLanguageService().compilerObject;
  const positions: number[] = [];
  for (let at = app.indexOf(marker); at !== -1; at = app.indexOf(marker, at + 1)) {
    positions.push(at - positions.length * marker.length);
  }
  return positions.map((position) =>
    ts.displayPartsToString(service.getQuickInfoAtPosition(file.getFilePath(), position)?.displayParts),
  );
}

describe("hover over a generated error", () => {
  it("shows the service error class and its typed fields", () => {
    const app = `import { ContactClient, ContactError } from "./index.js";
export async function f(contacts: ContactClient): Promise<ContactError | undefined> {
  try {
    await contacts.getContact({ ContactId: 1 });
  } catch (error) {
    if (error instanceof ContactError) console.log(/*?*/error, error./*?*/exceptionInfo, error./*?*/headers);
  }
  return new /*?*/ContactError({ exceptionInfo: null, headers: {}, status: 200 });
}
`;
    expect(hovers(resolve(ROOT, "generated/contact"), app)).toEqual([
      "(local var) error: ContactError",
      "(property) ContactError.exceptionInfo: SoExceptionInfo | null | undefined",
      "(property) ContactError.headers: ContactResponseHeaders",
      '(alias) new ContactError(init: SoapServiceErrorInit<ContactResponseHeaders["ExceptionInfo"], ContactResponseHeaders>): ContactError\nimport ContactError',
    ]);
  });

  it("shows a fault class and its typed detail", async () => {
    const out = join(dir, "faults");
    await generate({ wsdl: resolve(ROOT, "wsdl/faults.wsdl"), out });
    const app = `import { InsufficientFundsError } from "./index.js";
export function f(error: unknown): void {
  if (error instanceof InsufficientFundsError) console.log(error./*?*/detail);
}
export const made = new /*?*/InsufficientFundsError({ code: "Server", codeNamespace: "", reason: "", detail: undefined, status: 500 });
`;
    const [detail, constructor] = hovers(out, app);
    expect(detail).toMatch(/^\(property\) InsufficientFundsError\.detail: InsufficientFunds \| undefined$/);
    expect(constructor).toMatch(
      /^\(alias\) new InsufficientFundsError\(init: SoapFaultInit<InsufficientFunds>\)/,
    );
  });
});
