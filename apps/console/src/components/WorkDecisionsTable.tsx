import { App, Button, Popconfirm, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation } from 'urql';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { errorText } from '../lib/gql-errors';
import { UNDO, type WorkDecision } from '../lib/works-api';
import { DecisionKindTag } from './Tags';

interface Props {
  decisions: WorkDecision[];
  caption: string;
  /** Staff may undo a decision that still holds. */
  canUndo: boolean;
  onChanged: () => void;
}

/** Curators' decisions with who, when and why; an undone one stays listed, marked as undone. */
export function WorkDecisionsTable({ decisions, caption, canUndo, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [undoing, undo] = useMutation(UNDO);
  const undoOne = async (id: string) => {
    const answer = await undo({ id });
    if (answer.error) message.error(errorText(answer.error));
    else message.success(t('curation.undone'));
    onChanged();
  };
  const columns: ColumnsType<WorkDecision> = [
    {
      title: t('curation.kind'),
      dataIndex: 'kind',
      render: (kind: WorkDecision['kind']) => (
        <DecisionKindTag
          kind={kind}
          label={t(kind === 'SPLIT' ? 'curation.split' : 'curation.merge')}
        />
      ),
    },
    {
      title: t('curation.records'),
      dataIndex: 'recordIds',
      render: (ids: string[]) =>
        ids.map((id) => (
          <div key={id}>
            <code>{id}</code>
          </div>
        )),
    },
    { title: t('curation.reason'), dataIndex: 'reason' },
    { title: t('curation.decidedBy'), dataIndex: 'decidedBy' },
    {
      title: t('curation.decidedAt'),
      dataIndex: 'decidedAt',
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('curation.state'),
      key: 'state',
      render: (_, decision) =>
        decision.undoneAt ? (
          <span>
            {t('curation.undoneBy', {
              who: decision.undoneBy ?? '—',
              at: formatDateTime(decision.undoneAt),
            })}
          </span>
        ) : canUndo ? (
          <Popconfirm
            title={t('curation.undoConfirm')}
            okText={t('curation.undo')}
            cancelText={t('common.cancel')}
            onConfirm={() => void undoOne(decision.id)}
          >
            <Button size="small" loading={undoing.fetching} data-testid={`undo-${decision.id}`}>
              {t('curation.undo')}
            </Button>
          </Popconfirm>
        ) : (
          <span>{t('curation.inForce')}</span>
        ),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={decisions}
      pagination={false}
      caption={caption}
      locale={{ emptyText: t('curation.none') }}
      data-testid="work-decisions"
    />
  );
}
