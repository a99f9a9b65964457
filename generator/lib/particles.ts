/** Walking content models: the helpers the parser's consumers share. */
import type { ElementParticle, Particle } from "../model.js";

export function isRepeated(particle: { maxOccurs: number | "unbounded" }): boolean {
  return particle.maxOccurs === "unbounded" || particle.maxOccurs > 1;
}

export function forEachElement(particle: Particle, visit: (element: ElementParticle) => void): void {
  if (particle.kind === "element") visit(particle);
  else if (particle.kind !== "any") particle.particles.forEach((child) => forEachElement(child, visit));
}
