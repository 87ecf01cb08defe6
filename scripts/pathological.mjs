/**
 * Offerings with one long run of a single character, each where a regular expression once
 * searched for a repeat that the character after the run then rejected, so that it scanned
 * the run again from each of its positions (quadratic time: a 200 KB run took minutes).
 * test/hostile.test.ts audits and lints them; `npm run bench` times them at 1 MB.
 * test/regex-linear.test.ts keeps every regex in src/ free of such patterns.
 *
 * @param {number} length characters in each run
 * @returns {Record<string, string>} file name -> Markdown
 */
export function runsOfOneCharacter(length) {
  const run = (c) => c.repeat(length);
  const body = (extra) => `# T\n\n## Competency\n\nThe educator uses wait time.\n\n## Evidence\n\n- A classroom video.\n\n${extra}\n`;
  return {
    // "---", spaces, then a character that is not a front matter language.
    'front-matter-opener.md': `---${run(' ')}!\ntitle: x\n---\n# T\n`,
    // A heading's trailing "(…)" note is looked for.
    'heading.md': body(`## a${run(' ')}b\n\ntext`),
    // Trailing punctuation and slashes are trimmed from links.
    'url-dots.md': body(`## Resources\n\n- Smith (2020). https://example.org/${run('.')}x`),
    'url-slashes.md': body(`## Resources\n\n- Smith (2020). https://example.org/${run('/')}x`),
    // "artifact 2" in a rubric criterion.
    'criterion.md': body(`## Scoring Guide\n\n| Criterion | Proficient |\n|---|---|\n| artifact${run(' ')}! | ok |`),
    // A table's separator row.
    'table-separator.md': body(`| a | b |\n|-${run('\t')}!`),
    // The short name of an evidence entry.
    'evidence-title.md': body(`- **a${run(' ')}x**: a video.\n\n## Scoring Guide\n\n| Criterion | Proficient |\n|---|---|\n| Video | ok |`),
    // Trailing white space is stripped from each line of the text and lint output.
    'title.md': `---\ntitle: "a${run(' ')}b"\n---\n# T\n`,
  };
}

/**
 * Offerings with `count` of one thing where work once grew with its square: matches in one
 * long line (each match's position and quote scanned the line again), and required
 * evidence items against rubric criteria (each pair matched; past a limit of 1,000,000
 * pairs the rule now says it did not check).
 *
 * @param {number} count items of each kind
 * @returns {Record<string, string>} file name -> Markdown
 */
export function manyOfOneKind(count) {
  const list = (f, sep = '\n') => Array.from({ length: count }, (_, i) => f(i)).join(sep);
  const head = '---\ntitle: Many\n---\n# Many\n\n## Competency\n\nThe educator uses wait time.\n\n';
  return {
    'links-on-one-line.md': `${head}## Resources\n\n${list((i) => `[r${i}](https://example.org/same)`, ' ')}\n`,
    'evidence-by-criteria.md': `${head}## Evidence\n\n${list((i) => `- Artifact ${i}: a video of lesson ${i} with students w${i}x.`)}\n\n## Scoring Guide\n\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n${list((i) => `| Criterion z${i}q | Proficient: shows thing ${i} | Not Yet: missing |`)}\n`,
  };
}

/**
 * A catalog of `count` offerings whose competency statements are all near-duplicates: one
 * template (the way a provider's family of offerings is written) where every pair once
 * went into the report, each offering naming every other (1,000 copies: 345 MB of JSON;
 * 3,000: out of memory). `copies` repeats one statement; `variants` changes one word of
 * it per offering (a word from a fixed, seeded sequence), so the statements all differ
 * but every pair is still above the default threshold. `distinct`, the control, gives
 * each offering its own words (no near-duplicates) in the same shape.
 *
 * @param {number} count offerings
 * @param {'copies' | 'variants' | 'distinct'} kind
 * @returns {Record<string, string>} file name -> Markdown
 */
export function nearDuplicateCatalog(count, kind) {
  const words =
    'The educator designs and uses a single point rubric with clear success criteria so that students assess their own work in progress give feedback to peers and revise their drafts before they submit a final product for grading'.split(' ');
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const out = {};
  for (let i = 0; i < count; i++) {
    const w = [...words];
    if (kind === 'variants') w[next() % w.length] = `v${i}`;
    if (kind === 'distinct') for (let k = 0; k < w.length; k++) w[k] = `${w[k]}${i}`;
    const name = `mc-${String(i).padStart(6, '0')}.md`;
    out[name] = `---\nid: MC-${i}\ntitle: Self-assessment ${i}\nprovider: Template Co\n---\n# Self-assessment ${i}\n\n## Competency\n\n${w.join(' ')}.\n\n## Evidence\n\n- A classroom video of a lesson where students use the rubric.\n- Three student work samples with the rubric marked.\n`;
  }
  return out;
}
