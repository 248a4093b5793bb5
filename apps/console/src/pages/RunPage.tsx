import { Alert, App, Button, Descriptions, Space, Table } from 'antd';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { NoAccess } from '../components/NoAccess';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { RunStatusTag } from '../components/Tags';
import { useI18n } from '../i18n/i18n';
import { adviceFor } from '../lib/advice';
import {
  formatDateTime,
  formatDuration,
  formatNumber,
  recordsPerSecondOf,
  secondsBetween,
  secondsLeftOf,
  shortRunId,
} from '../lib/format';
import { errorKind, errorText } from '../lib/gql-errors';
import type { RunRow } from '../lib/runs-query';
import { useDurationUnits } from '../lib/use-duration-units';
import { useQueryWithFallback } from '../lib/use-fallback-query';
import { usePolling } from '../lib/use-polling';

interface RunError {
  identifier: string | null;
  code: string;
  message: string;
  at: string;
}

interface FullRun extends RunRow {
  fromDate: string | null;
  untilDate: string | null;
  recordsUnchanged: number;
  recordsDeleted: number;
  requests: number;
  retries: number;
  invalidBytesReplaced: number;
  errorMessage: string | null;
  errors: RunError[];
}

const BASE = `id sourceId status mode trigger fromDate untilDate queuedAt startedAt finishedAt pages
  recordsSeen recordsIndexed recordsUnchanged recordsDeleted recordsFailed requests retries
  invalidBytesReplaced errorCode errorMessage errors { identifier code message at }`;
const RUN_QUERY = `query ConsoleRun($id: ID!) { harvestRun(id: $id) {
  ${BASE} sourceName completeListSize recordsPerSecond estimatedSecondsLeft } }`;
const RUN_QUERY_BASIC = `query ConsoleRunBasic($id: ID!) { harvestRun(id: $id) { ${BASE} } }`;
const CANCEL = `mutation ConsoleCancelRun($id: ID!) { cancelHarvestRun(id: $id) { id status } }`;

export default function RunPage() {
  const { id = '' } = useParams();
  const { t, tValue, lang } = useI18n();
  const units = useDurationUnits();
  const { message } = App.useApp();
  const [result, refetch] = useQueryWithFallback<{ harvestRun: FullRun | null }>(
    RUN_QUERY,
    RUN_QUERY_BASIC,
    { id },
  );
  const [, cancel] = useMutation(CANCEL);
  const run = result.data?.harvestRun;
  const active = run?.status === 'queued' || run?.status === 'running';
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  usePolling(refresh, 2000, active);

  const kind = errorKind(result.error);
  if (kind === 'forbidden' || kind === 'notFound' || (result.data && !run)) return <NoAccess />;

  const onCancel = async () => {
    const answer = await cancel({ id });
    if (answer.error) message.error(errorText(answer.error));
    else message.success(t('run.cancelled'));
  };
  const n = (value: number | null | undefined) => formatNumber(value, lang);
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={!!run}>
      {run && (
        <>
          <PageTitle text={t('run.title', { id: shortRunId(run.id) })} />
          <p>
            <code>{run.id}</code>
          </p>
          <Space wrap style={{ marginBottom: 16 }}>
            <RunStatusTag status={run.status} />
            <Link to={`/sources/${encodeURIComponent(run.sourceId)}`}>
              {run.sourceName ?? run.sourceId}
            </Link>
            {active && (
              <Button danger onClick={() => void onCancel()}>
                {t('run.cancel')}
              </Button>
            )}
          </Space>
          {run.errorCode && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={`${run.errorCode}: ${run.errorMessage ?? ''}`}
              description={adviceFor(run.errorCode, t) ?? undefined}
            />
          )}
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('run.figures')}</h2>}
          >
            <Descriptions.Item label={t('run.mode')}>{tValue('mode', run.mode)}</Descriptions.Item>
            <Descriptions.Item label={t('run.trigger')}>
              {tValue('trigger', run.trigger)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.window')}>
              {formatDateTime(run.fromDate)} → {formatDateTime(run.untilDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.queued')}>
              {formatDateTime(run.queuedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.started')}>
              {formatDateTime(run.startedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.finished')}>
              {formatDateTime(run.finishedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.duration')}>
              {formatDuration(secondsBetween(run.startedAt, run.finishedAt), units, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.pages')}>{n(run.pages)}</Descriptions.Item>
            <Descriptions.Item label={t('run.completeListSize')}>
              {n(run.completeListSize)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.recordsSeen')}>{n(run.recordsSeen)}</Descriptions.Item>
            <Descriptions.Item label={t('run.recordsIndexed')}>
              {n(run.recordsIndexed)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.recordsUnchanged')}>
              {n(run.recordsUnchanged)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.recordsDeleted')}>
              {n(run.recordsDeleted)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.failed')}>{n(run.recordsFailed)}</Descriptions.Item>
            <Descriptions.Item label={t('run.requests')}>{n(run.requests)}</Descriptions.Item>
            <Descriptions.Item label={t('run.retries')}>{n(run.retries)}</Descriptions.Item>
            <Descriptions.Item label={t('run.invalidBytes')}>
              {n(run.invalidBytesReplaced)}
            </Descriptions.Item>
            <Descriptions.Item label={t('run.rate')}>
              {formatNumber(recordsPerSecondOf(run), lang, 1)}
            </Descriptions.Item>
            {active && (
              <Descriptions.Item label={t('run.timeLeft')}>
                {formatDuration(secondsLeftOf(run), units, lang)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<RunError>
            style={{ marginTop: 24 }}
            rowKey={(e) => `${e.at}-${e.code}-${e.identifier ?? ''}`}
            size="small"
            dataSource={run.errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('run.noErrors') }}
            onRow={() => ({ 'data-testid': 'run-error' }) as React.HTMLAttributes<HTMLElement>}
            title={() => <h2 style={{ fontSize: 18, margin: 0 }}>{t('run.errors')}</h2>}
            scroll={{ x: true }}
            columns={[
              {
                title: t('run.identifier'),
                dataIndex: 'identifier',
                render: (v: string | null) => v ?? t('run.wholePage'),
              },
              { title: t('run.errorCode'), dataIndex: 'code' },
              { title: t('run.errorMessage'), dataIndex: 'message' },
              {
                title: t('run.whatToDo'),
                key: 'advice',
                render: (_, e) => adviceFor(e.code, t) ?? t('run.seeMessage'),
              },
              { title: t('run.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}
