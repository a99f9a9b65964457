import path from "node:path";
import { expect } from "vitest";
import { SoapgenError } from "../../generator/errors.js";
import { loadServiceModel } from "../../generator/parse.js";
import type {
  ComplexType,
  ElementParticle,
  Particle,
  QName,
  ServiceModel,
  SimpleType,
  TypeRef,
  BuiltinName,
} from "../../generator/model.js";

export const WSDL_DIR = path.resolve("wsdl");

export function load(file: string): Promise<ServiceModel> {
  return loadServiceModel({ location: path.join(WSDL_DIR, file) });
}

export const q = (ns: string, local: string): QName => ({ ns, local });
export const builtin = (name: BuiltinName): TypeRef => ({ kind: "builtin", name });
export const named = (ns: string, local: string): TypeRef => ({ kind: "named", key: `{${ns}}${local}` });

export function complex(model: ServiceModel, ns: string, local: string): ComplexType {
  const type = model.types.get(`{${ns}}${local}`);
  if (type?.kind !== "complex") throw new Error(`no complex type {${ns}}${local}`);
  return type;
}

export function simple(model: ServiceModel, ns: string, local: string): SimpleType {
  const type = model.types.get(`{${ns}}${local}`);
  if (type?.kind !== "simple") throw new Error(`no simple type {${ns}}${local}`);
  return type;
}

export function element(name: QName, type: TypeRef, extra: Partial<ElementParticle> = {}): ElementParticle {
  return { kind: "element", name, type, nillable: false, minOccurs: 1, maxOccurs: 1, ...extra };
}

export function particles(type: ComplexType): Particle[] {
  return type.content?.particles ?? [];
}

/** Loads `file` and returns the SoapgenError it must fail with. */
export async function loadError(file: string): Promise<SoapgenError> {
  try {
    await load(file);
  } catch (error) {
    expect(error).toBeInstanceOf(SoapgenError);
    return error as SoapgenError;
  }
  throw new Error(`${file} loaded without error`);
}
