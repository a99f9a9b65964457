/**
 * Emission: the model in, the generated files out (formatted TypeScript source by relative path).
 * Each construct has its own emitter; this file only lays out the files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  Node,
  Project,
  type SourceFile,
  type SourceFileStructure,
  StructureKind,
  type StatementStructures,
  SyntaxKind,
} from "ts-morph";
import type { ServiceModel } from "../model.js";
import { packageRoot } from "../lib/paths.js";
import { emitClient } from "./client.js";
import { emitComplexType } from "./complex-type.js";
import { EmitContext } from "./context.js";
import { emitMessages } from "./message.js";
import { planPort } from "./port.js";
import { emitServiceMeta } from "./service-meta.js";
import { emitSimpleType } from "./simple-type.js";
import { formatTypeScript, PRINT_WIDTH } from "../format.js";
import { lineCommentText } from "../lib/names.js";
import { GENERATED_BANNER } from "../write.js";

export type GeneratedFiles = Map<string, string>;

export async function emitFiles(model: ServiceModel, sourceName: string): Promise<GeneratedFiles> {
  const ctx = new EmitContext(model);
  const plans = model.ports.map((port) => planPort(ctx, port));
  const banner = `${GENERATED_BANNER} from ${lineCommentText(sourceName)}. Do not edit: regenerate with soapgen.\n`;
  const project = new Project({ useInMemoryFileSystem: true });
  const print = (name: string, statements: StatementStructures[]): string => {
    const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements };
    const text = project.createSourceFile(name, structure, { overwrite: true }).getFullText();
    // ts-morph puts no blank line between some declarations; one between each reads better.
    return text.replace(/([;}])\n(?=\/\*\*|export )/g, "$1\n\n");
  };

  const typeStatements: StatementStructures[] = [];
  for (const [key] of ctx.typeNames) {
    const type = ctx.type(key);
    if (type.kind === "simple") {
      if (!type.anonymous) typeStatements.push(emitSimpleType(ctx, key, type));
    } else if (!type.arrayItem && !type.dictionary) {
      typeStatements.push(emitComplexType(ctx, key, type));
    }
  }
  for (const plan of plans) typeStatements.push(...emitMessages(ctx, plan));
  // Formatting starts now: with prettier in its worker thread it runs while index.ts is printed here.
  const typesFormatted = formatTypeScript(print("types.ts", typeStatements));
  typesFormatted.catch(() => undefined); // a failure is reported where it is awaited, below
  const declaredTypes = new Set(
    typeStatements.map((s) => ("name" in s ? s.name : undefined)).filter(Boolean),
  );

  const clientText = print(
    "index.ts",
    plans.flatMap((plan) => emitClient(ctx, plan)),
  );
  const usedTypes = referencedTypes(project.getSourceFileOrThrow("index.ts"), declaredTypes);
  const runtimeImports = ["type CallOptions", "SoapClient", "type SoapClientOptions", "type SoapResponse"];
  if (plans.some((plan) => plan.operations.some((op) => op.faults.length > 0)))
    runtimeImports.push("SoapFaultError");
  if (plans.some((plan) => plan.failureName)) runtimeImports.push("type SoapServiceError");
  const indexHeader = [
    `import { ${runtimeImports.join(", ")} } from "./runtime/index.js";`,
    `import { ${plans.map((p) => p.metaName).join(", ")} } from "./schema.js";`,
    usedTypes.length > 0 ? `import type { ${usedTypes.join(", ")} } from "./types.js";` : "",
    `export * from "./runtime/index.js";`,
    `export * from "./types.js";`,
    `export { ${plans.map((p) => p.metaName).join(", ")} } from "./schema.js";`,
  ].filter(Boolean);

  const files: GeneratedFiles = new Map();
  files.set("index.ts", banner + (await formatTypeScript(indexHeader.join("\n") + "\n\n" + clientText)));
  files.set("types.ts", banner + (await typesFormatted));
  files.set("schema.ts", banner + emitServiceMeta(ctx, plans, PRINT_WIDTH));
  for (const [name, text] of runtimeFiles()) files.set(`runtime/${name}`, banner + text);
  return files;
}

/**
 * The types.ts declarations `file` refers to in type positions, for its import: a name that only appears
 * as an operation key, a method, a parameter or a type parameter (`K`) must not be imported, or
 * `noUnusedLocals` rejects the file.
 */
function referencedTypes(file: SourceFile, declared: ReadonlySet<unknown>): string[] {
  const names = new Set<string>();
  for (const reference of file.getDescendantsOfKind(SyntaxKind.TypeReference)) {
    const name = reference.getTypeName().getText();
    const typeParameter = reference
      .getAncestors()
      .some((node) => Node.isTypeParametered(node) && node.getTypeParameter(name));
    if (declared.has(name) && !typeParameter) names.add(name);
  }
  return [...names].sort();
}

/** The runtime sources copied into every output, read once per process. */
let runtimeCache: [string, string][] | undefined;
function runtimeFiles(): [string, string][] {
  if (!runtimeCache) {
    const dir = join(packageRoot(), "templates", "runtime");
    runtimeCache = readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]);
  }
  return runtimeCache;
}
