import { Descriptions, Space } from 'antd';
import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { NoAccess } from '../components/NoAccess';
import { PageTitle } from '../components/PageTitle';
import { QualityReport } from '../components/QualityReport';
import { QueryState } from '../components/QueryState';
import { RunsTable } from '../components/RunsTable';
import { SourceActions } from '../components/SourceActions';
import { HealthTag, RunStatusTag } from '../components/Tags';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatNumber } from '../lib/format';
import { errorKind } from '../lib/gql-errors';
import { RECENT_RUNS, RECENT_RUNS_BASIC, type RunPageData } from '../lib/runs-query';
import { useQueryWithFallback } from '../lib/use-fallback-query';
import { usePolling } from '../lib/use-polling';

interface SourceDetail {
  id: string;
  libraryName: string;
  libraryKind: string;
  province: string | null;
  baseUrl: string;
  metadataPrefix: string;
  sets: string[];
  schedule: string | null;
  enabled: boolean;
  repositoryName: string | null;
  granularity: string | null;
  deletedRecord: string | null;
  highWaterMark: string | null;
  recordCount: number | null;
  health: string;
  lastRun: { id: string; status: string } | null;
  earliestDatestamp?: string | null;
  adminEmail?: string | null;
  lastSuccessAt?: string | null;
}

const BASE = `id libraryName libraryKind province baseUrl metadataPrefix sets schedule enabled
  repositoryName granularity deletedRecord highWaterMark recordCount health lastRun { id status }`;
const SOURCE_QUERY = `query ConsoleSource($id: String!) {
  source(id: $id) { ${BASE} earliestDatestamp adminEmail lastSuccessAt } }`;
const SOURCE_QUERY_BASIC = `query ConsoleSourceBasic($id: String!) { source(id: $id) { ${BASE} } }`;

export default function SourcePage() {
  const { id = '' } = useParams();
  const { t, tValue, lang } = useI18n();
  const [result, refetch] = useQueryWithFallback<{ source: SourceDetail | null }>(
    SOURCE_QUERY,
    SOURCE_QUERY_BASIC,
    { id },
  );
  const [runs, refetchRuns] = useQueryWithFallback<RunPageData>(RECENT_RUNS, RECENT_RUNS_BASIC, {
    sourceId: id,
  });
  const refresh = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    refetchRuns({ requestPolicy: 'network-only' });
  }, [refetch, refetchRuns]);
  const source = result.data?.source;
  const active = runs.data?.harvestRuns.runs.find(
    (run) => run.status === 'queued' || run.status === 'running',
  );
  usePolling(refresh, 2000, !!active);

  const kind = errorKind(result.error);
  if (kind === 'forbidden' || kind === 'notFound' || (result.data && !source)) return <NoAccess />;
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={!!source}>
      {source && (
        <>
          <PageTitle text={source.libraryName} />
          <Space wrap style={{ marginBottom: 16 }}>
            <HealthTag sourceId={source.id} health={source.health} />
            {source.lastRun && <RunStatusTag status={source.lastRun.status} />}
            <code>{source.id}</code>
          </Space>
          <div style={{ marginBottom: 16 }}>
            <SourceActions source={source} activeRunId={active?.id ?? null} onChanged={refresh} />
          </div>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('source.details')}</h2>}
          >
            <Descriptions.Item label={t('source.kind')}>
              {tValue('kind', source.libraryKind)}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.province')}>
              {source.province ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.baseUrl')}>
              <code>{source.baseUrl}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('source.format')}>
              {source.metadataPrefix}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.sets')}>
              {source.sets.length ? source.sets.join(', ') : t('source.allSets')}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.schedule')}>
              {source.schedule ? <code>{source.schedule}</code> : t('source.manualOnly')}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.enabled')}>
              {source.enabled ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.records')}>
              {formatNumber(source.recordCount, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.highWaterMark')}>
              {formatDateTime(source.highWaterMark)}
            </Descriptions.Item>
            <Descriptions.Item label={t('source.lastSuccess')}>
              {formatDateTime(source.lastSuccessAt)}
            </Descriptions.Item>
          </Descriptions>
          <Descriptions
            style={{ marginTop: 24 }}
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('source.identify')}</h2>}
          >
            <Descriptions.Item label={t('identify.repositoryName')}>
              {source.repositoryName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('identify.granularity')}>
              {source.granularity ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('identify.deletedRecord')}>
              {tValue('deleted', source.deletedRecord)}
            </Descriptions.Item>
            <Descriptions.Item label={t('identify.earliestDatestamp')}>
              {formatDateTime(source.earliestDatestamp)}
            </Descriptions.Item>
            <Descriptions.Item label={t('identify.adminEmail')}>
              {source.adminEmail ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 24 }}>
            <QueryState fetching={runs.fetching} error={runs.error} hasData={!!runs.data}>
              <RunsTable
                runs={runs.data?.harvestRuns.runs.slice(0, 10) ?? []}
                caption={t('source.lastRuns')}
                emptyText={t('runs.none')}
              />
            </QueryState>
          </div>
          <QualityReport sourceId={source.id} />
        </>
      )}
    </QueryState>
  );
}
