import { Alert } from 'antd';
import { PageTitle } from '../components/PageTitle';
import { useI18n } from '../i18n/i18n';

export default function PeoplePage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle text={t('people.title')} />
      <Alert type="info" showIcon message={t('state.notAvailable')} />
    </>
  );
}
