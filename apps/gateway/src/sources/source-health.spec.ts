import { HealthFacts, isSlow, judgeHealth } from './source-health';
import { SourceHealth } from './source.types';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-12-03T12:00:00Z');
const rules = { now, slowRequestSeconds: 10 };
const ago = (ms: number) => new Date(now.getTime() - ms);

function run(status: 'succeeded' | 'partial' | 'failed', seconds = 60, requests = 10) {
  const finishedAt = ago(HOUR);
  return {
    status,
    requests,
    finishedAt,
    startedAt: new Date(finishedAt.getTime() - seconds * 1000),
  } as const;
}

const daily: HealthFacts = {
  enabled: true,
  schedule: '0 2 * * *',
  createdAt: ago(30 * DAY),
  lastConcluded: run('succeeded'),
  lastSuccessAt: ago(HOUR),
};

describe('judgeHealth', () => {
  it('is OK after a succeeded run at a normal pace', () => {
    expect(judgeHealth(daily, rules)).toBe(SourceHealth.OK);
  });

  it('is DISABLED whatever its runs say', () => {
    expect(judgeHealth({ ...daily, enabled: false, lastConcluded: run('failed') }, rules)).toBe(
      SourceHealth.DISABLED,
    );
  });

  it('is FAILING when the latest run failed, even if it is also stale', () => {
    const facts = { ...daily, lastConcluded: run('failed'), lastSuccessAt: ago(10 * DAY) };
    expect(judgeHealth(facts, rules)).toBe(SourceHealth.FAILING);
  });

  it('is DEGRADED after a partial run, or a slow one', () => {
    expect(judgeHealth({ ...daily, lastConcluded: run('partial') }, rules)).toBe(
      SourceHealth.DEGRADED,
    );
    // 10 requests in 200 s: 20 s each, over the 10 s rule.
    expect(judgeHealth({ ...daily, lastConcluded: run('succeeded', 200, 10) }, rules)).toBe(
      SourceHealth.DEGRADED,
    );
  });

  it('is STALE when a daily source has no completed run for more than two days', () => {
    const facts = { ...daily, lastSuccessAt: ago(2 * DAY + HOUR) };
    expect(judgeHealth(facts, rules)).toBe(SourceHealth.STALE);
    expect(judgeHealth({ ...daily, lastSuccessAt: ago(2 * DAY - HOUR) }, rules)).toBe(
      SourceHealth.OK,
    );
  });

  it('counts from registration when a scheduled source never completed a run', () => {
    const never = { ...daily, lastConcluded: null, lastSuccessAt: null };
    expect(judgeHealth({ ...never, createdAt: ago(3 * DAY) }, rules)).toBe(SourceHealth.STALE);
    expect(judgeHealth({ ...never, createdAt: ago(HOUR) }, rules)).toBe(
      SourceHealth.NEVER_HARVESTED,
    );
  });

  it('never calls a manual-only source stale', () => {
    const manual = { ...daily, schedule: null, lastSuccessAt: ago(400 * DAY) };
    expect(judgeHealth(manual, rules)).toBe(SourceHealth.OK);
  });
});

describe('isSlow', () => {
  it('needs a started, finished run with requests', () => {
    expect(isSlow({ startedAt: null, finishedAt: now, requests: 1 }, 10)).toBe(false);
    expect(isSlow({ startedAt: ago(HOUR), finishedAt: now, requests: 0 }, 10)).toBe(false);
    expect(isSlow({ startedAt: ago(HOUR), finishedAt: now, requests: 100 }, 10)).toBe(true);
  });
});
