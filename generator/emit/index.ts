/**
 * Emission: the model in, the generated files out (formatted TypeScript source by relative path).
 * Each construct has its own emitter; this file only lays out the files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  InterfaceDeclarationStructure,
  StatementStructures,
  ts as Ts,
  TypeAliasDeclarationStructure,
} from "ts-morph";
import { printStructure, StructureKind, ts } from "../lib/ts-morph.js";
import type { ServiceModel } from "../model.js";
import { packageRoot } from "../lib/paths.js";
import { emitClient } from "./client.js";
import { emitComplexType } from "./complex-type.js";
import { emitHandlers, handlerImports } from "./handlers.js";
import {
  EmitContext,
  RUNTIME_EXPORTS,
  RUNTIME_NAMESPACE,
  SERVER_EXPORTS,
  SERVER_NAMESPACE,
} from "./context.js";
import { emitMessages } from "./message.js";
import { planPort, type PortPlan } from "./port.js";
import { emitTypeTables, emitServiceTables } from "./tables.js";
import { emitSimpleType } from "./simple-type.js";
import { formatTypeScript, PRINT_WIDTH } from "../format.js";
import { type EmittedCode, parseEmitted } from "../layout/index.js";
import { typeRefs } from "../combine/reachable.js";
import { lineCommentText, NameAllocator } from "../lib/names.js";
import { GENERATED_BANNER } from "../write.js";

export type GeneratedFiles = Map<string, string>;

/** Runtime types that schema types refer to (templates/runtime/values.ts). */
const RUNTIME_VALUE_TYPES: ReadonlySet<string> = new Set(["RawXml", "UnknownEnumValue"]);

/** The runtime is soapgen's, the same in every output: its banner names no WSDL. */
const RUNTIME_BANNER = `${GENERATED_BANNER}: the SOAP runtime every generated client shares. Do not edit: regenerate with soapgen.\n`;

/** File names the output takes itself; a client's module takes another (`Types` → `types2.ts`). */
const OWN_FILES = ["index", "types", "tables", "runtime", "stub"];

/**
 * The output: `runtime/`, `types.ts` (the schema types every client shares), `tables.ts` (their tables),
 * one module per client (`customer-service.ts`: its request/response types, headers, fault classes,
 * client class and operation tables), one stub module per client (`customer-service.stub.ts`: its
 * handlers interface and handler factory), `stub.ts`, which re-exports the stubs and the runtime's
 * server, and `index.ts`, which re-exports the rest, and the stubs' types only: a value export would load
 * the stubs into every app that uses a client.
 */
export async function emitFiles(model: ServiceModel, sourceName: string): Promise<GeneratedFiles> {
  const ctx = new EmitContext(model);
  // A portType name two WSDLs share gets a number in the later one (by WSDL name): `Contact2Client`.
  const portNames = new NameAllocator();
  const files = new NameAllocator(OWN_FILES);
  const clients = model.ports.map((port) => {
    const plan = planPort(ctx, port, portNames.claim(port.portType.local));
    return { plan, module: files.claim(kebabCase(plan.clientName.replace(/Client$/, ""))) };
  });
  const owner = wrapperOwners(
    ctx,
    clients.map((c) => c.plan),
  );
  const banner = `${GENERATED_BANNER} from ${lineCommentText(sourceName)}. Do not edit: regenerate with soapgen.\n`;
  // ts-morph prints the statements; the text is parsed once, for the types it refers to and the layout.
  const print = (statements: StatementStructures[]): EmittedCode =>
    parseEmitted(spaced(printStructure({ kind: StructureKind.SourceFile, statements })));

  const shared = [...ctx.typeNames.keys()].filter((key) => !owner.has(key));
  const sharedDeclarations = shared.flatMap((key) => typeDeclaration(ctx, key));
  const typesCode = print(sharedDeclarations);
  const sharedNames = new Set(sharedDeclarations.map((declaration) => declaration.name));

  // Under TypeScript 5's default moduleDetection a file without imports or exports is a script, which
  // `export *` cannot re-export.
  const valueTypes = referencedTypes(typesCode, RUNTIME_VALUE_TYPES);
  const typesImports =
    valueTypes.length > 0 ? `import type { ${valueTypes.join(", ")} } from "./runtime/index.js";` : "";
  const typesFormatted =
    sharedNames.size > 0
      ? formatTypeScript(typesCode, typesImports)
      : formatTypeScript(parseEmitted("export {};\n"));
  const output: GeneratedFiles = new Map();
  // Where the output declares a name the runtime exports too, for index.ts and stub.ts to re-export it.
  const ownRuntimeNames = new Map<string, Exported[]>([["types", exportedOf(ctx, sharedDeclarations)]]);
  output.set("types.ts", banner + (await typesFormatted));
  output.set("tables.ts", banner + emitTypeTables(ctx, shared, PRINT_WIDTH));
  for (const { plan, module } of clients) {
    const own = [...ctx.typeNames.keys()].filter((key) => owner.get(key) === plan);
    const statements = [
      ...own.flatMap((key) => typeDeclaration(ctx, key)),
      ...emitMessages(ctx, plan),
      ...emitClient(ctx, plan),
    ];
    const body = print(statements);
    ownRuntimeNames.set(module, exportedOf(ctx, statements));
    const imports = importsOf(
      ctx,
      plan,
      referencedTypes(body, sharedNames),
      referencedTypes(body, RUNTIME_VALUE_TYPES),
      own.length > 0,
    );
    const tables = emitServiceTables(ctx, plan, own, PRINT_WIDTH);
    output.set(`${module}.ts`, banner + (await formatTypeScript(body, imports)) + "\n" + tables);
    const stubStatements = emitHandlers(ctx, plan);
    ownRuntimeNames.set(`${module}.stub`, exportedOf(ctx, stubStatements));
    const stub = print(stubStatements);
    const stubImports = stubImportsOf(ctx, plan, module, sharedNames);
    output.set(`${module}.stub.ts`, banner + (await formatTypeScript(stub, stubImports)));
  }
  const modules = clients.map((c) => c.module);
  output.set(
    "index.ts",
    banner + (await formatTypeScript(parseEmitted(indexText(modules, ownRuntimeNames)))),
  );
  output.set(
    "stub.ts",
    banner + (await formatTypeScript(parseEmitted(stubIndexText(modules, ownRuntimeNames)))),
  );
  for (const [name, text] of runtimeFiles()) output.set(`runtime/${name}`, RUNTIME_BANNER + text);
  return output;
}

/** The declaration of a schema type; collections, dictionaries and inline simple types have none. */
function typeDeclaration(
  ctx: EmitContext,
  key: string,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const type = ctx.type(key);
  if (type.kind === "simple") return type.anonymous ? [] : [emitSimpleType(ctx, key, type)];
  return type.arrayItem || type.dictionary ? [] : [emitComplexType(ctx, key, type)];
}

/**
 * The client each operation wrapper type belongs to: a `<Op>Request`/`<Op>Response` type goes into its
 * client's module unless another client or a schema type uses it too (then it is shared).
 */
function wrapperOwners(ctx: EmitContext, plans: PortPlan[]): Map<string, PortPlan> {
  const users = new Map<string, Set<PortPlan>>();
  for (const plan of plans) {
    for (const { op } of plan.operations) {
      for (const message of [op.input, op.output]) {
        const part = message?.body.length === 1 ? message.body[0] : undefined;
        const ref = part && ctx.element(part.element).type;
        if (ref?.kind !== "named" || !ctx.typeNames.has(ref.key)) continue;
        const type = ctx.type(ref.key);
        if (type.kind !== "complex" || !type.anonymous || type.arrayItem || type.dictionary) continue;
        users.set(ref.key, (users.get(ref.key) ?? new Set()).add(plan));
      }
    }
  }
  const usedByTypes = new Set(
    [...ctx.typeNames.keys()].flatMap((key) =>
      typeRefs(ctx.type(key)).flatMap((ref) => (ref.kind === "named" ? [ref.key] : [])),
    ),
  );
  const owners = new Map<string, PortPlan>();
  for (const [key, plansUsing] of users) {
    if (plansUsing.size === 1 && !usedByTypes.has(key)) owners.set(key, [...plansUsing][0]!);
  }
  return owners;
}

/** A declaration's name, and whether it is a type (re-exported with `export type`). */
interface Exported {
  name: string;
  type: boolean;
}

/** The declarations among `statements` whose names the runtime (or its server) exports too. */
function exportedOf(ctx: EmitContext, statements: readonly StatementStructures[]): Exported[] {
  const names = statements.flatMap((statement) =>
    statement.kind === StructureKind.VariableStatement
      ? statement.declarations.map((d) => ({ name: d.name, type: false }))
      : "name" in statement && typeof statement.name === "string"
        ? [
            {
              name: statement.name,
              type: statement.kind === StructureKind.Interface || statement.kind === StructureKind.TypeAlias,
            },
          ]
        : [],
  );
  const runtime = new Set(ctx.declaredOf([...RUNTIME_EXPORTS, ...SERVER_EXPORTS]));
  return names.filter(({ name }) => runtime.has(name));
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

function indexText(modules: string[], own: ReadonlyMap<string, Exported[]>): string {
  // stub.ts settles a stub's names against the server's; here only those the runtime's index exports too.
  const stubs = [...own]
    .filter(([module]) => module.endsWith(".stub"))
    .flatMap(([, exported]) => exported.filter((e) => RUNTIME_EXPORTS.includes(e.name)));
  return [
    `export * from "./runtime/index.js";`,
    `export * from "./types.js";`,
    ...modules.map((module) => `export * from "./${module}.js";`),
    `export type * from "./stub.js";`,
    ...ownReexports([...own], (module) => (module.endsWith(".stub") ? undefined : `./${module}.js`)),
    ...(stubs.length > 0 ? [`export type { ${stubs.map((e) => e.name).join(", ")} } from "./stub.js";`] : []),
  ].join("\n");
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
  const { types, values } = handlerImports(plan);
  const fromModule = [...values, ...types.filter((t) => !sharedNames.has(t)).map((t) => `type ${t}`)];
  const shared = types.filter((t) => sharedNames.has(t));
  return [
    ...runtimeImports(
      ctx,
      ["createSoapHandler", "type HandlerContext", "type SoapHandler", "type SoapHandlerOptions"],
      "./runtime/server.js",
      SERVER_NAMESPACE,
    ),
    `import { ${fromModule.join(", ")} } from "./${module}.js";`,
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
  ownTypes: boolean,
): string {
  const runtime = ["type CallOptions", "SoapClient", "type SoapClientOptions", "type SoapResponse"];
  if (plan.operations.some((op) => op.faults.length > 0)) runtime.push("SoapFaultError");
  if (plan.failureName) runtime.push("SoapServiceError");
  runtime.push(...valueTypes.map((name) => `type ${name}`));
  return [
    ...runtimeImports(ctx, runtime, "./runtime/index.js", RUNTIME_NAMESPACE),
    `import type { ${ownTypes ? "ServiceMeta, TypeMeta" : "ServiceMeta"} } from "./runtime/metadata.js";`,
    `import { typeTables } from "./tables.js";`,
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
function referencedTypes(code: EmittedCode, declared: ReadonlySet<string>): string[] {
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
