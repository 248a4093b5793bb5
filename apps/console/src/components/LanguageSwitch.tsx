import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/** Names the other language in that language (contract: "English" / "Tiếng Việt"). */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <Button aria-label="Ngôn ngữ / Language" onClick={() => setLang(other)}>
      <span lang={other}>{other === 'en' ? 'English' : 'Tiếng Việt'}</span>
    </Button>
  );
}
