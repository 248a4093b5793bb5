import { Card, List, Spin, Tag } from 'antd';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';

export interface EndpointCheck {
  steps: Array<{ step: string; ok: boolean; message: string; details: string | null }>;
  identify: {
    repositoryName: string | null;
    granularity: string | null;
    deletedRecord: string | null;
    earliestDatestamp: string | null;
    adminEmail: string | null;
  } | null;
  formats: string[];
  suggestedMetadataPrefix: string | null;
  preview: PreviewRecord[];
}

export interface PreviewRecord {
  identifier: string;
  title: string | null;
  creators: string[];
  year: number | null;
  type: string | null;
  language: string | null;
  warnings: Array<{ code: string; message: string }>;
}

const STEPS = ['ADDRESS', 'IDENTIFY', 'FORMAT', 'PREVIEW'];

/**
 * The endpoint check, one line per step in plain words; while the check runs every step
 * waits, and a step the check never reached (after a failure) says so.
 */
export function CheckSteps({ check }: { check: EndpointCheck | null }) {
  const { t, tValue } = useI18n();
  const byStep = new Map(check?.steps.map((s) => [s.step, s]));
  const failedAt = check?.steps.findIndex((s) => !s.ok) ?? -1;
  const identify = check?.identify;
  return (
    <Card
      style={{ marginTop: 16 }}
      title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('register.steps')}</h2>}
    >
      <List
        aria-live="polite"
        dataSource={STEPS}
        renderItem={(step, index) => {
          const result = byStep.get(step);
          const state = !check ? 'waiting' : result ? (result.ok ? 'ok' : 'failed') : 'skipped';
          return (
            <List.Item data-testid={`step-${step}`} data-state={state}>
              <List.Item.Meta
                avatar={
                  state === 'waiting' ? (
                    <Spin size="small" aria-label={t('register.stepWaiting')} />
                  ) : (
                    <Tag
                      color={
                        state === 'ok' ? '#1f7a1f' : state === 'failed' ? '#b3261e' : '#595959'
                      }
                    >
                      {t(`register.state.${state}` as 'register.state.ok')}
                    </Tag>
                  )
                }
                title={`${index + 1}. ${tValue('register.step', step)}`}
                description={
                  result ? (
                    <>
                      <div>{result.message}</div>
                      {result.details && (
                        <div style={{ color: 'rgba(0,0,0,0.65)' }}>{result.details}</div>
                      )}
                    </>
                  ) : state === 'skipped' && failedAt >= 0 ? (
                    t('register.stepSkipped')
                  ) : (
                    t('register.stepWaiting')
                  )
                }
              />
            </List.Item>
          );
        }}
      />
      {identify && (
        <dl
          style={{
            display: 'grid',
            gridTemplateColumns: 'max-content 1fr',
            gap: '4px 16px',
            margin: '8px 0 0',
          }}
        >
          <dt>{t('identify.repositoryName')}</dt>
          <dd style={{ margin: 0 }}>{identify.repositoryName ?? '—'}</dd>
          <dt>{t('identify.granularity')}</dt>
          <dd style={{ margin: 0 }}>{identify.granularity ?? '—'}</dd>
          <dt>{t('identify.deletedRecord')}</dt>
          <dd style={{ margin: 0 }}>{tValue('deleted', identify.deletedRecord)}</dd>
          <dt>{t('identify.earliestDatestamp')}</dt>
          <dd style={{ margin: 0 }}>{formatDateTime(identify.earliestDatestamp)}</dd>
          <dt>{t('identify.adminEmail')}</dt>
          <dd style={{ margin: 0 }}>{identify.adminEmail ?? '—'}</dd>
          <dt>{t('identify.formats')}</dt>
          <dd style={{ margin: 0 }}>{check?.formats.join(', ') || '—'}</dd>
        </dl>
      )}
    </Card>
  );
}
