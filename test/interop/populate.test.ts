import { describe, expect, it } from "vitest";
import {
  customerServiceTables,
  decodeMessage,
  encodeMessage,
} from "../../generated/customer-service/index.js";
import type { FieldEntry, ServiceMeta } from "../../generated/customer-service/index.js";
import { getOperation } from "../../generated/customer-service/runtime/envelope.js";
import { diffValues } from "../conformance/values.js";
import { ValueBuilder } from "./populate.js";

const service: ServiceMeta = customerServiceTables;
const operations = Object.keys(service.operations).sort();

/** Paths of the fields a value leaves out, walking the tables; a type inside itself may end in null. */
function missingFields(value: unknown, type: string, path: string, open: readonly string[]): string[] {
  const meta = service.types[type];
  if (meta === undefined) return value === undefined ? [path] : [];
  if (open.includes(type)) return [];
  const inside = [...open, type];
  const slot = (field: FieldEntry, item: unknown, at: string): string[] => {
    if (item === undefined) return open.includes(field.type) || inside.includes(field.type) ? [] : [at];
    if (item === null) return inside.includes(field.type) ? [] : [`${at} (null)`];
    if (field.repeated && !Array.isArray(item)) return [`${at} (not an array)`];
    const items = field.repeated ? (item as unknown[]) : [item];
    return items.flatMap((one, i) =>
      missingFields(one, field.type, field.repeated ? `${at}[${i}]` : at, inside),
    );
  };
  switch (meta.kind) {
    case "complex": {
      const chain = [meta];
      for (let base = meta.base; base !== undefined;) {
        const baseMeta = service.types[base];
        if (baseMeta?.kind !== "complex") throw new Error(`bad base ${base}`);
        chain.unshift(baseMeta);
        base = baseMeta.base;
      }
      const object = value as Record<string, unknown>;
      return chain
        .flatMap((link) => link.fields)
        .flatMap((field) =>
          slot(field, object[field.prop ?? field.name], `${path}.${field.prop ?? field.name}`),
        );
    }
    case "array":
      return (value as unknown[]).length < 2
        ? [`${path} (fewer than two items)`]
        : (value as unknown[]).flatMap((item, i) =>
            slot({ ...meta.item, repeated: false }, item, `${path}[${i}]`),
          );
    case "dictionary": {
      const entries = Object.entries(value as Record<string, unknown>);
      return entries.length < 3
        ? [`${path} (fewer than three entries)`]
        : entries.flatMap(([key, item]) => slot(meta.value, item, `${path}[${key}]`));
    }
    case "list":
      return (value as unknown[]).length < 2 ? [`${path} (fewer than two values)`] : [];
    case "simple":
      return [];
  }
}

describe("ValueBuilder", () => {
  it.each(operations)("%s: every request element and header is populated", (operation) => {
    const builder = new ValueBuilder(service);
    const meta = getOperation(service, operation);
    const part = meta.input.body[0];
    if (part === undefined) throw new Error(operation);
    expect(missingFields(builder.request(operation), part.type, "body", [])).toEqual([]);
    const headers = builder.headers(operation);
    expect(
      meta.input.headers.flatMap((header) =>
        missingFields(headers[header.name], header.type, header.name, []),
      ),
    ).toEqual([]);
  });

  it.each(operations)("%s: the populated request encodes and decodes back to itself", (operation) => {
    const builder = new ValueBuilder(service);
    const body = builder.request(operation);
    const headers = builder.headers(operation);
    const decoded = decodeMessage(
      service,
      operation,
      "input",
      encodeMessage(service, operation, "input", body, headers),
    );
    expect(diffValues(body, decoded.body, "body")).toEqual([]);
    expect(diffValues(headers, decoded.headers, "headers")).toEqual([]);
  });

  it("populates a CustomerCenterConfig with its Carrier fields, several dictionary entries and mask values", () => {
    const config = new ValueBuilder(service).value("CustomerCenterConfig") as Record<string, unknown>;
    expect(Object.keys(config)).toEqual([
      "TableRight",
      "FieldProperties",
      "CustConfigId",
      "Type",
      "Config",
      "CustLangId",
      "Registered",
      "RegisteredAssociateId",
      "Updated",
      "UpdatedAssociateId",
    ]);
    expect(Object.keys(config.FieldProperties as object)).toHaveLength(3);
    expect((config.TableRight as { Mask: string[] }).Mask).toEqual(["Select", "Update"]);
  });

  it("ends a type that contains itself with null", () => {
    const info = new ValueBuilder(service).value("SoExceptionInfo") as Record<string, unknown>;
    expect(info.InnerException).toBeNull();
  });
});
