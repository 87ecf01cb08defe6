/**
 * Reads Open Badges definitions into the canonical offering: an Open Badges 2.0
 * `BadgeClass`, an Open Badges 3.0 `Achievement`, or an `OpenBadgeCredential` /
 * `AchievementCredential` whose achievement sits in `credentialSubject.achievement`.
 *
 * Every mapped field remembers the JSON path it came from, so positions point at the
 * source keys and findings can name the source path. `criteria.narrative` is read as
 * Markdown with the same heading mapping as `.md` files; its positions are mapped back
 * to the line and column of the JSON string it was written in.
 */
import type { Finding, Position } from '../types.js';
import { readBody, type BodyResult } from './markdown.js';
import type { PositionIndex, StringLeaf } from './positions.js';

export type BadgeKind = 'ob2' | 'ob3-achievement' | 'ob3-credential';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Which kind of Open Badges document `v` is; `unknown` for JSON-LD of another type; null for a native offering. */
export function badgeKind(v: Record<string, unknown>): BadgeKind | 'unknown' | null {
  const types = typesOf(v.type);
  if (types.includes('BadgeClass')) return 'ob2';
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'ob3-credential';
  if (types.includes('Achievement')) return 'ob3-achievement';
  if (types.includes('VerifiableCredential') && isRecord(v.credentialSubject) && isRecord(v.credentialSubject.achievement)) return 'ob3-credential';
  if (v['@context'] !== undefined) return 'unknown';
  return null;
}

const OB2_CONTEXT = /^https?:\/\/w3id\.org\/openbadges\/v[12](?:[/#]|$)/;
const OB3_CONTEXT = /^https?:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\//;
const VC_CONTEXT = /^https?:\/\/www\.w3\.org\/(?:ns\/credentials\/v2|2018\/credentials\/v1)$/;

export interface BadgeMapping {
  /** Canonical field data, as front matter would give it. */
  raw: Record<string, unknown>;
  /** Positions and string leaves under canonical paths (pointing at the source keys). */
  index: PositionIndex;
  /** The criteria narrative read as a Markdown body, positions already in file coordinates. */
  body: BodyResult | null;
  findings: Finding[];
  /** Canonical data path -> JSON path in the file. */
  sourcePaths: Map<string, string>;
  origin: Position;
}

function finding(ruleId: string, severity: Finding['severity'], message: string, pos: Position, path: string | null, fix: string | null): Finding {
  return { ruleId, aspect: null, severity, message, fix, line: pos.line, column: pos.column, path };
}

/** Offsets at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/**
 * Decode the JSON string whose content starts at `offset` in `text`, with the source
 * offset of each decoded character (carriage returns are dropped).
 */
function decodeWithOffsets(text: string, offset: number): { value: string; offsets: number[] } {
  let value = '';
  const offsets: number[] = [];
  let i = offset;
  const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  while (i < text.length && text[i] !== '"') {
    const c = text[i]!;
    let ch = c;
    let len = 1;
    if (c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === 'u') {
        ch = String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        len = 6;
      } else {
        ch = SIMPLE[e] ?? e;
        len = 2;
      }
    }
    if (ch !== '\r') {
      value += ch;
      offsets.push(i);
    }
    i += len;
  }
  offsets.push(i);
  return { value, offsets };
}

/** Read a narrative as Markdown and move every position to where its text is in the JSON file. */
function narrativeBody(text: string, starts: number[], at: Position): BodyResult {
  const contentOffset = starts[at.line - 1]! + at.column - 1;
  const { value, offsets } = decodeWithOffsets(text, contentOffset);
  const lines = value.split('\n');
  const lineOffsets: number[] = [];
  let o = 0;
  for (const l of lines) {
    lineOffsets.push(o);
    o += l.length + 1;
  }
  const lineStart = starts[at.line - 1]!;
  const map = (p: Position): Position => {
    const decoded = (lineOffsets[p.line - 1] ?? 0) + p.column - 1;
    const src = offsets[Math.min(Math.max(0, decoded), offsets.length - 1)]!;
    return { line: at.line, column: src - lineStart + 1 };
  };
  const body = readBody(lines, 1);
  for (const b of body.blocks) {
    const first = { line: b.line, column: b.column };
    const further = b.text.split('\n').length;
    if (further > 1) {
      b.columns = Array.from({ length: further }, (_, k) => (k === 0 ? map(first).column : map({ line: first.line + k, column: b.columns?.[k] ?? 1 }).column));
      b.lines = Array.from({ length: further }, () => at.line);
    }
    const m = map(first);
    b.line = m.line;
    b.column = m.column;
  }
  for (const s of body.sections) s.line = at.line;
  for (const [k, p] of body.positions) body.positions.set(k, map(p));
  if (body.title) body.title = { ...body.title, pos: map(body.title.pos) };
  return body;
}

/**
 * Map one Open Badges document (`value`, found at JSON path `base` in the file, '' for
 * the whole file) onto canonical fields.
 */
export function mapBadge(text: string, value: Record<string, unknown>, kind: BadgeKind, index: PositionIndex, base: string): BadgeMapping {
  const join = (a: string, b: string) => (a && b ? `${a}.${b}` : a || b);
  const findings: Finding[] = [];
  const srcPos = new Map<string, Position>();
  for (const leaf of index.strings) srcPos.set(leaf.path, leaf.pos);
  const docPath = base.replace(/\.$/, '');
  const origin = index.positions.get(docPath) ?? { line: 1, column: 1 };
  const posOf = (p: string): Position => {
    let q = p;
    for (;;) {
      const hit = index.positions.get(q);
      if (hit) return hit;
      const dot = q.lastIndexOf('.');
      if (dot < 0 || q.length <= docPath.length) return origin;
      q = q.slice(0, dot);
    }
  };

  // The achievement: the document itself, or the credential's credentialSubject.achievement.
  let a = value;
  let ap = docPath;
  const credential = kind === 'ob3-credential' ? value : null;
  if (credential) {
    const subject = credential.credentialSubject;
    const ach = isRecord(subject) ? subject.achievement : undefined;
    ap = join(docPath, 'credentialSubject.achievement');
    if (isRecord(ach)) a = ach;
    else {
      findings.push(
        finding('invalid-badge', 'error', 'the credential has no `credentialSubject.achievement` object: there is no achievement to audit', posOf(join(docPath, 'credentialSubject')), join(docPath, 'credentialSubject'), 'Put the Achievement the credential awards in `credentialSubject.achievement`.'),
      );
      a = {};
    }
  }
  const P = (rel: string) => join(ap, rel);
  const standard = kind === 'ob2' ? 'Open Badges 2.0' : 'Open Badges 3.0';

  // @context: a known Open Badges context, or a warning.
  const ctx = typesOf(value['@context']);
  const ctxPath = join(docPath, '@context');
  if (value['@context'] === undefined) {
    if (docPath === '') {
      findings.push(finding('unknown-context', 'info', `no \`@context\`; read as ${standard} from its \`type\``, origin, ctxPath, kind === 'ob2' ? 'Add "@context": "https://w3id.org/openbadges/v2".' : 'Add "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"].'));
    }
  } else {
    const known = kind === 'ob2' ? ctx.some((c) => OB2_CONTEXT.test(c)) : ctx.some((c) => OB3_CONTEXT.test(c));
    if (!known) {
      const other = ctx.filter((c) => !VC_CONTEXT.test(c));
      findings.push(
        finding(
          'unknown-context',
          'warning',
          `unknown \`@context\` ${other.length ? `"${other[0]}"` : '(no Open Badges context)'}: expected the ${standard} context; read as ${standard} from its \`type\``,
          posOf(ctxPath),
          ctxPath,
          kind === 'ob2' ? 'Use "@context": "https://w3id.org/openbadges/v2".' : 'Include "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in `@context`.',
        ),
      );
    }
  }

  const raw: Record<string, unknown> = {};
  const sourcePaths = new Map<string, string>();
  const src = (canon: string, path: string) => {
    if (!sourcePaths.has(canon)) sourcePaths.set(canon, path);
  };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const required = (key: string, what: string) => {
    if (a[key] === undefined || a[key] === null || (typeof a[key] === 'string' && (a[key] as string).trim() === '')) {
      findings.push(
        finding('invalid-badge', 'error', `the ${kind === 'ob2' ? 'BadgeClass' : 'Achievement'} has no \`${key}\` (${what}; required by ${standard})`, posOf(ap), P(key), `Add \`${key}\` to the ${kind === 'ob2' ? 'BadgeClass' : 'Achievement'}.`),
      );
    }
  };
  required('name', 'its title');
  required('description', 'a short description');
  required('criteria', 'what an earner must do');

  // Badge field -> canonical field, for the plain text fields.
  for (const [from, to] of [
    ['id', 'id'],
    ['name', 'title'],
    ['description', 'description'],
    ['version', 'version'],
  ] as const) {
    const v = str(a[from]);
    if (v) {
      raw[to] = v;
      src(to, P(from));
    }
  }

  // Criteria: a URL (OB 2.0 allows it; OB 3.0 does not) or { id, narrative }.
  const badge: Record<string, unknown> = { standard, type: kind === 'ob2' ? 'BadgeClass' : 'Achievement' };
  src('badge', ap || P('type'));
  let narrativePath: string | null = null;
  const criteria = a.criteria;
  if (typeof criteria === 'string') {
    raw.publicUrl = criteria;
    src('publicUrl', P('criteria'));
    badge.criteria = { id: criteria };
    src('badge.criteria', P('criteria'));
    if (kind !== 'ob2') {
      findings.push(
        finding(
          'invalid-badge',
          'error',
          '`criteria` is a bare URL; Open Badges 3.0 requires an object with `id` and/or `narrative` (the URL is read as the criteria page)',
          posOf(P('criteria')),
          P('criteria'),
          'Write `"criteria": { "id": "https://…", "narrative": "…what an earner must do…" }`.',
        ),
      );
    }
  } else if (isRecord(criteria)) {
    const c: Record<string, unknown> = {};
    if (str(criteria.id)) {
      raw.publicUrl = str(criteria.id);
      src('publicUrl', P('criteria.id'));
      c.id = str(criteria.id);
    }
    if (typeof criteria.narrative === 'string') {
      c.narrative = criteria.narrative;
      narrativePath = P('criteria.narrative');
      src('badge.criteria.narrative', narrativePath);
    }
    badge.criteria = c;
    src('badge.criteria', P('criteria'));
  } else if (criteria !== undefined && criteria !== null) {
    findings.push(finding('invalid-badge', 'error', '`criteria` must be a URL or an object with `id` and/or `narrative`; it is ignored', posOf(P('criteria')), P('criteria'), 'Write `"criteria": { "narrative": "…" }`.'));
  }
  for (const key of ['achievementType', 'inLanguage', 'humanCode', 'fieldOfStudy', 'specialization'] as const) {
    if (str(a[key])) {
      badge[key] = str(a[key]);
      src(`badge.${key}`, P(key));
    }
  }
  raw.badge = badge;

  // Provider: the achievement's creator (OB 3.0), the BadgeClass issuer (OB 2.0), else the credential's issuer.
  const providerKey = kind === 'ob2' ? 'issuer' : a.creator !== undefined ? 'creator' : null;
  const provSource = providerKey ? a[providerKey] : credential?.issuer;
  const provPath = providerKey ? P(providerKey) : join(docPath, 'issuer');
  if (typeof provSource === 'string') {
    raw.provider = { url: provSource };
    src('provider', provPath);
    src('provider.url', provPath);
    badge.issuerIsLink = true;
  } else if (isRecord(provSource)) {
    const p: Record<string, unknown> = {};
    for (const k of ['name', 'url', 'email'] as const) {
      if (str(provSource[k])) {
        p[k] = str(provSource[k]);
        src(`provider.${k}`, `${provPath}.${k}`);
      }
    }
    raw.provider = p;
    src('provider', provPath);
  }

  // Tags: `tags` (2.0) or `tag` (3.0).
  const tagKey = kind === 'ob2' ? 'tags' : 'tag';
  const tags = a[tagKey] ?? a[kind === 'ob2' ? 'tag' : 'tags'];
  if (Array.isArray(tags) || typeof tags === 'string') {
    raw.tags = Array.isArray(tags) ? tags.filter((t) => typeof t === 'string') : tags;
    src('tags', P(a[tagKey] !== undefined ? tagKey : kind === 'ob2' ? 'tag' : 'tags'));
  }

  if (typeof a.creditsAvailable === 'number') {
    raw.recognition = `${a.creditsAvailable} credit hours available`;
    src('recognition', P('creditsAvailable'));
  }

  // Alignment: an array of { targetName, targetUrl, targetFramework, targetCode }.
  let alignment = a.alignment;
  if (isRecord(alignment)) {
    findings.push(
      finding('invalid-badge', 'error', '`alignment` is a single object; it must be an array (read as one alignment)', posOf(P('alignment')), P('alignment'), 'Wrap the alignment in square brackets: `"alignment": [ { … } ]`.'),
    );
    alignment = [alignment];
  }
  if (Array.isArray(alignment)) {
    const single = isRecord(a.alignment);
    const out: Record<string, unknown>[] = [];
    alignment.forEach((al, i) => {
      if (!isRecord(al)) return;
      const sp = single ? P('alignment') : P(`alignment.${i}`);
      const item: Record<string, unknown> = {};
      const fields: [string, string][] = [
        ['name', 'targetName'],
        ['url', 'targetUrl'],
        ['framework', 'targetFramework'],
        ['code', 'targetCode'],
        ['description', 'targetDescription'],
        ['targetType', 'targetType'],
      ];
      for (const [canon, key] of fields) {
        if (str(al[key])) {
          item[canon] = str(al[key]);
          src(`alignment.${out.length}.${canon}`, `${sp}.${key}`);
        }
      }
      src(`alignment.${out.length}`, sp);
      out.push(item);
    });
    raw.alignment = out;
    src('alignment', P('alignment'));
  }

  // resultDescription: rubric criteria and levels, the pass rule, and Assessment Extension fields.
  let rds = a.resultDescription;
  if (isRecord(rds)) rds = [rds];
  const criteria2: Record<string, unknown>[] = [];
  const evidence: Record<string, unknown>[] = [];
  const assessment: Record<string, unknown> = {};
  const passParts: string[] = [];
  let rubricCount = 0;
  if (Array.isArray(rds)) {
    rds.forEach((rd, i) => {
      if (!isRecord(rd)) return;
      const rp = isRecord(a.resultDescription) ? P('resultDescription') : P(`resultDescription.${i}`);
      const levelsRaw = Array.isArray(rd.rubricCriterionLevel) ? rd.rubricCriterionLevel.filter(isRecord) : [];
      const allowed = Array.isArray(rd.allowedValue) ? rd.allowedValue.filter((v): v is string => typeof v === 'string') : [];
      const name = str(rd.name) ?? `Criterion ${i + 1}`;
      if (levelsRaw.length || allowed.length || rd.resultType === 'RubricCriterion') {
        rubricCount++;
        const k = criteria2.length;
        const crit: Record<string, unknown> = { name };
        src(`rubric.criteria.${k}`, rp);
        src(`rubric.criteria.${k}.name`, `${rp}.name`);
        if (levelsRaw.length) {
          crit.levels = levelsRaw.map((l, j) => {
            const lv: Record<string, unknown> = { name: str(l.name) ?? str(l.level) ?? `level ${j + 1}` };
            if (str(l.description)) lv.descriptor = str(l.description);
            src(`rubric.criteria.${k}.levels.${j}`, `${rp}.rubricCriterionLevel.${j}`);
            src(`rubric.criteria.${k}.levels.${j}.descriptor`, `${rp}.rubricCriterionLevel.${j}.description`);
            return lv;
          });
          const req = str(rd.requiredLevel);
          const lvl = req ? levelsRaw.find((l) => l.id === req) : undefined;
          if (lvl) passParts.push(`${name}: ${str(lvl.name) ?? str(lvl.level)}`);
          else if (req) {
            findings.push(finding('invalid-badge', 'warning', `\`requiredLevel\` "${req}" names no level of this criterion's \`rubricCriterionLevel\``, posOf(`${rp}.requiredLevel`), `${rp}.requiredLevel`, 'Set `requiredLevel` to the `id` of one of the criterion levels.'));
          }
        } else if (allowed.length) {
          crit.levels = allowed.map((v) => ({ name: v }));
          src(`rubric.criteria.${k}.levels`, `${rp}.allowedValue`);
          if (str(rd.requiredValue)) passParts.push(`${name}: ${str(rd.requiredValue)} or better`);
        }
        if (str(rd.description)) crit.evidence = str(rd.description);
        criteria2.push(crit);
      }
      // Assessment Extension (v2.0).
      const sections = isRecord(rd.sections) ? [rd.sections] : Array.isArray(rd.sections) ? rd.sections : [];
      const type = str(rd.assessmentType);
      sections.forEach((s, si) => {
        if (!isRecord(s)) return;
        const sp = isRecord(rd.sections) ? `${rp}.sections` : `${rp}.sections.${si}`;
        const qs = isRecord(s.questions) ? [s.questions] : Array.isArray(s.questions) ? s.questions : [];
        qs.forEach((q, qi) => {
          if (!isRecord(q) || !str(q.text)) return;
          const qp = isRecord(s.questions) ? `${sp}.questions` : `${sp}.questions.${qi}`;
          const e: Record<string, unknown> = { title: str(s.title) ?? name, description: str(q.text) };
          const k = evidence.length;
          if (type) e.type = type;
          if (typeof q.wordLimit === 'number') {
            e.limit = `${q.wordLimit} words`;
            src(`evidence.${k}.limit`, `${qp}.wordLimit`);
          } else if (typeof q.characterLimit === 'number') {
            e.limit = `${q.characterLimit} characters`;
            src(`evidence.${k}.limit`, `${qp}.characterLimit`);
          }
          if (typeof q.required === 'boolean') e.required = q.required;
          else if (typeof s.required === 'boolean') e.required = s.required;
          src(`evidence.${k}`, qp);
          src(`evidence.${k}.description`, `${qp}.text`);
          src(`evidence.${k}.title`, str(s.title) ? `${sp}.title` : `${rp}.name`);
          evidence.push(e);
        });
      });
      if (!sections.length && str(rd.assessmentOutput)) {
        const k = evidence.length;
        const e: Record<string, unknown> = { title: name, description: str(rd.assessmentOutput) };
        if (type) e.type = type;
        src(`evidence.${k}`, `${rp}.assessmentOutput`);
        src(`evidence.${k}.description`, `${rp}.assessmentOutput`);
        evidence.push(e);
      }
      if (str(rd.evaluationMethod) && assessment.evaluationMethod === undefined) {
        assessment.evaluationMethod = str(rd.evaluationMethod);
        src('assessment.evaluationMethod', `${rp}.evaluationMethod`);
      }
      if (str(rd.assessmentEvaluation) && assessment.calibration === undefined) {
        assessment.calibration = `Reliability and validity evidence for the scoring: ${str(rd.assessmentEvaluation)}`;
        src('assessment.calibration', `${rp}.assessmentEvaluation`);
      }
    });
  }
  if (criteria2.length || passParts.length) {
    const rubric: Record<string, unknown> = {};
    if (criteria2.length) rubric.criteria = criteria2;
    if (passParts.length) {
      rubric.passingRule =
        passParts.length === rubricCount && rubricCount > 1
          ? `To earn the badge, every criterion must reach its required level (${passParts.join('; ')}).`
          : `To earn the badge: ${passParts.join('; ')}.`;
      src('rubric.passingRule', P('resultDescription'));
    }
    raw.rubric = rubric;
    src('rubric', P('resultDescription'));
  }
  if (evidence.length) {
    raw.evidence = evidence;
    src('evidence', P('resultDescription'));
  }
  if (Object.keys(assessment).length) {
    raw.assessment = assessment;
    src('assessment', P('resultDescription'));
  }

  // The narrative, read as Markdown.
  let body: BodyResult | null = null;
  const narrative = isRecord(criteria) && typeof criteria.narrative === 'string' ? criteria.narrative : null;
  if (narrative !== null && narrativePath && narrative.trim()) {
    const at = srcPos.get(narrativePath);
    if (at) body = narrativeBody(text, lineStarts(text), at);
    else {
      // Too deep to be indexed: everything is placed at the document's start.
      body = readBody(narrative.replace(/\r/g, '').split('\n'), 1);
      for (const b of body.blocks) {
        b.line = origin.line;
        b.column = origin.column;
        delete b.columns;
        if (b.text.includes('\n')) b.lines = b.text.split('\n').map(() => origin.line);
      }
      for (const sec of body.sections) sec.line = origin.line;
      for (const k of [...body.positions.keys()]) body.positions.set(k, origin);
    }
    if (!body.sections.some((s) => s.key !== null)) {
      // A narrative without known headings is the earning requirement itself.
      const first = body.blocks.find((b) => b.kind !== 'heading');
      if (first && raw.evidence === undefined) {
        body.fields.evidence = [{ title: 'Criteria', description: narrative.trim() }];
        body.positions.set('evidence.0', { line: first.line, column: first.column });
        body.positions.set('evidence', { line: first.line, column: first.column });
        for (const b of body.blocks) if (b.scope === 'description') b.scope = 'evidence';
        first.path = 'evidence.0';
        delete body.fields.description;
      }
    }
    // A pass rule written in the narrative says more than one made up from `requiredLevel`.
    const bodyRubric = body.fields.rubric as Record<string, unknown> | undefined;
    const rawRubric = raw.rubric as Record<string, unknown> | undefined;
    if (bodyRubric?.passingRule !== undefined && rawRubric?.passingRule !== undefined) {
      delete rawRubric.passingRule;
      sourcePaths.set('rubric.passingRule', narrativePath);
    }
    for (const k of Object.keys(body.fields)) if (raw[k] === undefined) sourcePaths.set(k, narrativePath);
  }

  // Canonical positions and string leaves, placed at their source keys.
  const positions = new Map<string, Position>();
  for (const [canon, path] of sourcePaths) {
    // Fields read from the narrative are placed by the Markdown body, at their own text.
    if (path === narrativePath && !canon.startsWith('badge.')) continue;
    positions.set(canon, srcPos.get(path) ?? posOf(path));
  }
  const strings: StringLeaf[] = [];
  const sourceOf = (canon: string): string | undefined => {
    let q = canon;
    for (;;) {
      const s = sourcePaths.get(q);
      if (s) return s;
      const dot = q.lastIndexOf('.');
      if (dot < 0) return undefined;
      q = q.slice(0, dot);
    }
  };
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      const s = sourceOf(path);
      // The narrative's own text comes from the Markdown body, block by block.
      if (s === narrativePath && path.startsWith('badge.criteria.narrative')) return;
      strings.push({ path, value: v, pos: (s && (srcPos.get(s) ?? posOf(s))) || origin });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(raw, '');
  return { raw, index: { positions, strings, duplicates: [] }, body, findings, sourcePaths, origin };
}

/** The JSON path in the source for a canonical data path (walking up to the nearest mapped parent). */
export function sourcePathOf(map: ReadonlyMap<string, string>, canon: string): string | undefined {
  if (map.has(canon)) return map.get(canon);
  const parts = canon.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const hit = map.get(parts.slice(0, i).join('.'));
    if (hit) return hit;
  }
  return undefined;
}
