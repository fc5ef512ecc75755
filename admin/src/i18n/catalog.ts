import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { app } from './app';
import { raHindi } from './raHindi';
import { raVietnamese } from './raVietnamese';

export type Locale = 'en' | 'hi' | 'vi';

/** Messages by dotted path: `{ resources: { members: { name: 'Member |||| Members' } } }`. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** One part of the console's messages (a resource's, the dashboard's) in every language. */
export type Messages = Record<Locale, MessageTree>;

function merge(into: MessageTree, part: MessageTree): MessageTree {
  for (const [key, value] of Object.entries(part)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

const base = { en: englishMessages, hi: raHindi, vi: raVietnamese } as unknown as Messages;

/** The whole message catalogue per language: react-admin's, the app's, then every part merged in. */
export function buildMessages(parts: Messages[]): Record<Locale, TranslationMessages> {
  const build = (locale: Locale) =>
    [base, app, ...parts].reduce((messages, part) => merge(messages, part[locale]), {} as MessageTree) as TranslationMessages;
  return { en: build('en'), hi: build('hi'), vi: build('vi') };
}
