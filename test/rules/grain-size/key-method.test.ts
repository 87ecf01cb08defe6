import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/key-method.js';
import { check, docFromJson } from '../../helpers.js';

const METHOD = 'The educator pauses three to five seconds after posing a question and again after a student answers.';

describe('key-method', () => {
  it('passes a Key Method section and a keyMethod field', () => {
    expect(check(rule, `# Wait Time\n\n## Key Method\n\n${METHOD}\n`).passed).toBe(true);
    expect(check(rule, docFromJson({ title: 'Wait Time', keyMethod: METHOD })).passed).toBe(true);
    expect(check(rule, `---\nkeyMethod: "${METHOD}"\n---\n\n# Wait Time\n`).passed).toBe(true);
  });

  it('passes a "Key Method:" label line', () => {
    expect(check(rule, `# Wait Time\n\nKey Method: ${METHOD}\n`).passed).toBe(true);
  });

  it('fails when no key method is stated, at the start of the file', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\n\nEducator uses wait time after questions to increase student response.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('key-method');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no key method/);
  });

  it('fails a placeholder key method at its line (Markdown and front matter)', () => {
    const r = check(rule, '# Wait Time\n\n## Key Method\n\n[Describe the key method]\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(5);
    expect(r.findings[0]!.message).toMatch(/placeholder/);
    const y = check(rule, '---\ntitle: Wait Time\nkeyMethod: TBD\n---\n\n# Wait Time\n');
    expect(y.passed).toBe(false);
    expect(y.findings[0]!.line).toBe(3);
  });

  it('fails template text left inside a longer key method', () => {
    const r = check(rule, docFromJson({ keyMethod: 'The educator uses wait time in class. TODO: add the research-based steps here later.' }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/template text \("TODO"\)/);
  });

  it('fails a key method too short to name a technique (JSON), quoting it', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', keyMethod: 'Wait time.' }));
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.line).toBe(3);
    expect(f.quote).toBe('Wait time.');
    expect(f.message).toMatch(/2 words/);
    expect(check(rule, docFromJson({ keyMethod: 'Wait time.' }), { minWords: 2 }).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
