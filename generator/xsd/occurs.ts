/** minOccurs and maxOccurs, on element declarations, wildcards and model groups. */
import type { XmlElement } from "../load/xml.js";
import type { MaxOccurs, Occurs } from "../model.js";

export function occurs(element: XmlElement): Occurs {
  const min = element.attr("minOccurs") ?? "1";
  const max = element.attr("maxOccurs") ?? "1";
  if (!/^\s*\d+\s*$/.test(min))
    throw element.error(`minOccurs must be a non-negative integer, found '${min}'`);
  if (max.trim() !== "unbounded" && !/^\s*\d+\s*$/.test(max))
    throw element.error(`maxOccurs must be a non-negative integer or 'unbounded', found '${max}'`);
  const maxOccurs: MaxOccurs = max.trim() === "unbounded" ? "unbounded" : Number(max);
  return { minOccurs: Number(min), maxOccurs };
}
