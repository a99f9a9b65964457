/**
 * The models of all the WSDLs of a target as the one model the emitters read: the selected operations
 * of each, their messages scoped to their ports, the types they need, merged by qualified name.
 */
import type { ServiceModel } from "../model.js";
import { mergeModels } from "./merge.js";
import { pruned } from "./reachable.js";
import { scopeMessages } from "./scope.js";
import { type OperationSelection, selectOperations } from "./select.js";

export type { OperationSelection };

export function combineModels(models: ServiceModel[], selection: OperationSelection): ServiceModel {
  // Pruned before merging, so only types a kept operation needs must agree between WSDLs.
  return mergeModels(selectOperations(models, selection).map((model) => pruned(scopeMessages(model))));
}
