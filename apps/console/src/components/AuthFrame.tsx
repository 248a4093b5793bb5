import { Card, Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { PageTitle } from './PageTitle';

/** Sign-in and password pages: no navigation, the language switch still one click away. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', paddingTop: '8vh' }}>
      <Layout.Content style={{ width: 'min(440px, 94vw)' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <span style={{ fontSize: 18, fontWeight: 600 }}>
            {t('app.name')} · {t('app.console')}
          </span>
          <LanguageSwitch />
        </Space>
        <Card>
          <PageTitle text={title} />
          {children}
        </Card>
      </Layout.Content>
    </Layout>
  );
}
