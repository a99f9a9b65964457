/**
 * The models of all the WSDLs of a target as the one model the emitters read: the selected operations
 * of each, their messages scoped to their ports, the types they need, merged by qualified name.
 */
import type { CombinedModel, ServiceModel } from "../model.js";
import { mergeModels } from "./merge.js";
import { partElements, pruned, reachableTypes } from "./reachable.js";
import { scopeMessages } from "./scope.js";
import { type OperationSelection, selectOperations } from "./select.js";

export type { OperationSelection };

export function combineModels(models: ServiceModel[], selection: OperationSelection): CombinedModel {
  // Pruned before merging, so only types a kept operation needs must agree between WSDLs.
  const { model, definedBy } = mergeModels(
    selectOperations(models, selection).map((one) => pruned(scopeMessages(one))),
  );
  // A port's service sends the types derived from a base only as its own WSDL defines them: Contact's
  // client does not need the Carrier subtypes only other agents define.
  const ports = model.ports.map((port) => ({
    ...port,
    reaches: reachableTypes(
      model,
      partElements([port]),
      (key) => definedBy?.get(key)?.includes(port.source) ?? true,
    ),
  }));
  return { ...model, ports };
}
