#!/usr/bin/env node
// Rewrites README's rule table (between <!-- rules:start --> and <!-- rules:end -->)
// from the registry and rubrics/default.json. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';

const readme = new URL('../README.md', import.meta.url);
const rubric = JSON.parse(readFileSync(new URL('../rubrics/default.json', import.meta.url), 'utf8'));
const rows = RULES.map((r) => {
  const s = rubric.rules[r.id];
  return `| \`${r.id}\` | ${r.aspect} | ${s.severity}${s.blocking ? ', blocking' : ''} | ${s.points} | ${r.description.replace(/\|/g, '\\|')} |`;
});
const table = ['| Rule | Aspect | Severity | Points | What a passing offering does |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
const text = readFileSync(readme, 'utf8');
const next = text.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`);
writeFileSync(readme, next);
console.log(`README rule table: ${rows.length} rules`);
