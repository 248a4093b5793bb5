import { Alert } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/i18n';

export default function WorksPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle text={t('works.title')} />
      <Alert type="info" showIcon message={t('state.notAvailable')} />
    </>
  );
}
