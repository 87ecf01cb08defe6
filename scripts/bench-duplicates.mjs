#!/usr/bin/env node
// Benchmark of near-duplicate detection (src/compare/duplicates.ts) on synthetic catalogs:
// distinct 20-word competency statements plus 1% planted near-copies. Run after
// `npm run build`: node scripts/bench-duplicates.mjs [sizes...]. Prints time and pairs per size.
import { findDuplicates } from '../dist/compare/duplicates.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const n of sizes.length ? sizes : [1000, 5000, 20000]) {
  let seed = 11;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 8000;
  const texts = Array.from({ length: n }, () => Array.from({ length: 20 }, () => `w${rnd()}`).join(' '));
  const planted = Math.floor(n / 100);
  for (let k = 0; k < planted; k++) texts.push(texts[k * 97 % n].replace(/\S+$/, 'edited'));
  const start = process.hrtime.bigint();
  const pairs = findDuplicates(texts, 0.8);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${String(texts.length).padStart(6)} statements: ${ms.toFixed(0).padStart(6)} ms, ${pairs.length} pairs (${planted} planted)`);
}
