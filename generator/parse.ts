/**
 * The parser: a WSDL (path, URL or text) and everything it imports, as a resolved ServiceModel. load/
 * reads the documents, xsd/ builds the schema model from them, wsdl/ the ports.
 */
import { SoapgenError, type ErrorPlace } from "./errors.js";
import type { ServiceModel } from "./model.js";
import { DEFAULT_TIMEOUT_MS, readText, resolveLocation, TEXT_LOCATION } from "./load/read.js";
import { expectWsdlRoot, walkDocuments } from "./load/walk.js";
import { parseXml } from "./load/xml.js";
import { buildPorts, rejectEncodedBindings } from "./wsdl/index.js";
import { buildSchemas } from "./xsd/index.js";

export type WsdlInput = { location: string } | { text: string; location?: string };

export interface LoadOptions {
  /** Per-request timeout for http(s) documents; default 30 s. */
  timeoutMs?: number;
  /** Told every document read, the WSDL's own text included: what the output depends on. */
  onRead?: (location: string, text: string) => void;
}

export async function loadServiceModel(input: WsdlInput, options: LoadOptions = {}): Promise<ServiceModel> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const source = input.location ?? TEXT_LOCATION;
  const location =
    "text" in input
      ? input.location === undefined
        ? TEXT_LOCATION
        : resolveLocation(input.location, undefined)
      : resolveLocation(input.location, undefined);
  const text = "text" in input ? input.text : await readText(location, timeoutMs);
  options.onRead?.(location, text);
  const root = parseXml(text, location);
  expectWsdlRoot(root);
  const documents = await walkDocuments(root, timeoutMs, options.onRead);
  rejectEncodedBindings(documents.definitions);
  const { types, elements } = buildSchemas(documents.schemas, documents.unread);
  const built = withUnreadCause(documents.unread, () =>
    buildPorts(documents.definitions, elements, types, source),
  );
  // Built without them: nothing referred to the namespaces of the imports that could not be read.
  const unread = [...documents.unread].map(
    ([ns, error]) =>
      new SoapgenError(
        placeOf(error),
        `${error.detail}; read on without it, as nothing refers to namespace '${ns}'`,
      ).message,
  );
  return {
    source,
    targetNamespace: root.root.attr("targetNamespace") ?? "",
    ports: built.ports,
    types,
    elements,
    warnings: [...documents.warnings, ...unread, ...built.warnings],
  };
}

/** A WSDL reference to nothing in a namespace whose import could not be read: that is the cause to name. */
function withUnreadCause<T>(unread: ReadonlyMap<string, SoapgenError>, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const cause =
      error instanceof SoapgenError
        ? [...unread].find(([ns]) => error.detail.includes(`{${ns}}`))
        : undefined;
    if (cause === undefined) throw error;
    throw new SoapgenError(
      placeOf(error as SoapgenError),
      `${(error as SoapgenError).detail}: its namespace's import failed: ${cause[1].message}`,
    );
  }
}

function placeOf({ file, where, line, column }: SoapgenError): ErrorPlace {
  return {
    file,
    ...(where !== undefined && { where }),
    ...(line !== undefined && { line }),
    ...(column !== undefined && { column }),
  };
}
