import { Button, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { RunsTable } from '../components/RunsTable';
import { RUN_STATUSES } from '../components/Tags';
import { useI18n } from '../i18n/i18n';
import {
  LIVE_RUNS,
  LIVE_RUNS_BASIC,
  RECENT_RUNS,
  RECENT_RUNS_BASIC,
  type RunPageData,
  type RunRow,
} from '../lib/runs-query';
import { SOURCES_FALLBACK, SOURCES_QUERY, type SourcesData } from '../lib/sources-query';
import { useQueryWithFallback } from '../lib/use-fallback-query';
import { usePolling } from '../lib/use-polling';

/** The live list polls this often (contract: every 2 s, no subscriptions). */
const LIVE_EVERY_MS = 2000;

export default function RunsPage() {
  const { t, tValue } = useI18n();
  const [params, setParams] = useSearchParams();
  const sourceId = params.get('source') ?? undefined;
  const status = params.get('status') ?? undefined;
  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const [sources] = useQueryWithFallback<SourcesData>(SOURCES_QUERY, SOURCES_FALLBACK, {});
  const [live, refetchLive] = useQueryWithFallback<RunPageData>(LIVE_RUNS, LIVE_RUNS_BASIC, {
    sourceId,
  });
  const refreshLive = useCallback(
    () => refetchLive({ requestPolicy: 'network-only' }),
    [refetchLive],
  );
  usePolling(refreshLive, LIVE_EVERY_MS, !live.error);

  const [after, setAfter] = useState<string | undefined>();
  const [earlier, setEarlier] = useState<RunRow[]>([]);
  useEffect(() => {
    setAfter(undefined);
    setEarlier([]);
  }, [sourceId, status]);
  const [recent, refetchRecent] = useQueryWithFallback<RunPageData>(
    RECENT_RUNS,
    RECENT_RUNS_BASIC,
    {
      sourceId,
      status,
      after,
    },
  );
  // When the live list shrinks a run has ended: the history shows it without a reload.
  const liveCount = live.data?.harvestRuns.runs.length ?? 0;
  useEffect(() => {
    if (!after) refetchRecent({ requestPolicy: 'network-only' });
  }, [liveCount, after, refetchRecent]);
  const page = recent.data?.harvestRuns;
  const history = [...earlier, ...(page?.runs ?? [])];

  return (
    <>
      <PageTitle text={t('runs.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('filter.source')}
          placeholder={t('filter.source')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 260 }}
          value={sourceId}
          onChange={(value?: string) => setFilter('source', value)}
          options={(sources.data?.sources ?? []).map((s) => ({
            value: s.id,
            label: s.libraryName,
          }))}
        />
        <Select
          aria-label={t('filter.status')}
          placeholder={t('filter.status')}
          allowClear
          style={{ minWidth: 180 }}
          value={status}
          onChange={(value?: string) => setFilter('status', value)}
          options={RUN_STATUSES.map((s) => ({ value: s, label: tValue('status', s) }))}
        />
      </Space>
      <QueryState
        fetching={live.fetching}
        error={live.error}
        hasData={!!live.data}
        what={t('runs.live')}
      >
        <RunsTable
          live
          runs={live.data?.harvestRuns.runs ?? []}
          caption={t('runs.live')}
          emptyText={t('runs.noneLive')}
        />
      </QueryState>
      <div style={{ marginTop: 24 }}>
        <QueryState
          fetching={recent.fetching}
          error={recent.error}
          hasData={!!page}
          what={t('runs.history')}
        >
          <RunsTable runs={history} caption={t('runs.history')} emptyText={t('runs.none')} />
          {page?.endCursor && (
            <Button
              style={{ marginTop: 12 }}
              onClick={() => {
                setEarlier(history);
                setAfter(page.endCursor ?? undefined);
              }}
            >
              {t('runs.more')}
            </Button>
          )}
        </QueryState>
      </div>
    </>
  );
}
