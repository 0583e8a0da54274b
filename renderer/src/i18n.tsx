/**
 * The UI language, shared by every component. It follows the settings (read once at start, then from every
 * state change and every save); <html lang> follows it so screen readers pronounce the text correctly.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { t, tn, type Lang, type MessageKey, type Params, type PluralKey } from '../../shared/i18n';
import { describeError } from './errors';

export interface Translator {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  tn: (key: PluralKey, count: number, params?: Params) => string;
  /** A rejected bridge call as a sentence in this language (or the core's own sentence). */
  error: (error: unknown) => string;
}

interface LanguageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LanguageContext = createContext<LanguageState>({ lang: 'fr', setLang: () => undefined });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>('fr');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useSetLanguage(): (lang: Lang) => void {
  return useContext(LanguageContext).setLang;
}

export function useT(): Translator {
  const { lang } = useContext(LanguageContext);
  return useMemo<Translator>(
    () => ({
      lang,
      t: (key, params) => t(lang, key, params),
      tn: (key, count, params) => tn(lang, key, count, params),
      error: (error) => {
        const d = describeError(error);
        if (d.kind === 'bridge-missing') return t(lang, 'error.bridgeMissing');
        return d.kind === 'message' ? d.text : t(lang, 'error.generic');
      },
    }),
    [lang],
  );
}
