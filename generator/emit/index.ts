/**
 * Emission: the model in, the files' contents out, for the format stage to lay out. Each construct has
 * its own emitter; this file only puts together the files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  ClassDeclarationStructure,
  InterfaceDeclarationStructure,
  StatementStructures,
  ts as Ts,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import { parseTypeScript, printStructure, StructureKind, ts } from "../lib/ts-morph.js";
import type { CombinedModel, TypeKey } from "../model.js";
import { packageRoot } from "../lib/paths.js";
import { emitClient, faultClass } from "./client.js";
import { emitComplexType } from "./complex-type.js";
import { emitStub, stubImports } from "./stub.js";
import {
  EmitContext,
  RUNTIME_EXPORTS,
  RUNTIME_NAMESPACE,
  SERVER_EXPORTS,
  SERVER_NAMESPACE,
} from "./context.js";
import { emitMessages } from "./message.js";
import { planPorts, type PortPlan } from "./port.js";
import { serviceTables, typeTables } from "./tables.js";
import { emitSimpleType } from "./simple-type.js";
import { lineCommentText, NameAllocator } from "../lib/names.js";
import { GENERATED_BANNER } from "../lib/banner.js";
import type { EmittedFiles } from "./emitted.js";

/** Runtime types that schema types refer to (templates/runtime/values.ts). */
const RUNTIME_VALUE_TYPES: ReadonlySet<string> = new Set(["RawXml", "UnknownEnumValue"]);

/** The runtime is soapgen's, the same in every output: its banner names no WSDL. */
const RUNTIME_BANNER = `${GENERATED_BANNER}: the SOAP runtime every generated client shares. Do not edit: regenerate with soapgen.\n`;

/** File names the output takes itself; a client's module takes another (`Types` → `types2.ts`). */
const OWN_FILES = ["index", "types", "tables", "faults", "runtime", "stub"];

/**
 * The output: `runtime/`, one module per client (`customer-service.ts`: its operations' request/response
 * types, the schema types no other client uses, headers, fault classes, client class and tables),
 * `types.ts` and `tables.ts` (the schema types several clients share, and their tables; absent when no
 * type is shared), one stub module per client (`customer-service.stub.ts`: its handlers interface and
 * handler factory), `stub.ts`, which re-exports the stubs and the runtime's server, and `index.ts`, which
 * re-exports the rest, and the stubs' types only: a value export would load the stubs into every app that
 * uses a client. An app that imports one client's module loads only that client's tables and the shared.
 * Relative imports end in `.js`, which the format stage replaces when the output wants another extension.
 */
export function emitFiles(model: CombinedModel, sourceName: string): EmittedFiles {
  const ctx = new EmitContext(model);
  // A portType name two WSDLs share gets a number in the later one (by WSDL name): `Contact2Client`.
  const portNames = new NameAllocator();
  const moduleFiles = new NameAllocator(OWN_FILES);
  const plans = planPorts(
    ctx,
    model.ports.map((port) => ({ port, base: portNames.claim(port.portType.local) })),
  );
  const clients = plans.map((plan) => ({
    plan,
    module: moduleFiles.claim(kebabCase(plan.clientName.replace(/Client$/, ""))),
  }));
  const bannerOf = (source: string): string =>
    `${GENERATED_BANNER} from ${lineCommentText(source)}. Do not edit: regenerate with soapgen.\n`;
  // The files every client shares name all the WSDLs; a client's own modules, its WSDL alone.
  const banner = bannerOf(sourceName);
  // ts-morph prints the statements; the text is parsed, for the types it refers to.
  const print = (statements: StatementStructures[]): PrintedCode => {
    const text = spaced(printStructure({ kind: StructureKind.SourceFile, statements }));
    return { text, file: parseTypeScript(text) };
  };
  const withImports = (imports: string, code: PrintedCode): string =>
    imports === "" ? code.text : `${imports}\n\n${code.text}`;

  const shared = ctx.typeKeys.filter((key) => !ctx.owners.has(key));
  const sharedDeclarations = shared.flatMap((key) => typeDeclaration(ctx, key));
  const sharedNames = new Set(sharedDeclarations.map((declaration) => declaration.name));
  const output: EmittedFiles = new Map();
  // Where the output declares a name the runtime exports too, for index.ts and stub.ts to re-export it.
  const ownRuntimeNames = new Map<string, Exported[]>();
  if (sharedDeclarations.length > 0) {
    ownRuntimeNames.set("types", exportedOf(ctx, sharedDeclarations));
    const typesCode = print(sharedDeclarations);
    const valueTypes = referencedTypes(typesCode, RUNTIME_VALUE_TYPES);
    const typesImports =
      valueTypes.length > 0 ? `import type { ${valueTypes.join(", ")} } from "./runtime/index.js";` : "";
    output.set("types.ts", { banner, code: withImports(typesImports, typesCode) });
  }
  if (shared.length > 0) {
    const code = `import type { TypeMeta } from "./runtime/metadata.js";`;
    output.set("tables.ts", { banner, code, tables: typeTables(ctx, shared) });
  }
  const sharedFaults = sharedFaultClasses(ctx, plans);
  if (sharedFaults.length > 0) {
    ownRuntimeNames.set("faults", exportedOf(ctx, sharedFaults));
    const faultsCode = print(sharedFaults);
    const runtime = ["SoapFaultError", "type SoapFaultInit"];
    runtime.push(...referencedTypes(faultsCode, RUNTIME_VALUE_TYPES).map((name) => `type ${name}`));
    const detailTypes = referencedTypes(faultsCode, sharedNames);
    const faultsImports = [
      ...runtimeImports(ctx, runtime, "./runtime/index.js", RUNTIME_NAMESPACE),
      detailTypes.length > 0 ? `import type { ${detailTypes.join(", ")} } from "./types.js";` : "",
    ].join("\n");
    output.set("faults.ts", { banner, code: withImports(faultsImports, faultsCode) });
  }
  const exports: ModuleExports[] = [];
  for (const { plan, module } of clients) {
    // The operations' own request and response types first, in operation order, then the schema types.
    const wrappers = ctx.wrapperTypes(plan.port).map(([key]) => key);
    const own = [...new Set([...wrappers, ...ctx.typeKeys])].filter(
      (key) => ctx.owners.get(key) === plan.port,
    );
    const statements = [
      ...own.flatMap((key) => typeDeclaration(ctx, key)),
      ...emitMessages(ctx, plan),
      ...emitClient(ctx, plan),
    ];
    const body = print(statements);
    const names = [...exportedNames(statements), { name: plan.tablesName, type: false }];
    exports.push({ module, names, own: plan.moduleNames });
    ownRuntimeNames.set(module, exportedOf(ctx, statements));
    const tables = serviceTables(ctx, plan, own, shared.length > 0);
    const imports = importsOf(
      ctx,
      plan,
      referencedTypes(body, sharedNames),
      referencedTypes(body, RUNTIME_VALUE_TYPES),
      tables.uses,
      shared.length > 0,
    );
    const moduleBanner = bannerOf(plan.port.source);
    output.set(`${module}.ts`, {
      banner: moduleBanner,
      code: withImports(imports, body),
      tables: tables.tables,
    });
    const stubStatements = emitStub(ctx, plan);
    ownRuntimeNames.set(`${module}.stub`, exportedOf(ctx, stubStatements));
    const stub = print(stubStatements);
    const stubImports = stubImportsOf(ctx, plan, module, sharedNames);
    output.set(`${module}.stub.ts`, { banner: moduleBanner, code: withImports(stubImports, stub) });
  }
  const index = indexText(exports, ownRuntimeNames, {
    types: sharedNames.size > 0,
    faults: sharedFaults.length > 0,
  });
  const stubIndex = stubIndexText(
    clients.map((c) => c.module),
    ownRuntimeNames,
  );
  const files: EmittedFiles = new Map([
    ["index.ts", { banner, code: index }],
    ["stub.ts", { banner, code: stubIndex }],
    ...output,
  ]);
  for (const [name, text] of runtimeFiles())
    files.set(`runtime/${name}`, { banner: RUNTIME_BANNER, code: "", laidOut: text });
  return files;
}

/** Code as ts-morph printed it, and its syntax tree. */
interface PrintedCode {
  readonly text: string;
  readonly file: Ts.SourceFile;
}

/** The declaration of a schema type; collections, dictionaries and inline simple types have none. */
function typeDeclaration(
  ctx: EmitContext,
  key: TypeKey,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const type = ctx.type(key);
  if (type.kind === "simple") return type.anonymous ? [] : [emitSimpleType(ctx, key, type)];
  return type.arrayItem || type.dictionary ? [] : [emitComplexType(ctx, key, type)];
}

/** The classes of the faults several clients declare, each once, in the order the clients declare them. */
function sharedFaultClasses(ctx: EmitContext, plans: PortPlan[]): ClassDeclarationStructure[] {
  const classes = new Map<string, ClassDeclarationStructure>();
  for (const { fault, className } of plans.flatMap((plan) => plan.operations.flatMap((op) => op.faults))) {
    if (plans[0]!.sharedFaults.has(className) && !classes.has(className))
      classes.set(className, faultClass(ctx, fault, className));
  }
  return [...classes.values()];
}

/** A declaration's name, and whether it is a type (re-exported with `export type`). */
interface Exported {
  name: string;
  type: boolean;
}

/** What a client's module exports, and which of those names its module alone chose (its messages'). */
interface ModuleExports {
  module: string;
  names: Exported[];
  own: readonly string[];
}

/** The names `statements` export. */
function exportedNames(statements: readonly StatementStructures[]): Exported[] {
  return statements.flatMap((statement) => {
    if (!("isExported" in statement) || !statement.isExported) return [];
    if (statement.kind === StructureKind.VariableStatement)
      return statement.declarations.map((d) => ({ name: d.name, type: false }));
    if (!("name" in statement) || typeof statement.name !== "string") return [];
    const type = statement.kind === StructureKind.Interface || statement.kind === StructureKind.TypeAlias;
    return [{ name: statement.name, type }];
  });
}

/** The declarations among `statements` whose names the runtime (or its server) exports too. */
function exportedOf(ctx: EmitContext, statements: readonly StatementStructures[]): Exported[] {
  const runtime = new Set(ctx.declaredOf([...RUNTIME_EXPORTS, ...SERVER_EXPORTS]));
  return exportedNames(statements).filter(({ name }) => runtime.has(name));
}

/**
 * `export *` of two modules that export one name exports neither, so a name the output declares and the
 * runtime exports too (a portType `Soap` gives `SoapClient`) is re-exported by name from its module,
 * which wins over the runtime's: that one stays in `./runtime/index.js`.
 */
function ownReexports(
  entries: [string, Exported[]][],
  from: (module: string) => string | undefined,
): string[] {
  return entries.flatMap(([module, exported]) => {
    const path = from(module);
    return path === undefined || exported.length === 0
      ? []
      : [
          `export { ${exported.map((e) => (e.type ? `type ${e.name}` : e.name)).join(", ")} } from "${path}";`,
        ];
  });
}

/**
 * Re-exports of every module. A name two client modules both declare (each client's own
 * `GetAddressRequest`) cannot be re-exported from both, so such a module's other names are listed, and
 * the module exports it alone.
 */
function indexText(
  modules: ModuleExports[],
  own: ReadonlyMap<string, Exported[]>,
  shared: { types: boolean; faults: boolean },
): string {
  const declaredBy = new Map<string, number>();
  for (const module of modules)
    for (const name of module.own) declaredBy.set(name, (declaredBy.get(name) ?? 0) + 1);
  const clash = (name: string): boolean => (declaredBy.get(name) ?? 0) > 1;
  const listed = new Set(modules.filter((m) => m.own.some(clash)).map((m) => m.module));
  const lines = [`export * from "./runtime/index.js";`];
  if (shared.types) lines.push(`export * from "./types.js";`);
  if (shared.faults) lines.push(`export * from "./faults.js";`);
  if (listed.size > 0) {
    lines.push(
      "// A request or response type that several clients declare under one name is exported by its client's module only.",
    );
  }
  for (const { module, names } of modules) {
    if (!listed.has(module)) {
      lines.push(`export * from "./${module}.js";`);
      continue;
    }
    const exported = names
      .filter(({ name }) => !clash(name))
      .map(({ name, type }) => (type ? `type ${name}` : name));
    lines.push(`export { ${exported.join(", ")} } from "./${module}.js";`);
  }
  // stub.ts settles a stub's names against the server's; here only those the runtime's index exports too.
  const stubs = [...own]
    .filter(([module]) => module.endsWith(".stub"))
    .flatMap(([, exported]) => exported.filter((e) => RUNTIME_EXPORTS.includes(e.name)));
  lines.push(
    `export type * from "./stub.js";`,
    // A module listed by name above re-exports its own runtime-named declarations already.
    ...ownReexports([...own], (module) =>
      module.endsWith(".stub") || listed.has(module) ? undefined : `./${module}.js`,
    ),
    ...(stubs.length > 0 ? [`export type { ${stubs.map((e) => e.name).join(", ")} } from "./stub.js";`] : []),
  );
  return lines.join("\n");
}

function stubIndexText(modules: string[], own: ReadonlyMap<string, Exported[]>): string {
  return [
    `export * from "./runtime/server.js";`,
    ...modules.map((module) => `export * from "./${module}.stub.js";`),
    ...ownReexports([...own], (module) => (module.endsWith(".stub") ? `./${module}.js` : undefined)),
  ].join("\n");
}

/**
 * Named imports of `names` from the runtime module `path`, but through its namespace for those the
 * output declares too (see `EmitContext.runtimeRef`).
 */
function runtimeImports(ctx: EmitContext, names: string[], path: string, namespace: string): string[] {
  const declared = new Set(ctx.declaredOf(names.map((name) => name.replace(/^type /, ""))));
  const named = names.filter((name) => !declared.has(name.replace(/^type /, "")));
  return [
    ...(named.length > 0 ? [`import { ${named.join(", ")} } from "${path}";`] : []),
    ...(declared.size > 0 ? [`import * as ${namespace} from "${path}";`] : []),
  ];
}

/** A stub module's imports: the runtime's server, the client module's tables and types, shared types. */
function stubImportsOf(
  ctx: EmitContext,
  plan: PortPlan,
  module: string,
  sharedNames: ReadonlySet<string>,
): string {
  const { types, values } = stubImports(plan);
  const fromModule = [
    ...values.filter((v) => !plan.sharedFaults.has(v)),
    ...types.filter((t) => !sharedNames.has(t)).map((t) => `type ${t}`),
  ];
  const shared = types.filter((t) => sharedNames.has(t));
  const sharedFaults = values.filter((v) => plan.sharedFaults.has(v));
  return [
    ...runtimeImports(
      ctx,
      ["createSoapHandler", "type HandlerContext", "type SoapHandler", "type SoapHandlerOptions"],
      "./runtime/server.js",
      SERVER_NAMESPACE,
    ),
    `import { ${fromModule.join(", ")} } from "./${module}.js";`,
    sharedFaults.length > 0 ? `import { ${sharedFaults.join(", ")} } from "./faults.js";` : "",
    shared.length > 0 ? `import type { ${shared.join(", ")} } from "./types.js";` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** The imports of a client's module: the runtime pieces it uses, its types from types.ts, the shared tables. */
function importsOf(
  ctx: EmitContext,
  plan: PortPlan,
  usedTypes: string[],
  valueTypes: string[],
  metadataTypes: string[],
  sharedTables: boolean,
): string {
  const runtime = ["type CallOptions", "SoapClient", "type SoapClientOptions", "type SoapResponse"];
  const faults = new Set(plan.operations.flatMap((op) => op.faults.map((f) => f.className)));
  const sharedFaults = [...faults].filter((name) => plan.sharedFaults.has(name)).sort();
  if (sharedFaults.length < faults.size) runtime.push("SoapFaultError", "type SoapFaultInit");
  if (plan.failureName) runtime.push("SoapServiceError", "type SoapServiceErrorInit");
  runtime.push(...valueTypes.map((name) => `type ${name}`));
  return [
    ...runtimeImports(ctx, runtime, "./runtime/index.js", RUNTIME_NAMESPACE),
    `import type { ${metadataTypes.join(", ")} } from "./runtime/metadata.js";`,
    sharedTables ? `import { typeTables } from "./tables.js";` : "",
    sharedFaults.length > 0 ? `import { ${sharedFaults.join(", ")} } from "./faults.js";` : "",
    usedTypes.length > 0 ? `import type { ${usedTypes.join(", ")} } from "./types.js";` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** ts-morph puts no blank line between some declarations; one between each reads better. */
function spaced(code: string): string {
  return code.replace(/([;}])\n(?=\/\*\*|export )/g, "$1\n\n");
}

/**
 * `CustomerService` → `customer-service`, `HTMLPage` → `html-page`. A lookahead, not
 * `([A-Z]+)([A-Z][a-z])`, which backtracks over a run of capitals from each of them.
 */
function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])(?=[A-Z][a-z])/g, "$1-")
    .toLowerCase();
}

/**
 * The types.ts declarations `file` refers to in type positions, for its import: a name that only appears
 * as an operation key, a method, a parameter or a type parameter (`K`) must not be imported, or
 * `noUnusedLocals` rejects the file.
 */
function referencedTypes(code: PrintedCode, declared: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  const visit = (node: Ts.Node, typeParameters: ReadonlySet<string>): void => {
    const own =
      ts.isClassLike(node) ||
      ts.isFunctionLike(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node)
        ? node.typeParameters
        : undefined;
    const scope = own?.length ? new Set([...typeParameters, ...own.map((p) => p.name.text)]) : typeParameters;
    // A type reference, or an interface's `extends Base` (an expression with type arguments).
    const reference = ts.isTypeReferenceNode(node)
      ? node.typeName
      : ts.isExpressionWithTypeArguments(node)
        ? node.expression
        : undefined;
    if (reference !== undefined && ts.isIdentifier(reference)) {
      const name = reference.text;
      if (declared.has(name) && !scope.has(name)) names.add(name);
    }
    ts.forEachChild(node, (child) => visit(child, scope));
  };
  visit(code.file, new Set());
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
