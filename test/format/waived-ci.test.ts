/** Reviewer waivers in the CI formats and the gate: shown as suppressed, never gating. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARGS = ['audit', 'test/fixtures/report', '--waivers', 'test/fixtures/report/waivers.yaml', '--min-decision', 'revise'];

async function run(extra: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...ARGS, ...extra], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: ROOT, env: { SOURCE_DATE_EPOCH: '0' }, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

describe('waived findings in CI outputs', async () => {
  const json = JSON.parse((await run(['--format', 'json'])).stdout) as { offerings: { findings: { ruleId: string; waived?: boolean; severity: string }[] }[] };
  const waived = json.offerings.flatMap((o) => o.findings.filter((f) => f.waived));

  it('the fixture has waived findings to test with', () => {
    expect(waived.length).toBeGreaterThan(0);
  });

  it('SARIF marks them as accepted external suppressions', async () => {
    const sarif = JSON.parse((await run(['--format', 'sarif'])).stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; status: string; justification: string }[] }[] }[] };
    const suppressed = sarif.runs[0]!.results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(waived.length);
    for (const r of suppressed) expect(r.suppressions![0]).toMatchObject({ kind: 'external', status: 'accepted', justification: expect.any(String) });
  });

  it('GitHub annotations leave them out', async () => {
    const gh = (await run(['--format', 'github'])).stdout;
    const all = json.offerings.flatMap((o) => o.findings).length;
    const annotated = gh.split('\n').filter((l) => /^::(error|warning|notice) /.test(l) && !/title=mcaudit decision/.test(l)).length;
    expect(annotated).toBe(all - waived.length);
  });

  it('--fail-on does not count them', async () => {
    const severities = new Set(waived.map((f) => f.severity));
    const unwaivedAtError = json.offerings.flatMap((o) => o.findings.filter((f) => !f.waived && f.severity === 'error'));
    if (severities.has('error') && unwaivedAtError.length === 0) expect((await run(['--fail-on', 'error', '--format', 'json'])).code).toBe(0);
    const r = await run(['--max-warnings', String(json.offerings.flatMap((o) => o.findings.filter((f) => !f.waived && f.severity === 'warning')).length), '--format', 'json']);
    expect(r.stderr).not.toMatch(/more than .* warnings/);
  });
});
