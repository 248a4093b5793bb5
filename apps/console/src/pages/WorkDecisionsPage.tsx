import { Table } from 'antd';
import { useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { WorkDecisionsTable } from '../components/WorkDecisionsTable';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { DECISION_FIELDS, type WorkDecision } from '../lib/works-api';

const DECISIONS = `query ConsoleWorkDecisions {
  workDecisions(first: 100) { decisions { ${DECISION_FIELDS} } }
}`;

const UNTRUSTED = `query ConsoleUntrustedIdentifiers {
  untrustedIdentifiers(first: 100) { identifier titles recordIds lastSeen }
}`;

interface UntrustedIdentifier {
  identifier: string;
  titles: string[];
  recordIds: string[];
  lastSeen: string;
}

/** Staff: every split and merge with who, when and why (undo here), and identifiers matching ignores. */
export default function WorkDecisionsPage() {
  const { t } = useI18n();
  const [decisions, refetch] = useQuery<{ workDecisions: { decisions: WorkDecision[] } }>({
    query: DECISIONS,
  });
  const [untrusted] = useQuery<{ untrustedIdentifiers: UntrustedIdentifier[] }>({
    query: UNTRUSTED,
  });
  return (
    <>
      <PageTitle text={t('curation.title')} />
      <QueryState
        fetching={decisions.fetching}
        error={decisions.error}
        hasData={!!decisions.data}
        what={t('curation.title')}
      >
        <WorkDecisionsTable
          decisions={decisions.data?.workDecisions.decisions ?? []}
          caption={t('curation.all')}
          canUndo
          onChanged={() => refetch({ requestPolicy: 'network-only' })}
        />
      </QueryState>
      <h2 style={{ fontSize: 18, marginTop: 24 }}>{t('curation.untrustedTitle')}</h2>
      <p>{t('curation.untrustedIntro')}</p>
      <QueryState
        fetching={untrusted.fetching}
        error={untrusted.error}
        hasData={!!untrusted.data}
        what={t('curation.untrustedTitle')}
      >
        <Table
          rowKey="identifier"
          size="small"
          pagination={false}
          data-testid="untrusted-identifiers"
          dataSource={untrusted.data?.untrustedIdentifiers ?? []}
          locale={{ emptyText: t('curation.untrustedNone') }}
          columns={[
            {
              title: t('curation.identifier'),
              dataIndex: 'identifier',
              render: (v: string) => <code>{v}</code>,
            },
            {
              title: t('curation.titles'),
              dataIndex: 'titles',
              render: (titles: string[]) => titles.map((title) => <div key={title}>{title}</div>),
            },
            {
              title: t('curation.records'),
              dataIndex: 'recordIds',
              render: (ids: string[]) => ids.length,
            },
            {
              title: t('curation.lastSeen'),
              dataIndex: 'lastSeen',
              render: (at: string) => formatDateTime(at),
            },
          ]}
        />
      </QueryState>
    </>
  );
}
