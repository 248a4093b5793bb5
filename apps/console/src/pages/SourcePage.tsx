import { Alert } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/i18n';

export default function SourcePage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle text={t('source.title')} />
      <Alert type="info" showIcon message={t('state.notAvailable')} />
    </>
  );
}
