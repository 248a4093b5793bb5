import { App, Button, Form, Input, List, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { NoAccess } from '../components/NoAccess';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { ReasonDialog } from '../components/ReasonDialog';
import { WorkDecisionsTable } from '../components/WorkDecisionsTable';
import { MEMBER_FIELDS, WorkMemberCard, type WorkMember } from '../components/WorkMemberCard';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../lib/gql-errors';
import { useSession } from '../lib/session';
import { DECISION_FIELDS, MERGE, SPLIT, WORK_OF_RECORD, type WorkDecision } from '../lib/works-api';

// Decisions are for staff only: a partner's page does not ask for them.
const CLUSTER = `query ConsoleWork($id: String!, $staff: Boolean!) {
  cluster(id: $id) {
    id
    members { ${MEMBER_FIELDS} }
    decisions @include(if: $staff) { ${DECISION_FIELDS} }
  }
}`;

interface ClusterData {
  cluster: { id: string; members: WorkMember[]; decisions?: WorkDecision[] } | null;
}

type Dialog = { kind: 'split'; recordId: string } | { kind: 'merge' } | null;

/** One work: its records, who holds them, why each is there; staff split and merge with a reason. */
export default function WorkPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { isStaff } = useSession();
  const [result, refetch] = useQuery<ClusterData>({
    query: CLUSTER,
    variables: { id, staff: isStaff },
  });
  const cluster = result.data?.cluster;
  const [dialog, setDialog] = useState<Dialog>(null);
  const decide = useDecision(() => refetch({ requestPolicy: 'network-only' }));
  if (result.data && !cluster) return <NoAccess />;
  const members = cluster?.members ?? [];
  return (
    <QueryState fetching={result.fetching} error={result.error} hasData={!!cluster}>
      {cluster && (
        <>
          <PageTitle text={members[0]?.record.title ?? t('work.title')} />
          <Space style={{ marginBottom: 8 }} wrap>
            <code data-testid="work-id">{cluster.id}</code>
            {isStaff && (
              <Button onClick={() => setDialog({ kind: 'merge' })} data-testid="merge-open">
                {t('curation.mergeAction')}
              </Button>
            )}
          </Space>
          <h2 style={{ fontSize: 18, marginTop: 16 }}>
            {t('work.records', { count: members.length })}
          </h2>
          <List
            grid={{ gutter: 16, xs: 1, lg: 2 }}
            dataSource={members}
            renderItem={(member) => (
              <List.Item>
                <WorkMemberCard
                  member={member}
                  onSplit={
                    isStaff && members.length > 1
                      ? () => setDialog({ kind: 'split', recordId: member.record.id })
                      : undefined
                  }
                />
              </List.Item>
            )}
          />
          {cluster.decisions && (
            <>
              <h2 style={{ fontSize: 18, marginTop: 24 }}>{t('curation.title')}</h2>
              <WorkDecisionsTable
                decisions={cluster.decisions}
                caption={t('curation.ofThisWork')}
                canUndo
                onChanged={() => refetch({ requestPolicy: 'network-only' })}
              />
            </>
          )}
          <ReasonDialog
            open={dialog?.kind === 'split'}
            title={t('curation.splitTitle')}
            explanation={t('curation.splitExplain')}
            okText={t('curation.splitAction')}
            busy={decide.busy}
            testId="split-dialog"
            onCancel={() => setDialog(null)}
            onSubmit={({ reason }) => {
              if (dialog?.kind !== 'split') return;
              const stays = members.find((m) => m.record.id !== dialog.recordId)?.record.id;
              void decide.split(dialog.recordId, reason, stays).then((ok) => ok && setDialog(null));
            }}
          />
          <ReasonDialog
            open={dialog?.kind === 'merge'}
            title={t('curation.mergeTitle')}
            explanation={t('curation.mergeExplain')}
            okText={t('curation.mergeAction')}
            busy={decide.busy}
            testId="merge-dialog"
            extraField={
              <Form.Item
                name="otherWorkId"
                label={t('curation.otherWork')}
                rules={[
                  { required: true, whitespace: true, message: t('curation.otherWorkRequired') },
                ]}
              >
                <Input data-testid="merge-dialog-other" />
              </Form.Item>
            }
            onCancel={() => setDialog(null)}
            onSubmit={({ reason, otherWorkId }) => {
              const anyMember = members[0]?.record.id;
              void decide
                .merge([cluster.id, (otherWorkId ?? '').trim()], reason, anyMember)
                .then((ok) => ok && setDialog(null));
            }}
          />
        </>
      )}
    </QueryState>
  );
}

/**
 * Split and merge, then open the work the kept record belongs to now: a work's id follows its
 * members, so after a decision the page's own id may name no work any more.
 */
function useDecision(refresh: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useClient();
  const navigate = useNavigate();
  const [splitState, split] = useMutation(SPLIT);
  const [mergeState, merge] = useMutation(MERGE);
  const follow = async (recordId: string | undefined) => {
    if (!recordId) return refresh();
    const found = await client
      .query<{ record: { work: { id: string } } | null }>(
        WORK_OF_RECORD,
        { id: recordId },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    const workId = found.data?.record?.work.id;
    if (workId) navigate(`/works/${encodeURIComponent(workId)}`);
    refresh();
  };
  /** True when the decision was taken; an error stays on screen with the dialog open. */
  const done = async (error: Parameters<typeof errorText>[0] | undefined, kept?: string) => {
    if (error) {
      message.error(errorText(error));
      return false;
    }
    message.success(t('curation.saved'));
    await follow(kept);
    return true;
  };
  return {
    busy: splitState.fetching || mergeState.fetching,
    split: async (recordId: string, reason: string, kept: string | undefined) =>
      done((await split({ recordId, reason })).error, kept),
    merge: async (workIds: string[], reason: string, kept: string | undefined) =>
      done((await merge({ workIds, reason })).error, kept),
  };
}
