import { describe, expect, it } from "vitest";
import { builtin, complex, element, load, named, q } from "./helpers.js";

const NS = "urn:example:extension";

describe("extension.wsdl: complexContent and simpleContent derivation", async () => {
  const model = await load("extension.wsdl");

  it("records an extension's base and only its own content", () => {
    const dog = complex(model, NS, "Dog");
    expect(dog.base).toEqual(q(NS, "Animal"));
    expect(dog.mixed).toBe(false);
    expect(dog.content?.particles).toEqual([element(q(NS, "Breed"), builtin("string"), { minOccurs: 0 })]);
    expect(complex(model, NS, "Animal").abstract).toBe(true);
  });

  it("does not inherit from a restriction base: the content is restated", () => {
    const nameless = complex(model, NS, "NamelessAnimal");
    expect(nameless.base).toBeUndefined();
    expect(nameless.content).toEqual({ kind: "sequence", minOccurs: 1, maxOccurs: 1, particles: [] });
  });

  it("reads simpleContent over a built-in, and over a complex type with simple content (kept as base)", () => {
    const price = complex(model, NS, "Price");
    expect(price.simpleContent).toEqual(builtin("decimal"));
    expect(price.base).toBeUndefined();
    expect(price.attributes).toEqual([{ name: q("", "currency"), type: builtin("string"), use: "required" }]);
    const discounted = complex(model, NS, "DiscountedPrice");
    expect(discounted.simpleContent).toEqual(builtin("decimal"));
    expect(discounted.base).toEqual(q(NS, "Price"));
    expect(discounted.attributes).toEqual([
      { name: q("", "discount"), type: builtin("int"), use: "optional" },
    ]);
    expect(complex(model, NS, "Adopt").content?.particles[1]).toEqual(
      element(q(NS, "Fee"), named(NS, "DiscountedPrice")),
    );
  });
});
