/**
 * XML allows names that are special to JavaScript objects. The XML library refuses some of them
 * (`constructor`, `prototype`, `__proto__`) and renames others (`toString` to `__toString`); a response
 * using them, unprefixed as a default namespace makes them, must still decode with every name intact.
 */
import { describe, expect, it } from "vitest";
import { parseXml } from "../../templates/runtime/xml.js";

const NAMES = [
  "constructor",
  "prototype",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "__lookupSetter__",
];

describe("parseXml with names that are special to JavaScript", () => {
  it.each(NAMES)("keeps an element named %s", (name) => {
    const root = parseXml(`<r xmlns="urn:x"><${name}>v</${name}><${name}/></r>`);
    expect(root.children.map((c) => [c.local, c.ns, c.text])).toEqual([
      [name, "urn:x", "v"],
      [name, "urn:x", ""],
    ]);
  });

  it.each(NAMES)("keeps an attribute named %s", (name) => {
    const element = parseXml(`<r><a ${name}="1" p:${name}="2" xmlns:p="urn:p"/></r>`).children[0]!;
    expect(element.attributes.map((a) => [a.local, a.ns, a.value])).toEqual([
      ["p", "http://www.w3.org/2000/xmlns/", "urn:p"],
      [name, "", "1"],
      [name, "urn:p", "2"],
    ]);
  });
});
