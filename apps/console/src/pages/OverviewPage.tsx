import { Card, Col, List, Row, Select, Space, Statistic, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourcesTable } from '../components/SourcesTable';
import { HealthTag, HEALTHS } from '../components/Tags';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../lib/format';
import {
  LIBRARY_KINDS,
  provincesOf,
  SOURCES_FALLBACK,
  SOURCES_QUERY,
  type SourcesData,
} from '../lib/sources-query';
import { useQueryWithFallback } from '../lib/use-fallback-query';

// ECharts is the heaviest library here: it loads after the figures and the table.
const OverviewCharts = lazy(() => import('../components/OverviewCharts'));

const OVERVIEW_QUERY = `query ConsoleOverview($libraryKind: String, $province: String) {
  overview(filter: { libraryKind: $libraryKind, province: $province }) {
    sources libraries records works runsToday
    healthCounts { health count }
    needsAttention { id libraryName health lastRun { id status errorCode errorMessage } }
  }
}`;

interface OverviewData {
  overview: {
    sources: number;
    libraries: number;
    records: number;
    works: number;
    runsToday: number;
    healthCounts: Array<{ health: string; count: number }>;
    needsAttention: Array<{
      id: string;
      libraryName: string;
      health: string;
      lastRun: {
        id: string;
        status: string;
        errorCode: string | null;
        errorMessage: string | null;
      } | null;
    }>;
  };
}

export default function OverviewPage() {
  const { t, tValue, lang } = useI18n();
  const [libraryKind, setLibraryKind] = useState<string | undefined>();
  const [province, setProvince] = useState<string | undefined>();
  const [sourcesResult] = useQueryWithFallback<SourcesData>(SOURCES_QUERY, SOURCES_FALLBACK, {});
  const [overviewResult] = useQuery<OverviewData>({
    query: OVERVIEW_QUERY,
    variables: { libraryKind, province },
  });
  const allSources = sourcesResult.data?.sources;
  const sources = useMemo(
    () =>
      (allSources ?? []).filter(
        (s) =>
          (!libraryKind || s.libraryKind === libraryKind) && (!province || s.province === province),
      ),
    [allSources, libraryKind, province],
  );
  const healthCounts = HEALTHS.map((health) => ({
    health,
    count: sources.filter((s) => s.health === health).length,
  })).filter((h) => h.count > 0);
  const overview = overviewResult.data?.overview;

  return (
    <>
      <PageTitle text={t('overview.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('filter.libraryKind')}
          placeholder={t('filter.libraryKind')}
          allowClear
          style={{ minWidth: 200 }}
          value={libraryKind}
          onChange={setLibraryKind}
          options={LIBRARY_KINDS.map((kind) => ({ value: kind, label: tValue('kind', kind) }))}
        />
        <Select
          aria-label={t('filter.province')}
          placeholder={t('filter.province')}
          allowClear
          showSearch
          style={{ minWidth: 220 }}
          value={province}
          onChange={setProvince}
          options={provincesOf(allSources ?? []).map((p) => ({ value: p, label: p }))}
        />
      </Space>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" style={{ fontSize: 18 }}>
          {t('overview.totals')}
        </h2>
        <QueryState
          fetching={overviewResult.fetching}
          error={overviewResult.error}
          hasData={!!overview}
          what={t('overview.totals')}
        >
          <Row gutter={[16, 16]}>
            {(
              [
                ['overview.sources', overview?.sources],
                ['overview.libraries', overview?.libraries],
                ['overview.records', overview?.records],
                ['overview.works', overview?.works],
                ['overview.runsToday', overview?.runsToday],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} md={8} lg={4} key={key}>
                <Card size="small">
                  <Statistic
                    title={t(key)}
                    value={value ?? 0}
                    formatter={(v) => formatNumber(Number(v), lang)}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </QueryState>
      </section>

      <section aria-labelledby="health-heading" style={{ marginTop: 24 }}>
        <h2 id="health-heading" style={{ fontSize: 18 }}>
          {t('overview.health')}
        </h2>
        <Space wrap>
          {healthCounts.map(({ health, count }) => (
            <Tag key={health} style={{ fontSize: 14, padding: '4px 10px' }}>
              {tValue('health', health)}: <strong>{formatNumber(count, lang)}</strong>
            </Tag>
          ))}
        </Space>
      </section>

      <section aria-labelledby="attention-heading" style={{ marginTop: 24 }}>
        <h2 id="attention-heading" style={{ fontSize: 18 }}>
          {t('overview.needsAttention')}
        </h2>
        <QueryState
          fetching={overviewResult.fetching}
          error={overviewResult.error}
          hasData={!!overview}
          what={t('overview.needsAttention')}
        >
          <List
            bordered
            size="small"
            locale={{ emptyText: t('overview.nothingNeedsAttention') }}
            dataSource={overview?.needsAttention ?? []}
            renderItem={(source) => (
              <List.Item>
                <Space wrap>
                  <HealthTag sourceId={`attention-${source.id}`} health={source.health} />
                  <Link to={`/sources/${encodeURIComponent(source.id)}`}>{source.libraryName}</Link>
                  {source.lastRun && (
                    <Link to={`/runs/${source.lastRun.id}`}>
                      {source.lastRun.errorCode ?? tValue('status', source.lastRun.status)}
                      {source.lastRun.errorMessage ? ` — ${source.lastRun.errorMessage}` : ''}
                    </Link>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </QueryState>
      </section>

      <Suspense fallback={<Loading />}>
        <OverviewCharts />
      </Suspense>

      <section style={{ marginTop: 24 }}>
        <QueryState
          fetching={sourcesResult.fetching}
          error={sourcesResult.error}
          hasData={!!allSources}
          what={t('nav.sources')}
        >
          <SourcesTable sources={sources} caption={t('overview.allSources')} />
        </QueryState>
      </section>
    </>
  );
}
