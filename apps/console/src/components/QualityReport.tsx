import { Button, Descriptions, Progress, Space, Table } from 'antd';
import { useQuery } from 'urql';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatNumber, formatShare } from '../lib/format';
import { QueryState } from './QueryState';

const QUALITY_QUERY = `query ConsoleQuality($id: String!) {
  source(id: $id) {
    id
    qualityReport {
      computedAt runId records
      shares { field share count }
      encodingRepairs { kind count examples { identifier before after } }
      failures { code count identifiers }
      duplicatesInSource sharedWorksShare
    }
  }
}`;

interface Report {
  computedAt: string;
  runId: string | null;
  records: number;
  shares: Array<{ field: string; share: number; count: number }>;
  encodingRepairs: Array<{
    kind: string;
    count: number;
    examples: Array<{ identifier: string; before: string; after: string }>;
  }>;
  failures: Array<{ code: string; count: number; identifiers: string[] }>;
  duplicatesInSource: number;
  sharedWorksShare: number;
}

/** The source's data-quality report (kept current after each run), with its CSV. */
export function QualityReport({ sourceId }: { sourceId: string }) {
  const { t, tValue, lang } = useI18n();
  const [result] = useQuery<{ source: { qualityReport: Report | null } | null }>({
    query: QUALITY_QUERY,
    variables: { id: sourceId },
  });
  const report = result.data?.source?.qualityReport;
  const h3 = (text: string) => <h3 style={{ fontSize: 16, margin: 0 }}>{text}</h3>;
  return (
    <section aria-labelledby="quality-heading" style={{ marginTop: 24 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 id="quality-heading" style={{ fontSize: 18 }}>
          {t('quality.title')}
        </h2>
        <Button href={`/console/api/sources/${encodeURIComponent(sourceId)}/quality.csv`} download>
          {t('quality.csv')}
        </Button>
      </Space>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={!!result.data}
        what={t('quality.title')}
      >
        {!report ? (
          <p>{t('quality.none')}</p>
        ) : (
          <>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('quality.computedAt')}>
                {formatDateTime(report.computedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.records')}>
                {formatNumber(report.records, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.duplicates')}>
                {formatNumber(report.duplicatesInSource, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('quality.shared')}>
                {formatShare(report.sharedWorksShare, lang)}
              </Descriptions.Item>
            </Descriptions>
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="field"
              pagination={false}
              title={() => h3(t('quality.shares'))}
              dataSource={report.shares}
              columns={[
                {
                  title: t('quality.field'),
                  dataIndex: 'field',
                  render: (f: string) => tValue('field', f),
                },
                {
                  title: t('quality.share'),
                  dataIndex: 'share',
                  render: (share: number, row) => (
                    <Progress
                      percent={Math.round(share * 100)}
                      size="small"
                      aria-label={tValue('field', row.field)}
                      format={() => formatShare(share, lang)}
                    />
                  ),
                },
                {
                  title: t('quality.count'),
                  dataIndex: 'count',
                  align: 'right',
                  render: (n: number) => formatNumber(n, lang),
                },
              ]}
            />
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="kind"
              pagination={false}
              title={() => h3(t('quality.encoding'))}
              locale={{ emptyText: t('quality.noRepairs') }}
              dataSource={report.encodingRepairs}
              columns={[
                {
                  title: t('quality.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => tValue('encoding', k),
                },
                {
                  title: t('quality.count'),
                  dataIndex: 'count',
                  align: 'right',
                  render: (n: number) => formatNumber(n, lang),
                },
                {
                  title: t('quality.examples'),
                  dataIndex: 'examples',
                  render: (examples: Report['encodingRepairs'][number]['examples']) => (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {examples.slice(0, 3).map((e) => (
                        <li key={e.identifier + e.before}>
                          <code>{e.identifier}</code>: “{e.before}” → “{e.after}”
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="code"
              pagination={false}
              title={() => h3(t('quality.failures'))}
              locale={{ emptyText: t('quality.noFailures') }}
              dataSource={report.failures}
              columns={[
                { title: t('run.errorCode'), dataIndex: 'code' },
                {
                  title: t('quality.count'),
                  dataIndex: 'count',
                  align: 'right',
                  render: (n: number) => formatNumber(n, lang),
                },
                {
                  title: t('quality.identifiers'),
                  dataIndex: 'identifiers',
                  render: (ids: string[]) => ids.slice(0, 5).join(', '),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
