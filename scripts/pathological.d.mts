/** See pathological.mjs. */
export function runsOfOneCharacter(length: number): Record<string, string>;
