import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatDay, formatNumber, type Lang } from '../lib/format';
import { Chart } from './Chart';
import { QueryState } from './QueryState';

const STATS_QUERY = `query ConsoleHarvestStats($days: Int) {
  harvestStats(days: $days) {
    recordsPerDay { day records }
    runDurations { runId sourceId finishedAt seconds status }
    failuresByCode { code count }
    recordsPerProvince { province records sources }
  }
}`;

interface Stats {
  recordsPerDay: Array<{ day: string; records: number }>;
  runDurations: Array<{
    runId: string;
    sourceId: string;
    finishedAt: string;
    seconds: number;
    status: string;
  }>;
  failuresByCode: Array<{ code: string; count: number }>;
  recordsPerProvince: Array<{ province: string; records: number; sources: number }>;
}

const BLUE = '#0b5cad';
const RED = '#b3261e';

function numberAxis(lang: Lang) {
  // Counts and whole seconds: no 0,5 ticks.
  return {
    type: 'value',
    minInterval: 1,
    axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
  };
}

function bars(
  labels: string[],
  values: number[],
  lang: Lang,
  colour = BLUE,
  horizontal = false,
): EChartsCoreOption {
  const category = { type: 'category', data: labels, axisLabel: { hideOverlap: true } };
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v, lang) },
    xAxis: horizontal ? numberAxis(lang) : category,
    yAxis: horizontal ? { ...category, inverse: true } : numberAxis(lang),
    series: [{ type: 'bar', data: values, itemStyle: { color: colour } }],
  };
}

/** The four charts of the overview, from harvestStats (last 30 days). */
export default function OverviewCharts() {
  const { t, lang } = useI18n();
  const [result] = useQuery<{ harvestStats: Stats }>({
    query: STATS_QUERY,
    variables: { days: 30 },
  });
  const stats = result.data?.harvestStats;
  const options = useMemo(() => {
    if (!stats) return null;
    const provinces = [...stats.recordsPerProvince].sort((a, b) => b.records - a.records);
    return {
      perDay: bars(
        stats.recordsPerDay.map((d) => formatDay(d.day)),
        stats.recordsPerDay.map((d) => d.records),
        lang,
      ),
      durations: {
        ...bars(
          stats.runDurations.map((r) => `${r.sourceId} · ${formatDateTime(r.finishedAt)}`),
          stats.runDurations.map((r) => Math.round(r.seconds)),
          lang,
        ),
        xAxis: {
          type: 'category',
          data: stats.runDurations.map((r) => formatDateTime(r.finishedAt)),
          axisLabel: { show: false },
        },
      },
      failures: bars(
        stats.failuresByCode.map((f) => f.code),
        stats.failuresByCode.map((f) => f.count),
        lang,
        RED,
        true,
      ),
      provinces: bars(
        provinces.map((p) => p.province),
        provinces.map((p) => p.records),
        lang,
        BLUE,
        true,
      ),
    };
  }, [stats, lang]);
  const charts = [
    ['chart.recordsPerDay', options?.perDay],
    ['chart.runDurations', options?.durations],
    ['chart.failuresByCode', options?.failures],
    ['chart.recordsPerProvince', options?.provinces],
  ] as const;
  return (
    <section aria-labelledby="charts-heading" style={{ marginTop: 24 }}>
      <h2 id="charts-heading" style={{ fontSize: 18 }}>
        {t('overview.charts')}
      </h2>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={!!stats}
        what={t('overview.charts')}
      >
        <Row gutter={[16, 16]}>
          {charts.map(([key, option]) => (
            <Col xs={24} lg={12} key={key}>
              <Card size="small" title={<h3 style={{ fontSize: 15, margin: 0 }}>{t(key)}</h3>}>
                {option && <Chart option={option} label={t(key)} />}
              </Card>
            </Col>
          ))}
        </Row>
      </QueryState>
    </section>
  );
}
