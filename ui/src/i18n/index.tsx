import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import type { Lang } from "../lib/format";
import { setFileDialogs } from "../api/dialogLabels";
import { en } from "./en";
import { fr, type Messages } from "./fr";

export type { Lang } from "../lib/format";
export type { Messages } from "./fr";

const STORAGE_KEY = "tisserand.lang";
const DICTIONARIES: Record<Lang, Messages> = { fr, en };

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

type I18n = { lang: Lang; t: Messages; setLang: (lang: Lang) => void };

const I18nContext = createContext<I18n>({ lang: "fr", t: fr, setLang: () => undefined });

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A private or full storage only loses the preference.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => {
    // The shell's file dialogs speak the window's language (set before any click can open one).
    setFileDialogs(DICTIONARIES[lang].fileDialogs);
    return { lang, t: DICTIONARIES[lang], setLang };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
