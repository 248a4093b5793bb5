import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatNumber } from '../lib/format';
import type { SourceRow } from '../lib/sources-query';
import { HealthTag, RunStatusTag } from './Tags';

/** Every source with its health at a glance; the name opens its page. */
export function SourcesTable({ sources, caption }: { sources: SourceRow[]; caption: string }) {
  const { t, tValue, lang } = useI18n();
  const columns: ColumnsType<SourceRow> = [
    {
      title: t('source.library'),
      dataIndex: 'libraryName',
      sorter: (a, b) => a.libraryName.localeCompare(b.libraryName, 'vi'),
      render: (_, source) => (
        <Link to={`/sources/${encodeURIComponent(source.id)}`}>{source.libraryName}</Link>
      ),
    },
    {
      title: t('source.kind'),
      dataIndex: 'libraryKind',
      render: (kind: string) => tValue('kind', kind),
    },
    { title: t('source.province'), dataIndex: 'province', render: (p: string | null) => p ?? '—' },
    {
      title: t('source.health'),
      dataIndex: 'health',
      render: (_, source) => <HealthTag sourceId={source.id} health={source.health} />,
    },
    {
      title: t('source.records'),
      dataIndex: 'recordCount',
      align: 'right',
      sorter: (a, b) => (a.recordCount ?? 0) - (b.recordCount ?? 0),
      render: (n: number | null) => formatNumber(n, lang),
    },
    {
      title: t('source.lastRun'),
      dataIndex: 'lastRun',
      render: (_, source) =>
        source.lastRun ? (
          <Link to={`/runs/${source.lastRun.id}`}>
            <RunStatusTag status={source.lastRun.status} />{' '}
            {formatDateTime(source.lastRun.finishedAt)}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('source.lastSuccess'),
      dataIndex: 'lastSuccessAt',
      render: (at?: string | null) => formatDateTime(at),
    },
  ];
  return (
    <Table<SourceRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sources}
      pagination={{ pageSize: 25, hideOnSinglePage: true }}
      title={() => <h2 style={{ fontSize: 18, margin: 0 }}>{caption}</h2>}
      scroll={{ x: true }}
    />
  );
}
