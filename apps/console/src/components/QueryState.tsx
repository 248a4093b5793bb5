import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n } from '../i18n/i18n';
import { errorKind, errorText } from '../lib/gql-errors';

interface Props {
  fetching: boolean;
  error?: CombinedError;
  hasData: boolean;
  /** What the panel is, for the "not available" sentence. */
  what?: string;
  children: ReactNode;
}

/** Loading, "not available yet", an error in plain words, or the content: the same on every panel. */
export function QueryState({ fetching, error, hasData, what, children }: Props) {
  const { t } = useI18n();
  const kind = errorKind(error);
  if (kind === 'notAvailable')
    return (
      <Alert
        type="info"
        showIcon
        message={t('state.notAvailable')}
        description={what ? t('state.notAvailableWhat', { what }) : undefined}
      />
    );
  if (error && !hasData)
    return (
      <Alert
        type="error"
        showIcon
        message={t(kind === 'forbidden' ? 'state.forbidden' : 'state.error')}
        description={errorText(error)}
      />
    );
  if (fetching && !hasData)
    return (
      <div style={{ padding: 24, textAlign: 'center' }}>
        <Spin aria-label={t('state.loading')} />
      </div>
    );
  return <>{children}</>;
}
