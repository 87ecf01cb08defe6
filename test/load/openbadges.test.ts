import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../src/engine/audit.js';
import { loadText, type Entry } from '../../src/load/file.js';
import { loadRubric } from '../../src/rubric/load.js';
import type { Doc, OfferingReport } from '../../src/types.js';
import { CTX } from '../helpers.js';

const DIR = new URL('../fixtures/openbadges/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const rubric = loadRubric('default');

function offering(entries: Entry[], i = 0): Extract<Entry, { kind: 'offering' }> {
  const e = entries[i]!;
  if (e.kind !== 'offering') throw new Error(`expected an offering, got ${JSON.stringify(e)}`);
  return e;
}
const audit = (e: Entry): OfferingReport => auditEntry(e, rubric, CTX);
const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Line (1-based) of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the official Open Badges examples', () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

  it('are all copied into the fixtures', () => {
    expect(names).toHaveLength(7);
  });

  it.each(names)('%s loads as one Open Badges offering with no loader error and gets a decision', (name) => {
    const entries = loadText(name, fixture(name));
    expect(entries).toHaveLength(1);
    const e = offering(entries);
    expect(e.doc.source).toBe('openbadges');
    expect(e.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const r = audit(e);
    expect(r.title).toBeTruthy();
    // None of the examples is an educator micro-credential with evidence and a rubric.
    expect(r.decision).toBe('reject');
  });

  it('rejects the robotics BadgeClass and names what is missing', () => {
    const r = audit(offering(loadText('robotics.json', fixture('ob2-badgeclass-robotics.json'))));
    expect(r.decision).toBe('reject');
    const reasons = r.reasons.join('\n');
    expect(reasons).toMatch(/no competency statement/);
    expect(reasons).toMatch(/no evidence requirements/);
    expect(reasons).toMatch(/no rubric or scoring guide/);
    const ids = r.findings.map((f) => f.ruleId);
    expect(ids).toContain('badge-criteria-embedded');
    expect(ids).toContain('badge-issuer-contact');
    // Its alignments both have a targetUrl.
    expect(ids).not.toContain('badge-alignment-url');
  });

  it('maps an OB 2.0 BadgeClass: name, description, criteria URL, tags, issuer link, alignment', () => {
    const text = fixture('ob2-badgeclass-robotics.json');
    const { doc } = offering(loadText('robotics.json', text));
    expect(doc.data.title).toBe('Awesome Robotics Badge');
    expect(doc.data.publicUrl).toBe('https://example.org/robotics-badge.html');
    expect(doc.data.tags).toEqual(['robots', 'awesome']);
    expect(doc.data.provider).toEqual({ url: 'https://example.org/organization.json' });
    expect(doc.data.alignment).toHaveLength(2);
    expect(doc.data.alignment![0]).toMatchObject({ name: 'CCSS.ELA-Literacy.RST.11-12.3', code: 'CCSS.ELA-Literacy.RST.11-12.3', url: 'http://www.corestandards.org/ELA-Literacy/RST/11-12/3' });
    expect(doc.data.alignment![1]).toMatchObject({ framework: 'Mozilla 21st Century Skills' });
    expect(doc.data.badge).toMatchObject({ standard: 'Open Badges 2.0', type: 'BadgeClass' });
    // Positions point at the source keys.
    expect(doc.positions.get('title')!.line).toBe(lineOf(text, '"name"'));
    expect(doc.positions.get('publicUrl')!.line).toBe(lineOf(text, '"criteria"'));
    expect(doc.positions.get('alignment.1.framework')!.line).toBe(lineOf(text, '"targetFramework"'));
    expect(doc.sourcePaths!.get('alignment.1.framework')).toBe('alignment.1.targetFramework');
  });

  it('maps an OB 3.0 credential: the achievement in credentialSubject.achievement, creator, achievementType', () => {
    const text = fixture('ob3-skillAssertionCtdl.json');
    const { doc } = offering(loadText('ctdl.json', text));
    expect(doc.data.title).toBe('Linear equations and inequalities');
    expect(doc.data.provider).toEqual({ name: 'Example Industry Group', url: 'https://example.com', email: 'info@exammple.com' });
    expect(doc.data.badge).toMatchObject({ standard: 'Open Badges 3.0', achievementType: 'Competency' });
    expect(doc.sourcePaths!.get('title')).toBe('credentialSubject.achievement.name');
    expect(doc.positions.get('provider.email')!.line).toBe(lineOf(text, '"email": "info@exammple.com"'));
  });

  it('maps the full example: creditsAvailable, tag, rubric levels from resultDescription, requiredLevel as the pass rule', () => {
    const { doc } = offering(loadText('full.json', fixture('ob3-fullOpenBadge.json')));
    expect(doc.data.recognition).toBe('36 credit hours available');
    expect(doc.data.tags).toEqual(['research', 'computer science']);
    const crit = doc.data.rubric!.criteria! as { name: string; levels?: { name: string; descriptor?: string }[] }[];
    expect(crit.map((c) => c.name)).toEqual(['Final Project Grade', 'Final Project Grade']);
    expect(crit[0]!.levels!.map((l) => l.name)).toEqual(['D', 'C', 'B', 'A']);
    expect(crit[1]!.levels).toEqual([
      { name: 'Mastery', descriptor: 'The author demonstrated...' },
      { name: 'Basic', descriptor: 'The author demonstrated...' },
    ]);
    expect(doc.data.rubric!.passingRule).toBe('To earn the badge, every criterion must reach its required level (Final Project Grade: C or better; Final Project Grade: Mastery).');
    expect(doc.sourcePaths!.get('rubric.criteria.1.levels.0')).toBe('credentialSubject.achievement.resultDescription.1.rubricCriterionLevel.0');
  });
});

describe('criteria.narrative as Markdown', () => {
  const narrative = [
    'Earn this micro-credential by showing wait time in your teaching.',
    '',
    '## Competency',
    'Educator uses wait time after questions to increase student response.',
    '',
    '## Submission Requirements',
    '### Artifact: Classroom video',
    'Submit one 10-minute video of a lesson.',
    '',
    '## Scoring Guide',
    'To earn the micro-credential, you must score Proficient on every criterion.',
  ].join('\n');
  const ach = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'https://example.org/achievements/wait-time',
    type: ['Achievement'],
    name: 'Wait Time',
    description: 'Pausing after questions.',
    criteria: { narrative },
  };
  const text = json(ach);

  it('fills competency, evidence and pass rule with the same heading mapping as .md files', () => {
    const { doc } = offering(loadText('wt.json', text));
    expect(doc.data.competency).toBe('Educator uses wait time after questions to increase student response.');
    expect(doc.data.evidence).toHaveLength(1);
    expect(doc.data.rubric?.passingRule).toMatch(/Proficient on every criterion/);
    expect(doc.sections.map((s) => s.key)).toEqual(['competency', 'evidence', 'rubric']);
  });

  it('places narrative text on the JSON string line, at the column where it is written', () => {
    const { doc } = offering(loadText('wt.json', text));
    const line = lineOf(text, '"narrative"');
    const raw = text.split('\n')[line - 1]!;
    const comp = doc.blocks.find((b) => b.path === 'competency')!;
    expect(comp.line).toBe(line);
    expect(raw.slice(comp.column - 1).startsWith('Educator uses wait time')).toBe(true);
    expect(doc.positions.get('competency')).toEqual({ line, column: comp.column });
    expect(doc.sourcePaths!.get('competency')).toBe('criteria.narrative');
  });

  it('reports a rule finding on a narrative field at the JSON path of the narrative', () => {
    const noReflection = audit(offering(loadText('wt.json', text)));
    const line = lineOf(text, '"narrative"');
    const f = noReflection.findings.find((x) => x.ruleId === 'privacy-guidance')!;
    expect(f.path).toBe('criteria.narrative');
    expect(f.line).toBe(line);
    // A finding at the rule's anchor names the JSON path the anchor field came from.
    const r = noReflection.findings.find((x) => x.ruleId === 'performance-levels')!;
    expect([r.path, r.line]).toEqual(['criteria.narrative', line]);
    expect(noReflection.findings.find((x) => x.ruleId === 'identifier-version')!.path).toBe('id');
  });

  it('counts JSON escapes when it maps a column: text after \\" and \\u escapes lands on its own characters', () => {
    const n = 'Say \u201cwait\u201d and "pause".\n\n## Competency\nEducator pauses after questions.';
    const t = JSON.stringify({ type: ['Achievement'], id: 'urn:x', name: 'W', description: 'd', criteria: { narrative: n } }).replace(/[\u201c\u201d]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    expect(t).toContain('\\u201cwait');
    const { doc } = offering(loadText('e.json', t));
    const comp = doc.blocks.find((b) => b.path === 'competency')!;
    expect(t.slice(comp.column - 1).startsWith('Educator pauses')).toBe(true);
    expect(comp.line).toBe(1);
  });

  it('reads a narrative without headings as the earning requirement', () => {
    const { doc } = offering(loadText('teamwork.json', fixture('ob3-basicOpenBadgeCredential.json')));
    expect(doc.data.evidence).toEqual([{ title: 'Criteria', description: expect.stringMatching(/^Team members are nominated/) }]);
    expect(doc.data.description).toMatch(/^This badge recognizes/);
  });
});

describe('Assessment Extension', () => {
  const ach = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'],
    id: 'urn:example:wt',
    type: ['Achievement'],
    name: 'Wait Time',
    description: 'Pausing after questions.',
    criteria: { id: 'https://example.org/wt' },
    resultDescription: [
      {
        id: 'urn:example:wt:rd1',
        type: ['ResultDescription'],
        name: 'Video of practice',
        resultType: 'RubricCriterion',
        requiredLevel: 'urn:example:wt:rd1:p',
        rubricCriterionLevel: [
          { id: 'urn:example:wt:rd1:p', type: ['RubricCriterionLevel'], name: 'Proficient', description: 'Three pauses of 3+ seconds.' },
          { id: 'urn:example:wt:rd1:n', type: ['RubricCriterionLevel'], name: 'Not Yet', description: 'Fewer than three.' },
        ],
        assessmentType: 'Performance',
        assessmentOutput: 'A classroom video and a written reflection',
        evaluationMethod: 'Two trained assessors score each criterion independently.',
        assessmentEvaluation: 'https://example.org/wt/reliability',
        sections: [
          {
            type: ['extensions:assessmentSections'],
            title: 'Part 3: Reflection',
            questions: [{ type: ['extensions:assessmentQuestions'], questionType: 'text', text: 'How did wait time change student answers?', wordLimit: 400 }],
          },
        ],
      },
    ],
  };

  it('maps sections and questions to evidence parts with limits, and the scoring fields to assessment', () => {
    const text = json(ach);
    const { doc } = offering(loadText('wt.json', text));
    expect(doc.data.evidence).toEqual([{ title: 'Part 3: Reflection', description: 'How did wait time change student answers?', type: 'Performance', limit: '400 words' }]);
    expect(doc.data.rubric?.criteria).toEqual([
      {
        name: 'Video of practice',
        levels: [
          { name: 'Proficient', descriptor: 'Three pauses of 3+ seconds.' },
          { name: 'Not Yet', descriptor: 'Fewer than three.' },
        ],
      },
    ]);
    expect(doc.data.rubric?.passingRule).toBe('To earn the badge: Video of practice: Proficient.');
    expect(doc.data.assessment).toMatchObject({ evaluationMethod: 'Two trained assessors score each criterion independently.', calibration: expect.stringContaining('https://example.org/wt/reliability') });
    expect(doc.positions.get('evidence.0.limit')!.line).toBe(lineOf(text, '"wordLimit"'));
    expect(doc.sourcePaths!.get('evidence.0.limit')).toBe('resultDescription.0.sections.0.questions.0.wordLimit');
  });
});

describe('catalogs', () => {
  it('reads an array and { offerings: [...] } that mix badges with native offerings', () => {
    const badge = JSON.parse(fixture('ob2-badgeclass-robotics.json')) as unknown;
    const native = { title: 'Wait Time', competency: 'Educator uses wait time after questions.' };
    for (const text of [json([native, badge]), json({ offerings: [badge, native] })]) {
      const entries = loadText('catalog.json', text);
      expect(entries.map((e) => e.kind === 'offering' && e.doc.source)).toEqual(text.startsWith('[') ? ['json', 'openbadges'] : ['openbadges', 'json']);
      const b = entries.map((e) => offering([e]).doc).find((d) => d.source === 'openbadges')!;
      expect(b.index).toBe(text.startsWith('[') ? 1 : 0);
      const prefix = text.startsWith('[') ? '1.' : 'offerings.0.';
      expect(b.sourcePaths!.get('title')).toBe(`${prefix}name`);
      expect(b.positions.get('title')!.line).toBe(lineOf(text, '"name": "Awesome Robotics Badge"'));
    }
  });

  it('refuses JSON-LD of another type as invalid, with its line', () => {
    const text = json([{ '@context': 'https://schema.org', type: 'Person', name: 'x' }]);
    const e = loadText('c.json', text)[0]!;
    expect(e.kind).toBe('invalid');
    if (e.kind === 'invalid') {
      expect(e.finding.message).toMatch(/neither an offering nor an Open Badges BadgeClass, Achievement/);
      expect(e.finding.line).toBe(lineOf(text, '"type"'));
    }
  });
});

describe('broken Open Badges documents', () => {
  const base = () => JSON.parse(fixture('ob3-achievementAlignmentCase.json')) as Record<string, any>;
  const findingsOf = (v: unknown) => {
    const text = json(v);
    const e = offering(loadText('b.json', text));
    return { text, e, findings: e.findings };
  };

  it('missing name: an invalid-badge error at the achievement, by JSON path; still audited', () => {
    const v = base();
    delete v.credentialSubject.achievement.name;
    const { text, e, findings } = findingsOf(v);
    const f = findings.find((x) => x.ruleId === 'invalid-badge')!;
    expect(f).toMatchObject({ severity: 'error', path: 'credentialSubject.achievement.name' });
    expect(f.message).toMatch(/has no `name`/);
    expect(f.line).toBe(lineOf(text, '"achievement"'));
    expect(audit(e).decision).toBe('reject');
  });

  it('criteria as a bare URL string: an error in OB 3.0, read as the criteria URL', () => {
    const v = base();
    v.credentialSubject.achievement.criteria = 'https://example.org/criteria';
    const { text, e, findings } = findingsOf(v);
    const f = findings.find((x) => x.ruleId === 'invalid-badge')!;
    expect(f).toMatchObject({ severity: 'error', path: 'credentialSubject.achievement.criteria', line: lineOf(text, '"criteria"') });
    expect(f.message).toMatch(/bare URL/);
    expect(e.doc.data.publicUrl).toBe('https://example.org/criteria');
    // The requirements now live only behind the link.
    expect(audit(e).findings.map((x) => x.ruleId)).toContain('badge-criteria-embedded');
  });

  it('criteria as a bare URL is fine in OB 2.0 (no loader finding)', () => {
    const { findings } = findingsOf(JSON.parse(fixture('ob2-badgeclass-robotics.json')));
    expect(findings.filter((f) => f.ruleId === 'invalid-badge')).toEqual([]);
  });

  it('alignment as a single object: an error, read as one alignment', () => {
    const v = base();
    v.credentialSubject.achievement.alignment = v.credentialSubject.achievement.alignment[0];
    const { text, e, findings } = findingsOf(v);
    const f = findings.find((x) => x.ruleId === 'invalid-badge')!;
    expect(f).toMatchObject({ severity: 'error', path: 'credentialSubject.achievement.alignment', line: lineOf(text, '"alignment"') });
    expect(f.message).toMatch(/must be an array/);
    expect(e.doc.data.alignment).toHaveLength(1);
    expect(e.doc.sourcePaths!.get('alignment.0.url')).toBe('credentialSubject.achievement.alignment.targetUrl');
  });

  it('unknown @context: a warning at @context; read by its type', () => {
    const v = base();
    v['@context'] = ['https://www.w3.org/ns/credentials/v2', 'https://example.org/my-badges/context.json'];
    const { text, e, findings } = findingsOf(v);
    const f = findings.find((x) => x.ruleId === 'unknown-context')!;
    expect(f).toMatchObject({ severity: 'warning', path: '@context', line: lineOf(text, '"@context"') });
    expect(f.message).toMatch(/unknown `@context` "https:\/\/example.org\/my-badges\/context.json"/);
    expect(e.doc.data.title).toBe('Text analysis');
  });

  it('a credential without credentialSubject.achievement is reported and still listed', () => {
    const v = base();
    delete v.credentialSubject.achievement;
    const { findings } = findingsOf(v);
    expect(findings.some((f) => f.ruleId === 'invalid-badge' && /credentialSubject.achievement/.test(f.message))).toBe(true);
  });

  it('a requiredLevel that names no level is a warning', () => {
    const v = JSON.parse(fixture('ob3-fullOpenBadge.json')) as Record<string, any>;
    v.credentialSubject.achievement.resultDescription[1].requiredLevel = 'urn:nope';
    const { findings } = findingsOf(v);
    expect(findings.some((f) => f.severity === 'warning' && f.path === 'credentialSubject.achievement.resultDescription.1.requiredLevel')).toBe(true);
  });
});

describe('other loader findings', () => {
  it('reports a repeated key by its JSON path', () => {
    const text = '{\n  "type": ["Achievement"],\n  "id": "urn:x",\n  "name": "A",\n  "name": "B",\n  "description": "d",\n  "criteria": {"narrative": "x"}\n}\n';
    const e = offering(loadText('d.json', text));
    expect(e.doc.data.title).toBe('B');
    expect(e.findings.find((f) => f.ruleId === 'duplicate-key')).toMatchObject({ path: 'name', line: 5, severity: 'warning' });
  });

  it('notes a whole-file document without @context (info) and reads it by its type', () => {
    const e = offering(loadText('n.json', json({ type: 'BadgeClass', id: 'https://x.org/b', name: 'B', description: 'd', criteria: 'https://x.org/c', issuer: 'https://x.org/i' })));
    expect(e.findings.find((f) => f.ruleId === 'unknown-context')).toMatchObject({ severity: 'info', path: '@context' });
    expect(e.doc.data.badge).toMatchObject({ standard: 'Open Badges 2.0' });
  });
});

describe('native offerings are unchanged', () => {
  it('a JSON offering without @context or an Open Badges type is read as before', () => {
    const e = offering(loadText('o.json', json({ title: 'Wait Time', type: 'workshop' })));
    const doc: Doc = e.doc;
    expect(doc.source).toBe('json');
    expect(e.findings.map((f) => f.ruleId)).toEqual(['unknown-field']);
  });
});
