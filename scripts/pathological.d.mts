/** See pathological.mjs. */
export function runsOfOneCharacter(length: number): Record<string, string>;
export function manyOfOneKind(count: number): Record<string, string>;
export function nearDuplicateCatalog(count: number, kind: 'copies' | 'variants' | 'distinct'): Record<string, string>;
