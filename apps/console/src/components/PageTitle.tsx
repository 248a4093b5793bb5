import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The page's one h1 (test hook `page-title`); it also names the browser tab. A plain heading,
 * not antd's Typography, which would bring its editor and tooltip into the first load.
 */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${text} — ${t('app.name')}`;
  }, [text, t]);
  return (
    <h1 data-testid="page-title" style={{ fontSize: 26, fontWeight: 600, margin: '0 0 16px' }}>
      {children ?? text}
    </h1>
  );
}
