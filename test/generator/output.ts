/** Reading a render by what the files hold, wherever the output's layout puts each declaration. */

/** The TypeScript files besides `index.ts`, `types.ts`, `tables.ts` and `runtime/`: one module per client. */
export function clientModules(files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].filter(
    (path) =>
      path.endsWith(".ts") &&
      !path.startsWith("runtime/") &&
      !path.endsWith(".stub.ts") &&
      !["index.ts", "types.ts", "tables.ts", "stub.ts"].includes(path),
  );
}

/**
 * `types`: every type declaration (the shared `types.ts` and the clients' own request/response and
 * header types); `clients`: the client modules; `schema`: every runtime table (`tables.ts` and the
 * clients' operation tables).
 */
export function outputParts(files: ReadonlyMap<string, string>): {
  types: string;
  clients: string;
  schema: string;
} {
  const clients = clientModules(files)
    .map((path) => files.get(path)!)
    .join("\n");
  return {
    types: [files.get("types.ts"), clients].filter((text) => text !== undefined).join("\n"),
    clients,
    schema: [files.get("tables.ts"), clients].filter((text) => text !== undefined).join("\n"),
  };
}
