/** Small helpers for building ts-morph structures. */
import type { JSDocStructure, OptionalKind } from "ts-morph";
import { docText } from "./names.js";

/** A JSDoc block from documentation paragraphs; none when there is nothing to say. */
export function jsDoc(...paragraphs: (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const text = paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== "")
    .map((p) => wrap(docText(p)))
    .join("\n\n");
  return text === "" ? [] : [{ description: text }];
}

const DOC_WIDTH = 100;

/** Prettier leaves comments alone, so long documentation lines are wrapped here. */
function wrap(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const lines: string[] = [];
      let current = "";
      for (const word of line.split(/ +/)) {
        if (current !== "" && current.length + 1 + word.length > DOC_WIDTH) {
          lines.push(current);
          current = word;
        } else {
          current = current === "" ? word : `${current} ${word}`;
        }
      }
      lines.push(current);
      return lines.join("\n");
    })
    .join("\n");
}

/** A string literal in TypeScript source (JSON string syntax is valid TS and escapes everything needed). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * A TypeScript type expression, with whether a union is its outermost operator: composing them decides
 * parentheses from that, never from the text.
 */
export interface TypeExpression {
  readonly text: string;
  readonly union: boolean;
}

/** A type expression that needs no parentheses anywhere: a name, a literal, an object type. */
export function tsType(text: string): TypeExpression {
  return { text, union: false };
}

/** An object type literal of property signatures (`name?: T;`). */
export function tsObject(members: readonly string[]): TypeExpression {
  return tsType(`{ ${members.join(" ")} }`);
}

/** `A | B | …`; one member is itself. */
export function tsUnion(members: readonly TypeExpression[]): TypeExpression {
  if (members.length === 1) return members[0]!;
  return { text: members.map((member) => member.text).join(" | "), union: true };
}

/** `A & (B | C) & …`: a union member is parenthesized, as `&` binds tighter than `|`; one member is itself. */
export function tsIntersection(members: readonly TypeExpression[]): TypeExpression {
  if (members.length === 1) return members[0]!;
  return tsType(members.map((member) => (member.union ? `(${member.text})` : member.text)).join(" & "));
}

/** `T[]`, or `(A | B)[]`. */
export function tsArray(item: TypeExpression): TypeExpression {
  return tsType(item.union ? `(${item.text})[]` : `${item.text}[]`);
}

/** A type written as text whose top-level alternatives are separated by ` | ` (a built-in's mapping). */
export function tsAlternatives(text: string): TypeExpression {
  return tsUnion(text.split(" | ").map(tsType));
}

/** The union of distinct members, by their text. */
export function tsDistinctUnion(members: readonly TypeExpression[]): TypeExpression {
  const seen = new Map(members.map((member) => [member.text, member]));
  return tsUnion([...seen.values()]);
}
