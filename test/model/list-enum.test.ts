import { describe, expect, it } from "vitest";
import { builtin, load, named, q, simple } from "./helpers.js";

const NS = "urn:example:list-enum";

describe("list-enum.wsdl: simple types", async () => {
  const model = await load("list-enum.wsdl");

  it("reads an enumeration", () => {
    expect(simple(model, NS, "Color")).toEqual({
      kind: "simple",
      name: q(NS, "Color"),
      anonymous: false,
      variety: "atomic",
      base: builtin("string"),
      builtin: "string",
      enumeration: ["Red", "Green", "Blue"],
    });
  });

  it("hoists a list's inline item type as <Name>Item and exposes its enumeration on the list", () => {
    expect(simple(model, NS, "Permissions")).toEqual({
      kind: "simple",
      name: q(NS, "Permissions"),
      anonymous: false,
      variety: "list",
      itemType: named(NS, "PermissionsItem"),
      builtin: "string",
      enumeration: ["Read", "Write"],
    });
    expect(simple(model, NS, "PermissionsItem")).toMatchObject({
      anonymous: true,
      variety: "atomic",
      enumeration: ["Read", "Write"],
    });
    expect([...model.types.keys()].slice(1, 3)).toEqual([`{${NS}}Permissions`, `{${NS}}PermissionsItem`]);
  });

  it("reads a list of a named type", () => {
    expect(simple(model, NS, "Palette")).toMatchObject({
      variety: "list",
      itemType: named(NS, "Color"),
      builtin: "string",
      enumeration: ["Red", "Green", "Blue"],
    });
  });

  it("resolves the built-in through a base declared later", () => {
    expect(simple(model, NS, "Percent")).toMatchObject({
      variety: "atomic",
      base: named(NS, "SmallInt"),
      builtin: "short",
    });
    expect(simple(model, NS, "Percent").enumeration).toBeUndefined();
  });

  it("reads a union's member types", () => {
    expect(simple(model, NS, "ColorOrPercent")).toMatchObject({
      variety: "union",
      memberTypes: [named(NS, "Color"), named(NS, "Percent")],
      builtin: "anySimpleType",
    });
  });
});
