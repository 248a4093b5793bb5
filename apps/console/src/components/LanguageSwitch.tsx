import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/**
 * Names the other language in that language (contract: "English" / "Tiếng Việt"). The
 * accessible name starts with the visible word, so "English" finds it as "Ngôn ngữ /
 * Language" does.
 */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  const label = other === 'en' ? 'English' : 'Tiếng Việt';
  return (
    <Button aria-label={`${label} — Ngôn ngữ / Language`} onClick={() => setLang(other)}>
      <span lang={other}>{label}</span>
    </Button>
  );
}
