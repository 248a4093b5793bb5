import { transitionsOf } from './incident-rules';

describe('the incident rule for runs', () => {
  it('opens RUN_FAILED on a failure and resolves nothing', () => {
    expect(transitionsOf('failed')).toEqual({ resolve: [], open: 'RUN_FAILED' });
  });

  it('ends a failure (and staleness) on a partial run, which opens its own incident', () => {
    expect(transitionsOf('partial')).toEqual({
      resolve: ['RUN_FAILED', 'STALE'],
      open: 'RUN_PARTIAL',
    });
  });

  it('ends every run incident and staleness on a successful run', () => {
    expect(transitionsOf('succeeded')).toEqual({
      resolve: ['RUN_FAILED', 'RUN_PARTIAL', 'STALE'],
      open: null,
    });
  });

  it('takes no notice of cancelled, queued or running runs', () => {
    for (const status of ['cancelled', 'queued', 'running'] as const)
      expect(transitionsOf(status)).toEqual({ resolve: [], open: null });
  });
});
