import { Progress, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import {
  formatDateTime,
  formatDuration,
  formatNumber,
  percentDone,
  recordsPerSecondOf,
  secondsLeftOf,
  shortRunId,
} from '../lib/format';
import type { RunRow } from '../lib/runs-query';
import { useDurationUnits } from '../lib/use-duration-units';
import { RunStatusTag } from './Tags';

interface Props {
  runs: RunRow[];
  caption: string;
  /** The live list shows progress columns; the history shows when runs ended. */
  live?: boolean;
  emptyText: string;
}

export function RunsTable({ runs, caption, live = false, emptyText }: Props) {
  const { t, tValue, lang } = useI18n();
  const units = useDurationUnits();
  const now = new Date();
  const columns: ColumnsType<RunRow> = [
    {
      title: t('run.run'),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/runs/${id}`} title={id}>
          #{shortRunId(id)}
        </Link>
      ),
    },
    {
      title: t('run.source'),
      dataIndex: 'sourceId',
      render: (_, run) => (
        <Link to={`/sources/${encodeURIComponent(run.sourceId)}`}>
          {run.sourceName ?? run.sourceId}
        </Link>
      ),
    },
    {
      title: t('run.status'),
      dataIndex: 'status',
      render: (s: string) => <RunStatusTag status={s} />,
    },
    { title: t('run.mode'), dataIndex: 'mode', render: (m: string) => tValue('mode', m) },
    {
      title: t('run.pages'),
      dataIndex: 'pages',
      align: 'right',
      render: (n: number) => formatNumber(n, lang),
    },
    {
      title: t('run.records'),
      dataIndex: 'recordsSeen',
      align: 'right',
      render: (n: number, run) =>
        run.completeListSize
          ? `${formatNumber(n, lang)} / ${formatNumber(run.completeListSize, lang)}`
          : formatNumber(n, lang),
    },
    {
      title: t('run.failed'),
      dataIndex: 'recordsFailed',
      align: 'right',
      render: (n: number) => formatNumber(n, lang),
    },
  ];
  const liveColumns: ColumnsType<RunRow> = [
    {
      title: t('run.rate'),
      key: 'rate',
      align: 'right',
      render: (_, run) => formatNumber(recordsPerSecondOf(run, now), lang, 1),
    },
    {
      title: t('run.progress'),
      key: 'progress',
      render: (_, run) => {
        const percent = percentDone(run);
        return percent === null ? (
          '—'
        ) : (
          <Progress percent={percent} size="small" aria-label={t('run.progress')} />
        );
      },
    },
    {
      title: t('run.timeLeft'),
      key: 'left',
      render: (_, run) => {
        const left = secondsLeftOf(run, now);
        return left === null ? t('run.timeLeftUnknown') : formatDuration(left, units, lang);
      },
    },
    {
      title: t('run.started'),
      dataIndex: 'startedAt',
      render: (at: string | null) => formatDateTime(at),
    },
  ];
  const historyColumns: ColumnsType<RunRow> = [
    {
      title: t('run.finished'),
      dataIndex: 'finishedAt',
      render: (at: string | null) => formatDateTime(at),
    },
    { title: t('run.errorCode'), dataIndex: 'errorCode', render: (c: string | null) => c ?? '—' },
  ];
  return (
    <Table<RunRow>
      rowKey="id"
      size="small"
      columns={[...columns, ...(live ? liveColumns : historyColumns)]}
      dataSource={runs}
      pagination={false}
      locale={{ emptyText }}
      onRow={(run) => ({ 'data-testid': `run-${run.id}` }) as React.HTMLAttributes<HTMLElement>}
      title={() => <h2 style={{ fontSize: 18, margin: 0 }}>{caption}</h2>}
      scroll={{ x: true }}
    />
  );
}
