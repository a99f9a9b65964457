/**
 * Choosing operations: `operations` keeps only the operations a name or glob matches, `excludeOperations`
 * drops those it matches. A pattern is an operation name (`GetContact`), a name qualified by its portType
 * (`Contact.GetContact`) or either with `*` and `?` wildcards (`Get*`, `Contact.*`).
 */
import { SoapgenError } from "../errors.js";
import type { OperationModel, PortModel, ServiceModel } from "../model.js";

export interface OperationSelection {
  /** Keep only the operations these match (all when absent). */
  operations?: string[];
  /** Then drop the operations these match. */
  excludeOperations?: string[];
}

/**
 * The models with only the selected operations (a port left without operations is dropped). A pattern
 * matching no operation of any model is an error naming the closest operations.
 */
export function selectOperations(models: ServiceModel[], selection: OperationSelection): ServiceModel[] {
  const { operations: include, excludeOperations: exclude = [] } = selection;
  if (include === undefined && exclude.length === 0) return models;
  const from = models.map((model) => model.source).join(", ");
  const all = models.flatMap((model) =>
    model.ports.flatMap((port) => port.operations.map((op) => ({ port, op }))),
  );
  for (const [option, patterns] of [
    ["operations", include ?? []],
    ["excludeOperations", exclude],
  ] as const) {
    for (const pattern of patterns) {
      if (!all.some(({ port, op }) => matches(pattern, port, op))) {
        throw new SoapgenError(
          { file: from },
          `${option} "${pattern}" matches no operation; closest: ${closest(pattern, all).join(", ")}`,
        );
      }
    }
  }
  const kept = (port: PortModel, op: OperationModel): boolean =>
    (include === undefined || include.some((p) => matches(p, port, op))) &&
    !exclude.some((p) => matches(p, port, op));
  const selected = models.map((model) => ({
    ...model,
    ports: model.ports
      .map((port) =>
        withOperations(
          port,
          port.operations.filter((op) => kept(port, op)),
        ),
      )
      .filter((port) => port.operations.length > 0),
  }));
  if (selected.every((model) => model.ports.length === 0)) {
    throw new SoapgenError(
      { file: from },
      "the operation selection keeps no operation: there is no client to generate",
    );
  }
  return selected;
}

/** `port` with only `operations`, and its failure headers only while some response still carries them. */
function withOperations(port: PortModel, operations: OperationModel[]): PortModel {
  const { failureHeaders, ...rest } = port;
  const carried = new Set(operations.flatMap((op) => op.output?.headers.map((part) => part.element) ?? []));
  const keep =
    failureHeaders !== undefined &&
    carried.has(failureHeaders.succeeded) &&
    carried.has(failureHeaders.exceptionInfo);
  return { ...rest, operations, ...(keep ? { failureHeaders } : {}) };
}

function matches(pattern: string, port: PortModel, op: OperationModel): boolean {
  const glob = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  return glob.test(op.name) || glob.test(`${port.portType.local}.${op.name}`);
}

/** The (at most three) operation names nearest to `pattern` by edit distance, ties in name order. */
function closest(pattern: string, all: { op: OperationModel }[]): string[] {
  const wanted = pattern
    .replace(/^[^.]*\./, "")
    .replace(/[*?]/g, "")
    .toLowerCase();
  const names = [...new Set(all.map(({ op }) => op.name))].sort();
  return names
    .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1))
    .slice(0, 3)
    .map(({ name }) => name);
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
