import { App, Button, Dropdown, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../i18n/i18n';
import { formatNumber } from '../lib/format';
import { errorKind, errorText } from '../lib/gql-errors';
import { EditSourceForm, type EditableSource } from './EditSourceForm';

const TRIGGER = `mutation ConsoleTrigger($id: String!, $mode: HarvestMode!) {
  triggerHarvest(sourceId: $id, mode: $mode) { id status }
}`;
const CANCEL = `mutation ConsoleCancel($id: ID!) { cancelHarvestRun(id: $id) { id status } }`;
const ENABLE = `mutation ConsoleEnable($id: String!, $enabled: Boolean!) {
  setSourceEnabled(id: $id, enabled: $enabled) { id enabled health }
}`;
const DELETE = `mutation ConsoleDelete($id: String!) { deleteSource(id: $id) }`;
const SUMMARY = `query ConsoleDeletionSummary($id: String!) {
  sourceDeletionSummary(id: $id) { sourceId records runs works }
}`;

interface Props {
  source: EditableSource & { enabled: boolean };
  activeRunId: string | null;
  onChanged: () => void;
}

/** Harvest now, cancel, switch on/off, edit, delete: what a source's manager may do. */
export function SourceActions({ source, activeRunId, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [, trigger] = useMutation(TRIGGER);
  const [, cancel] = useMutation(CANCEL);
  const [, enable] = useMutation(ENABLE);
  const [, remove] = useMutation(DELETE);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [summary] = useQuery<{
    sourceDeletionSummary: { records: number; runs: number; works: number };
  }>({ query: SUMMARY, variables: { id: source.id }, pause: !deleting });

  const report = (error: Parameters<typeof errorText>[0] | undefined, done: string) => {
    if (error) message.error(errorText(error));
    else message.success(done);
  };
  const harvest = async (mode: 'INCREMENTAL' | 'FULL') => {
    const answer = await trigger({ id: source.id, mode });
    report(answer.error, t('actions.queued'));
    const runId = (answer.data as { triggerHarvest?: { id: string } } | undefined)?.triggerHarvest
      ?.id;
    if (runId) navigate(`/runs/${runId}`);
  };
  const toggle = async () => {
    const answer = await enable({ id: source.id, enabled: !source.enabled });
    report(answer.error, source.enabled ? t('actions.disabled') : t('actions.enabled'));
    onChanged();
  };
  const confirmDelete = async () => {
    const answer = await remove({ id: source.id });
    report(answer.error, t('actions.deleted'));
    if (!answer.error) navigate('/sources');
  };
  const counts = summary.data?.sourceDeletionSummary;
  const summaryText = counts
    ? t('actions.deleteSummary', {
        name: source.libraryName,
        records: formatNumber(counts.records, lang),
        works: formatNumber(counts.works, lang),
        runs: formatNumber(counts.runs, lang),
      })
    : errorKind(summary.error) === 'notAvailable' || summary.error
      ? t('actions.deleteSummaryUnknown', { name: source.libraryName })
      : t('state.loading');

  return (
    <Space wrap>
      <Dropdown.Button
        type="primary"
        onClick={() => void harvest('INCREMENTAL')}
        menu={{
          items: [{ key: 'FULL', label: t('actions.harvestFull') }],
          onClick: () => void harvest('FULL'),
        }}
        buttonsRender={([left, right]) => [
          left,
          <span key="more" aria-label={t('actions.harvestMore')}>
            {right}
          </span>,
        ]}
      >
        {t('actions.harvestNow')}
      </Dropdown.Button>
      {activeRunId && (
        <Button
          danger
          onClick={() =>
            void cancel({ id: activeRunId }).then((a) => {
              report(a.error, t('run.cancelled'));
              onChanged();
            })
          }
        >
          {t('run.cancel')}
        </Button>
      )}
      <Button onClick={() => void toggle()}>
        {source.enabled ? t('actions.disable') : t('actions.enable')}
      </Button>
      <Button onClick={() => setEditing(true)}>{t('actions.edit')}</Button>
      <Button danger onClick={() => setDeleting(true)}>
        {t('actions.delete')}
      </Button>
      <EditSourceForm
        open={editing}
        source={source}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
      />
      <Modal
        open={deleting}
        title={t('actions.deleteTitle', { name: source.libraryName })}
        okText={t('actions.deleteConfirm')}
        okButtonProps={{ danger: true, disabled: summary.fetching }}
        cancelText={t('actions.keep')}
        onOk={() => void confirmDelete()}
        onCancel={() => setDeleting(false)}
      >
        <p>{summaryText}</p>
      </Modal>
    </Space>
  );
}
