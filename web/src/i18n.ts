import { useEffect, useSyncExternalStore } from 'react';
import { en, type MessageKey } from './strings-en';
import { fr } from './strings-fr';

/**
 * French and English: one dictionary per language (`strings-en.ts`, `strings-fr.ts`). The
 * language follows the browser (`fr*` → French) until the person picks one in the switcher,
 * which is remembered in localStorage.
 */

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];
export type { MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, fr };
const storageKey = 'astreinte.language';
const changeEvent = 'astreinte:language';
// The choice, when localStorage refuses to keep it.
let pinned: Language | null = null;

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'en' || value === 'fr' ? value : null;
  } catch {
    // Storage can be disabled (private mode, policies): the browser's language still applies.
    return null;
  }
}

/** The language in force: the person's choice, else the browser's. */
export function currentLanguage(): Language {
  return storedLanguage() ?? (navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en');
}

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered, but still switched for this page.
    pinned = language;
  }
  window.dispatchEvent(new Event(changeEvent));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(changeEvent, onChange);
  // Another tab switching language switches this one too.
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(changeEvent, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** `t('list.showing', { shown: 3, total: 9 })` in the given language; unknown `{names}` stay visible. */
export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, values = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Whether a dictionary has a key built at run time (timeline event types, say). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

// One function per language, so `t` keeps its identity across renders (safe in effect deps).
const translators: Record<Language, Translate> = { en: translator('en'), fr: translator('fr') };

/** The language and its translate function; re-renders when the language changes. */
export function useI18n(): { language: Language; t: Translate } {
  const language = useSyncExternalStore(subscribe, () => pinned ?? currentLanguage());
  useEffect(() => {
    // Screen readers and the browser's hyphenation follow the page's language.
    document.documentElement.lang = language;
  }, [language]);
  return { language, t: translators[language] };
}
