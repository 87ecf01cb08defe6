/**
 * Turns a Markdown body into sections, searchable text blocks, and the canonical
 * fields the sections fill (competency, evidence parts, rubric criteria, …).
 */
import type { Position, Section, TextBlock } from '../types.js';
import { evidencePart, matchHeading, type EvidencePart, type SectionKey } from './headings.js';
import { readBlocks, plainInline, plainKeepUrls, type MdBlock } from './markdown-blocks.js';

export interface BodyResult {
  title?: { text: string; pos: Position };
  sections: Section[];
  blocks: TextBlock[];
  /** Field values derived from the body, keyed by canonical field name. */
  fields: Record<string, unknown>;
  positions: Map<string, Position>;
}

interface Group {
  section: Section;
  /** Blocks directly in the section, with the sub-heading (if any) they fall under. */
  blocks: { block: MdBlock; sub: MdBlock | null }[];
  subs: MdBlock[];
}

const URL_RE = /\bhttps?:\/\/[^\s<>()[\]"']+/i;
// Linear: link text and address stop at any bracket, and the optional title must start
// with a space, which the address cannot hold (no overlapping repeats to backtrack into).
const LINK_RE = /\[([^[\]\n]{1,300})\]\(\s{0,20}([^()[\]\s]{1,2000})(?:\s[^()[\]\n]{0,300})?\)/;

/** Labels of "Label: value" lines and the field they fill. */
const LABELS: Record<string, string> = {
  provider: 'provider',
  issuer: 'provider',
  'issued by': 'provider',
  'offered by': 'provider',
  developer: 'provider',
  organization: 'provider',
  version: 'version',
  updated: 'updated',
  'last updated': 'updated',
  revised: 'updated',
  id: 'id',
  identifier: 'id',
  audience: 'audience',
  'intended audience': 'audience',
  grades: 'audience',
  'grade levels': 'audience',
  'grade level': 'audience',
  level: 'level',
  'expertise level': 'level',
  difficulty: 'level',
  prerequisites: 'prerequisites',
  prerequisite: 'prerequisites',
  'estimated hours': 'estimatedHours',
  'estimated time': 'estimatedHours',
  'time commitment': 'estimatedHours',
  'estimated effort': 'estimatedHours',
  effort: 'estimatedHours',
  hours: 'estimatedHours',
  duration: 'estimatedHours',
  stack: 'stack',
  'part of stack': 'stack',
  series: 'stack',
  cost: 'cost',
  price: 'cost',
  fee: 'cost',
  fees: 'cost',
  recognition: 'recognition',
  credit: 'recognition',
  credits: 'recognition',
  ceus: 'recognition',
  'clock hours': 'recognition',
  expires: 'expires',
  expiration: 'expires',
  validity: 'expires',
  'valid for': 'expires',
  'valid until': 'expires',
  badge: 'badge',
  'badge format': 'badge',
  'credential format': 'badge',
  'public url': 'publicUrl',
  url: 'publicUrl',
  'web page': 'publicUrl',
  webpage: 'publicUrl',
  'evidence visibility': 'evidenceVisibility',
  visibility: 'evidenceVisibility',
  tags: 'tags',
  keywords: 'tags',
  standards: 'alignment',
  alignment: 'alignment',
  'key method': 'keyMethod',
  competency: 'competency',
  'passing rule': 'rubric.passingRule',
  'pass rule': 'rubric.passingRule',
  'passing score': 'rubric.passingRule',
  'to pass': 'rubric.passingRule',
};

/** Labels that mean an assessment field inside an assessment section. */
const ASSESSMENT_LABELS: Record<string, string> = {
  assessors: 'assessors',
  reviewers: 'assessors',
  'scored by': 'assessors',
  'reviewed by': 'assessors',
  training: 'training',
  'assessor training': 'training',
  calibration: 'calibration',
  norming: 'calibration',
  'blind review': 'blindReview',
  'anonymous review': 'blindReview',
  anonymity: 'blindReview',
  feedback: 'feedback',
  resubmission: 'resubmission',
  resubmissions: 'resubmission',
  turnaround: 'turnaroundDays',
  'turnaround time': 'turnaroundDays',
  'review time': 'turnaroundDays',
  fee: 'fee',
  'scoring fee': 'fee',
  'assessment fee': 'fee',
  appeals: 'appeals',
  appeal: 'appeals',
};

/** Sections whose "Label: value" lines are read as metadata. */
const LABEL_SECTIONS = new Set<SectionKey | 'preamble' | null>([
  'preamble',
  null,
  'about',
  'description',
  'assessment',
  'recognition',
  'cost',
  'audience',
  'prerequisites',
  'estimatedHours',
  'competency',
  'keyMethod',
]);

const LEVEL_WORDS =
  /^(?:exemplary|proficient|developing|emerging|beginning|approaching|exceeds(?: expectations| criteria)?|not yet|not met|met|meets(?: expectations| criteria| the criteria| standard)?|does not meet(?: expectations| criteria| the criteria| standard)?|partially meets(?: expectations| criteria)?|demonstrated|progressing|advanced|basic|novice|distinguished|accomplished|yes|no|pass|fail|passing|not passing|not evident|evident|incomplete|complete|score \d|level \d|\d)$/;

function labelOf(text: string): { label: string; value: string } | null {
  const idx = text.indexOf(':');
  if (idx <= 0 || idx > 60) return null;
  const label = plainInline(text.slice(0, idx)).toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const value = plainInline(text.slice(idx + 1).replace(/^\s*\*{1,2}\s*/, '')).trim();
  if (!label || !value) return null;
  return { label, value };
}

function firstSentence(s: string): string {
  const m = /^(.{1,200}?[.!?])(?:\s|$)/s.exec(s);
  return (m ? m[1]! : s.slice(0, 200)).trim();
}

/** Parse a resource line into title/url/description. */
export function parseResource(text: string): { title?: string; url?: string; description: string } {
  const link = LINK_RE.exec(text);
  if (link) return { title: plainInline(link[1]!), url: link[2]!, description: text };
  const url = URL_RE.exec(text);
  const out: { title?: string; url?: string; description: string } = { description: text };
  if (url) out.url = url[0].replace(/(?<![.,;:])[.,;:]+$/, '');
  const title = plainInline(firstSentence(text.replace(URL_RE, '').trim()));
  if (title) out.title = title;
  return out;
}

function levelOf(text: string): { name: string; descriptor: string } | null {
  const lv = labelOf(text);
  if (lv && LEVEL_WORDS.test(lv.label)) return { name: lv.label, descriptor: lv.value };
  // "Proficient - descriptor" / "Proficient — descriptor"
  // One white-space character after the dash, not `\s+`: the descriptor is trimmed, and `\s+(.+)` could trade spaces.
  const dash = /^\**([A-Za-z][A-Za-z ]{0,24}?)\**\s+[-–—]\s(.+)$/s.exec(text);
  if (dash && LEVEL_WORDS.test(dash[1]!.toLowerCase().trim())) return { name: dash[1]!.trim().toLowerCase(), descriptor: dash[2]!.trim() };
  return null;
}

const PASS_RULE_RE =
  /\b(?:to (?:pass|earn|be awarded|receive)|in order to (?:pass|earn)|passing(?: (?:score|rule|standard|criteria))?:|passing (?:score|rule|requires|criteria)|must (?:score|receive|achieve|earn|meet|reach|attain|be (?:rated |scored )?(?:proficient|met|demonstrated|meets|passing|exemplary))|required to (?:pass|earn)|are required to pass|needed to pass|pass(?:es)? (?:all|each|every|parts?)\b|(?:all|each|every|both)\b[^.\n]{0,60}\b(?:criteri(?:a|on)|components?|parts?|requirements?)\b[^.\n]{0,40}\bmust\b|earns? the (?:badge|micro-?credential|credential)|(?:score|rated?|be) (?:a |at )?(?:proficient|met|demonstrated|passing) (?:or (?:higher|above) )?(?:on|in|for) (?:every|each|all)|average (?:score|rating) of)/i;

const ABOUT_ASSESSORS_RE = /\b(?:assessors?|reviewers?|scorers?|raters?)\b[^.\n]{0,80}\b(?:agreement|calibrat\w*|norm\w*|reliab\w*|kappa)\b/i;

/** Split on sentence ends without backtracking: returns sentences of a text block. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?' || c === '\n') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      const s = text.slice(start, i + 1).trim();
      if (s) out.push(s);
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Read the body in `lines` from index `start` on; `firstLine` is the file line number of `lines[start]`. */
export function readBody(lines: readonly string[], firstLine: number, start = 0): BodyResult {
  const md = readBlocks(lines, firstLine, start);
  const sections: Section[] = [];
  const blocks: TextBlock[] = [];
  const positions = new Map<string, Position>();
  const groups: Group[] = [];
  const preamble: MdBlock[] = [];
  let title: BodyResult['title'];

  // Stack of open headings: the group their content goes to.
  const stack: { level: number; group: Group | null }[] = [];
  let current: Group | null = null;
  let sawHeading = false;

  const textFor = new Map<MdBlock, TextBlock>();
  const toText = (b: MdBlock, scope: string): TextBlock => {
    const t: TextBlock = {
      text: b.text,
      line: b.line,
      column: b.column,
      scope,
      kind: b.type === 'heading' ? 'heading' : b.type === 'row' ? 'row' : b.type === 'item' ? 'item' : 'paragraph',
    };
    if (b.columns) t.columns = b.columns;
    textFor.set(b, t);
    return t;
  };

  for (const b of md) {
    if (b.type === 'heading') {
      const level = b.level ?? 1;
      const match = matchHeading(b.text);
      if (!sawHeading && level === 1 && !match) {
        sawHeading = true;
        title = { text: plainInline(b.text), pos: { line: b.line, column: b.column } };
        blocks.push(toText(b, 'title'));
        continue;
      }
      sawHeading = true;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1]!.group : null;
      // Inside an evidence section, a heading naming a submission part stays in it; inside a
      // rubric, a heading naming a part of the submission is a criterion, not new evidence.
      const parentKey = parent?.section.key;
      const key =
        parentKey === 'evidence' && evidencePart(b.text)
          ? 'evidence'
          : parentKey === 'rubric' && match?.key === 'evidence'
            ? 'rubric'
            : (match?.key ?? null);
      if (parent && (key === null || key === parent.section.key)) {
        // A sub-heading of the enclosing section: an item of it.
        parent.subs.push(b);
        parent.blocks.push({ block: b, sub: b });
        blocks.push(toText(b, parent.section.key ?? 'other'));
        stack.push({ level, group: parent });
        current = parent;
        continue;
      }
      const section: Section = { key, heading: plainInline(b.text), level, line: b.line };
      if (match?.part) section.part = match.part;
      sections.push(section);
      const g: Group = { section, blocks: [], subs: [] };
      groups.push(g);
      blocks.push(toText(b, key ?? 'other'));
      if (key && !positions.has('#' + key)) positions.set('#' + key, { line: b.line, column: b.column });
      stack.push({ level, group: g });
      current = g;
      continue;
    }
    if (current) {
      const lastSub = current.blocks.length ? current.blocks[current.blocks.length - 1]!.sub : null;
      current.blocks.push({ block: b, sub: lastSub });
      blocks.push(toText(b, current.section.key ?? 'other'));
    } else {
      preamble.push(b);
      blocks.push(toText(b, 'description'));
    }
  }

  const fields: Record<string, unknown> = {};
  const setField = (path: string, value: unknown, pos: Position) => {
    let obj = fields;
    let last = path;
    if (path.includes('.')) {
      const parts = path.split('.');
      for (let i = 0; i < parts.length - 1; i++) {
        const k = parts[i]!;
        if (typeof obj[k] !== 'object' || obj[k] === null) obj[k] = {};
        obj = obj[k] as Record<string, unknown>;
      }
      last = parts[parts.length - 1]!;
    }
    if (obj[last] !== undefined) return;
    obj[last] = value;
    if (!positions.has(path)) positions.set(path, pos);
  };
  const posOf = (b: MdBlock): Position => ({ line: b.line, column: b.column });
  const pathBlock = (b: MdBlock, path: string) => {
    const t = textFor.get(b);
    if (t && !t.path) t.path = path;
  };

  if (title) setField('title', title.text, title.pos);

  // "Label: value" metadata lines.
  const readLabels = (key: SectionKey | 'preamble' | null, list: MdBlock[]) => {
    if (!LABEL_SECTIONS.has(key)) return new Set<MdBlock>();
    const used = new Set<MdBlock>();
    for (const b of list) {
      if (b.type !== 'item' && b.type !== 'paragraph') continue;
      // A label ends at a colon: text without one has no label line.
      if (!b.text.includes(':')) continue;
      b.text.split('\n').forEach((line, n) => {
        const lv = labelOf(line);
        if (!lv) return;
        const assessmentField = key === 'assessment' ? ASSESSMENT_LABELS[lv.label] : undefined;
        const field = assessmentField ? `assessment.${assessmentField}` : LABELS[lv.label];
        if (!field) return;
        used.add(b);
        const value = field === 'alignment' ? lv.value.split(/;\s*/).map((name) => ({ name })) : lv.value;
        // Each label line of a multi-line paragraph or item keeps its own position.
        setField(field, value, n === 0 ? posOf(b) : { line: b.line + n, column: b.columns?.[n] ?? 1 });
        if (n === 0) pathBlock(b, field);
      });
    }
    return used;
  };
  readLabels('preamble', preamble);
  const descParas = preamble.filter((b) => b.type === 'paragraph' && !labelOf(b.text.split('\n')[0]!)?.label.match(/^[a-z ]{1,30}$/));

  const textOf = (list: MdBlock[]) => list.map((b) => b.text).join('\n\n');
  const evidence: Record<string, unknown>[] = [];
  const criteria: Record<string, unknown>[] = [];

  for (const g of groups) {
    const key = g.section.key as SectionKey | null;
    const list = g.blocks.map((x) => x.block);
    const used = readLabels(key, list);
    const content = list.filter((b) => b.type !== 'heading' && !used.has(b));
    const anchor = content[0] ? posOf(content[0]) : { line: g.section.line, column: 1 };
    switch (key) {
      case 'description': {
        if (content.length) setField('description', textOf(content), anchor);
        break;
      }
      case 'competency': {
        const first = content.find((b) => b.type === 'paragraph' || b.type === 'item');
        if (first) {
          setField('competency', plainInline(first.text), posOf(first));
          pathBlock(first, 'competency');
        }
        break;
      }
      case 'keyMethod': {
        if (content.length) {
          setField('keyMethod', textOf(content), anchor);
          content.forEach((b) => pathBlock(b, 'keyMethod'));
        }
        break;
      }
      case 'methodComponents':
      case 'research': {
        let items = content.filter((b) => b.type === 'item' && (b.depth ?? 0) === 0);
        if (!items.length && key === 'methodComponents') items = g.subs;
        if (!items.length) items = content.filter((b) => b.type === 'paragraph');
        if (key === 'research' && items.length > 1) {
          // An introductory sentence before a list of citations is not a citation.
          const withCitation = items.filter((b) => /\(\s*\d{4}[a-z]?\s*\)|\b(?:19|20)\d{2}\b|doi|https?:\/\//i.test(b.text));
          if (withCitation.length) items = withCitation;
        }
        if (items.length) {
          setField(
            key,
            items.map((b) => (key === 'research' ? plainKeepUrls(b.text) : plainInline(b.text))),
            anchor,
          );
          items.forEach((b, i) => {
            positions.set(`${key}.${i}`, posOf(b));
            pathBlock(b, `${key}.${i}`);
          });
        }
        break;
      }
      case 'resources': {
        let items = content.filter((b) => b.type === 'item' && (b.depth ?? 0) === 0);
        if (!items.length) items = content.filter((b) => b.type === 'row');
        if (!items.length) {
          const paras = content.filter((b) => b.type === 'paragraph');
          const linked = paras.filter((b) => URL_RE.test(b.text));
          items = linked.length ? linked : paras;
        }
        if (items.length) {
          setField('resources', items.map((b) => parseResource(b.text)), anchor);
          items.forEach((b, i) => {
            positions.set(`resources.${i}`, posOf(b));
            pathBlock(b, `resources.${i}`);
          });
        }
        break;
      }
      case 'evidence': {
        // One part per sub-heading (or for the section itself). In an artifact part, each
        // top-level list item is an artifact of its own; overview and reflection prompts
        // together make one part.
        const bySub = new Map<MdBlock | null, MdBlock[]>();
        for (const { block, sub } of g.blocks) {
          if (block.type === 'heading' || used.has(block)) continue;
          if (!bySub.has(sub)) bySub.set(sub, []);
          bySub.get(sub)!.push(block);
        }
        const heads: (MdBlock | null)[] = [null, ...g.subs];
        for (const sub of heads) {
          const parts = bySub.get(sub) ?? [];
          if (sub === null && !parts.length) continue;
          const partHint: EvidencePart | undefined = sub ? (evidencePart(sub.text) ?? g.section.part) : g.section.part;
          const partTitle = sub ? plainInline(sub.text) : g.section.heading;
          const items = parts.filter((b) => b.type === 'item' && (b.depth ?? 0) === 0);
          const at = sub ? posOf(sub) : parts[0] ? posOf(parts[0]) : { line: g.section.line, column: 1 };
          if (items.length > 1 && partHint !== 'overview' && partHint !== 'reflection') {
            const intro = parts.filter((b) => b.type === 'paragraph');
            // Each top-level item with the nested items that follow it.
            const own: { item: MdBlock; text: string[] }[] = [];
            for (const b of parts) {
              if (b.type !== 'item') continue;
              if ((b.depth ?? 0) === 0) own.push({ item: b, text: [b.text] });
              else own[own.length - 1]?.text.push(b.text);
            }
            for (const { item: it, text: lines } of own) {
              const e: Record<string, unknown> = {
                title: plainInline(firstSentence(it.text)),
                description: lines.join('\n'),
              };
              if (partHint) e.part = partHint;
              if (intro.length) e.context = intro.map((b) => b.text).join('\n');
              positions.set(`evidence.${evidence.length}`, posOf(it));
              pathBlock(it, `evidence.${evidence.length}`);
              evidence.push(e);
            }
          } else {
            const e: Record<string, unknown> = { title: partTitle, description: textOf(parts) };
            if (partHint) e.part = partHint;
            positions.set(`evidence.${evidence.length}`, at);
            if (sub) pathBlock(sub, `evidence.${evidence.length}`);
            evidence.push(e);
          }
        }
        break;
      }
      case 'rubric': {
        const rows = content.filter((b) => b.type === 'row');
        for (const r of rows) {
          const cells = r.cells ?? [];
          const header = r.header ?? [];
          const name = plainInline(cells[0] ?? '');
          if (!name) continue;
          const levels = cells.slice(1).map((d, i) => ({ name: plainInline(header[i + 1] ?? `level ${i + 1}`), descriptor: d }));
          positions.set(`rubric.criteria.${criteria.length}`, posOf(r));
          pathBlock(r, `rubric.criteria.${criteria.length}`);
          criteria.push({ name, levels: levels.filter((l) => l.descriptor || l.name) });
        }
        if (!rows.length) {
          // Criteria as sub-headings (with level items under them) or as list items.
          const underSub = new Map<MdBlock, MdBlock[]>();
          for (const x of g.blocks) {
            if (!x.sub || x.block === x.sub) continue;
            if (!underSub.has(x.sub)) underSub.set(x.sub, []);
            underSub.get(x.sub)!.push(x.block);
          }
          if (underSub.size) {
            for (const [s, under] of underSub) {
              const levels = under.map((b) => levelOf(b.text)).filter((l): l is { name: string; descriptor: string } => l !== null);
              const desc = under.filter((b) => !levelOf(b.text)).map((b) => b.text).join('\n');
              positions.set(`rubric.criteria.${criteria.length}`, posOf(s));
              pathBlock(s, `rubric.criteria.${criteria.length}`);
              criteria.push({ name: plainInline(s.text), evidence: desc || undefined, levels });
            }
          } else {
            let last: Record<string, unknown> | null = null;
            for (const b of content.filter((x) => x.type === 'item')) {
              const lv = levelOf(b.text);
              if (lv && !last) {
                // Levels listed straight under a rubric heading describe one criterion: the heading's.
                last = { name: g.section.heading, levels: [] as unknown[] };
                positions.set(`rubric.criteria.${criteria.length}`, { line: g.section.line, column: 1 });
                criteria.push(last);
              }
              if (lv && last) {
                (last.levels as unknown[]).push(lv);
                continue;
              }
              if ((b.depth ?? 0) > 0 && last) {
                (last.levels as unknown[]).push({ name: plainInline(firstSentence(b.text)), descriptor: b.text });
                continue;
              }
              if (PASS_RULE_RE.test(b.text) && !lv) continue;
              last = { name: plainInline(b.text), levels: [] as unknown[] };
              positions.set(`rubric.criteria.${criteria.length}`, posOf(b));
              pathBlock(b, `rubric.criteria.${criteria.length}`);
              criteria.push(last);
            }
          }
        }
        break;
      }
      case 'alignment': {
        const items = content.filter((b) => b.type === 'item' || b.type === 'paragraph' || b.type === 'row');
        if (items.length) {
          setField(
            'alignment',
            items.map((b) => {
              const r = parseResource(b.text);
              return r.url ? { name: plainInline(b.text.replace(URL_RE, '').replace(LINK_RE, '$1')), url: r.url } : { name: plainInline(b.text) };
            }),
            anchor,
          );
          items.forEach((b, i) => positions.set(`alignment.${i}`, posOf(b)));
        }
        break;
      }
      case 'recognition':
      case 'audience':
      case 'prerequisites':
      case 'cost':
      case 'estimatedHours': {
        if (content.length) setField(key, textOf(content), anchor);
        break;
      }
      default:
        break;
    }
  }

  if (descParas.length) setField('description', textOf(descParas), posOf(descParas[0]!));
  if (evidence.length) setField('evidence', evidence, positions.get('evidence.0') ?? { line: 1, column: 1 });
  if (criteria.length) setField('rubric.criteria', criteria, positions.get('rubric.criteria.0') ?? { line: 1, column: 1 });

  // A pass rule stated in prose anywhere in the rubric or evidence sections.
  for (const t of blocks) {
    if (t.scope !== 'rubric' && t.scope !== 'evidence' && t.scope !== 'assessment') continue;
    if (t.kind === 'heading') continue;
    // A sentence is a part of the text with a space (or an end) on both sides, so a
    // block with no match anywhere has none in any sentence: skip the split.
    if (!PASS_RULE_RE.test(t.text)) continue;
    for (const s of sentences(t.text)) {
      // "Assessors must reach 80% agreement" is about calibration, not about passing.
      if (PASS_RULE_RE.test(s) && !ABOUT_ASSESSORS_RE.test(s)) {
        const idx = t.text.indexOf(s);
        const before = t.text.slice(0, idx);
        const nl = before.split('\n').length - 1;
        setField('rubric.passingRule', plainInline(s), { line: t.line + nl, column: nl ? (t.columns?.[nl] ?? 1) : t.column + idx });
        break;
      }
    }
    if (fields.rubric && (fields.rubric as Record<string, unknown>).passingRule) break;
  }

  return title ? { title, sections, blocks, fields, positions } : { sections, blocks, fields, positions };
}
