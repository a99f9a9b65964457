/** soapgen's programmatic API, for build scripts: `import { generate } from "soapgen"`. */
export {
  generate,
  check,
  render,
  type GenerateOptions,
  type GenerateResult,
  type RenderOptions,
  type WsdlSource,
} from "./generate.js";
export type { OperationSelection } from "./combine/index.js";
export { SoapgenError } from "./errors.js";
export type * from "./model.js";
