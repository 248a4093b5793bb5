import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n';

/** Darker than antd's defaults, so white-on-colour text keeps a 4.5:1 contrast. */
const HEALTH_COLOURS: Record<string, string> = {
  OK: '#1f7a1f',
  DEGRADED: '#8a5a00',
  FAILING: '#b3261e',
  STALE: '#6b4fa0',
  DISABLED: '#595959',
  NEVER_HARVESTED: '#3b5b8a',
};

const STATUS_COLOURS: Record<string, string> = {
  queued: '#3b5b8a',
  running: '#0b6aa2',
  succeeded: '#1f7a1f',
  partial: '#8a5a00',
  failed: '#b3261e',
  cancelled: '#595959',
};

export function HealthTag({ sourceId, health }: { sourceId: string; health: string }) {
  const { tValue } = useI18n();
  return (
    <Tag color={HEALTH_COLOURS[health] ?? '#595959'} data-testid={`health-${sourceId}`}>
      {tValue('health', health)}
    </Tag>
  );
}

export function RunStatusTag({ status }: { status: string }) {
  const { tValue } = useI18n();
  return <Tag color={STATUS_COLOURS[status] ?? '#595959'}>{tValue('status', status)}</Tag>;
}

/** A curator's decision: split or merge (the same contrast rule). */
export function DecisionKindTag({ kind, label }: { kind: 'SPLIT' | 'MERGE'; label: string }) {
  return <Tag color={kind === 'SPLIT' ? '#8a5a00' : '#3b5b8a'}>{label}</Tag>;
}

export const HEALTHS = ['OK', 'DEGRADED', 'FAILING', 'STALE', 'DISABLED', 'NEVER_HARVESTED'];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled'];
