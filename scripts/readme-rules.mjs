#!/usr/bin/env node
// Rewrites README's rule table (between <!-- rules:start --> and <!-- rules:end -->)
// from the registry and rubrics/default.json. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';
import { headingAliases } from '../dist/load/headings.js';

const readme = new URL('../README.md', import.meta.url);
const rubric = JSON.parse(readFileSync(new URL('../rubrics/default.json', import.meta.url), 'utf8'));
const rows = RULES.map((r) => {
  const s = rubric.rules[r.id];
  return `| \`${r.id}\` | ${r.aspect} | ${s.severity}${s.blocking ? ', blocking' : ''} | ${s.points} | ${r.description.replace(/\|/g, '\\|')} |`;
});
const table = ['| Rule | Aspect | Severity | Points | What a passing offering does |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
const text = readFileSync(readme, 'utf8');
const next = text.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`);
const aliasRows = headingAliases().map((a) => `| ${a.part ? `evidence (${a.part})` : a.key} | ${a.names.map((n) => `\`${n}\``).join(', ')} |`);
const headings = ['| Section | Headings (after normalising) |', '| --- | --- |', ...aliasRows].join('\n');
const final = next.replace(/<!-- headings:start -->[\s\S]*?<!-- headings:end -->/, `<!-- headings:start -->\n${headings}\n<!-- headings:end -->`);
writeFileSync(readme, final);
console.log(`README tables: ${rows.length} rules, ${aliasRows.length} heading groups`);
