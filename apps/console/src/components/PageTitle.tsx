import { Typography } from 'antd';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** The page's one h1 (test hook `page-title`); it also names the browser tab. */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${text} — ${t('app.name')}`;
  }, [text, t]);
  return (
    <Typography.Title level={1} data-testid="page-title" style={{ fontSize: 26, marginTop: 0 }}>
      {children ?? text}
    </Typography.Title>
  );
}
