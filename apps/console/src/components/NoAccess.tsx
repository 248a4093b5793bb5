import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from './PageTitle';

/**
 * What a person sees for a page that does not exist or is not theirs: the same words for
 * both, so a partner learns nothing about another partner's sources by trying addresses.
 */
export function NoAccess() {
  const { t } = useI18n();
  return (
    <div style={{ padding: '48px 0', textAlign: 'center' }}>
      <PageTitle text={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('notFound.back')}</Link>
    </div>
  );
}
