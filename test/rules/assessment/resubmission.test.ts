import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/resubmission.js';
import { check, docFromJson } from '../../helpers.js';

describe('resubmission', () => {
  it('passes on a resubmission policy in the assessment process', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nIf you do not pass, you may resubmit the parts rated Not Yet up to two times.\n').passed).toBe(true);
  });

  it('passes on "invited to try again" in an About section', () => {
    expect(check(rule, '# MC\n\n## About\nCandidates who are not awarded the badge are invited to try again.\n').passed).toBe(true);
  });

  it('passes on `assessment.resubmission` in JSON (text or a positive count) and front matter', () => {
    expect(check(rule, docFromJson({ assessment: { resubmission: 'Up to 3 submissions, then a coach meeting' } })).passed).toBe(true);
    expect(check(rule, docFromJson({ assessment: { resubmission: 2 } })).passed).toBe(true);
    expect(check(rule, '---\nassessment:\n  resubmission: true\n---\nBody.\n').passed).toBe(true);
  });

  it('passes on revision wording ("may be revised", "may ask for revisions")', () => {
    expect(check(rule, '# MC\n\n## Review\nSubmissions that do not meet all criteria may be revised.\n').passed).toBe(true);
    expect(check(rule, '# MC\n\n## Review\nReflections are read by the coordinator, who may ask for revisions.\n').passed).toBe(true);
  });

  it('fails when nothing is said, at the assessment heading', () => {
    const md = '# MC\n\n## Competency\nEducator uses wait time.\n\n## Assessment Process\nAssessors score each submission once.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('resubmission');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(6);
    expect(f.column).toBe(4);
    expect(f.message).toMatch(/does not say whether a candidate who does not pass can revise and resubmit/);
  });

  it('fails with a clear message when resubmission is ruled out', () => {
    const md = '# MC\n\n## Assessment Process\nScores are sent by email. Resubmission is not permitted.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.line).toBe(4);
    expect(f.column).toBe(27);
    expect(f.message).toMatch(/^the offering says resubmission is not allowed/);
    expect(check(rule, '# MC\n\n## Assessment Process\nYou may not resubmit; there is only one attempt.\n').passed).toBe(false);
  });

  it('fails on a negative field, at the field line', () => {
    const r = check(rule, docFromJson({ title: 'MC', assessment: { resubmission: 'not allowed' } }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(check(rule, docFromJson({ assessment: { resubmission: 0 } })).passed).toBe(false);
  });

  it('does not count students resubmitting their work', () => {
    const md = '# MC\n\n## Evidence\nShow how students resubmit their essays after feedback.\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});

describe('resubmission: permission and refusal together', () => {
  it('passes when a permission stands in its own sentence next to a limit', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nYou may resubmit once. After that there is only one attempt per year.\n').passed).toBe(true);
  });

  it('fails when the only mention of resubmitting is in the refusing sentence', () => {
    const r = check(rule, '# MC\n\n## Assessment Process\nThere is only one attempt, and you cannot resubmit.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/not allowed/);
  });
});
