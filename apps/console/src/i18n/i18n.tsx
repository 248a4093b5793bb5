import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Lang } from '../lib/format';
import { en } from './en';
import { interpolate, type Params } from './interpolate';
import { vi, type MessageKey } from './vi';

export type { MessageKey };

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { vi, en };
/** The contract's key: the browser tests and returning visitors rely on it. */
export const LANGUAGE_STORAGE_KEY = 'hopluu.lang';

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** A message for a value the API sends (a status, a code): its key if the catalogue has one. */
  tValue: (prefix: string, value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // A browser refusing storage keeps the choice for this visit only.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const catalogue = CATALOGUES[lang];
    const t: Translate = (key, params) => interpolate(catalogue[key], params);
    const tValue = (prefix: string, raw: string | null | undefined) => {
      if (raw === null || raw === undefined || raw === '') return '—';
      const key = `${prefix}.${raw}`;
      return isMessageKey(key) ? catalogue[key] : raw;
    };
    return { lang, setLang, t, tValue };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
