import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/evidence-visibility.js';
import { check, docFromJson } from '../../helpers.js';

describe('evidence-visibility', () => {
  it('passes an "Evidence visibility:" line', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Evidence visibility: attached to the badge; public\n').passed).toBe(true);
  });

  it('passes a JSON evidenceVisibility field', () => {
    expect(check(rule, docFromJson({ title: 'Wait Time', evidenceVisibility: 'private; assessors only' })).passed).toBe(true);
  });

  it.each([
    'Your evidence is attached to the badge so anyone can see what you did.',
    'Your portfolio is public once the badge is awarded.',
    'Artifacts are kept private and retained for 12 months.',
    'Videos will only be visible to assessors.',
  ])('passes prose: %s', (sentence) => {
    expect(check(rule, `# Wait Time\n\n## Privacy\n${sentence}\n`).passed).toBe(true);
  });

  it('passes a front-matter assessment note about retention', () => {
    expect(check(rule, '---\nassessment:\n  assessors: "Two reviewers; submissions are deleted after scoring"\n---\n# Wait Time\n').passed).toBe(true);
  });

  it('reports an info finding when nothing is said', () => {
    const md = '# Wait Time\n\n## Privacy\nRemove student names from all artifacts.\n\n## Evidence\nUpload a video linked to the rubric.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('evidence-visibility');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(1);
  });

  it('reports a placeholder field at its line', () => {
    const r = check(rule, '---\ntitle: Wait Time\nevidenceVisibility: TBD\n---\nBody.\n');
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
