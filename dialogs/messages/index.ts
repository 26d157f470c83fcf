import { render, type Locale, type Params, type Template } from './catalog';
import { accountMessages } from './account.messages';
import { complaintsMessages } from './complaints.messages';
import { coreMessages } from './core.messages';
import { guidanceMessages } from './guidance.messages';
import { handoffMessages } from './handoff.messages';
import { identityMessages } from './identity.messages';
import { planMessages } from './plans.messages';

export { LOCALES, type Locale, isLocale } from './catalog';

/** All areas' messages, merged. Add an area: import its table and list it here. */
export const ALL_MESSAGES = [coreMessages, identityMessages, accountMessages, handoffMessages, guidanceMessages, complaintsMessages, planMessages] as const;

type KeysOf<T> = T extends { 'zh-CN': infer R } ? keyof R & string : never;
export type MessageKey = KeysOf<(typeof ALL_MESSAGES)[number]>;

const merged: Record<Locale, Record<string, Template>> = { 'zh-CN': {}, 'zh-TW': {}, en: {} };
for (const table of ALL_MESSAGES) {
  for (const locale of Object.keys(merged) as Locale[]) {
    for (const [key, template] of Object.entries(table[locale])) {
      if (key in merged[locale]) throw new Error(`duplicate message key ${key}`);
      merged[locale][key] = template;
    }
  }
}

/** The text of `key` in `locale`, with `{name}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return render(merged[locale][key], params);
}

/** Every (locale, key, template): for the tone test and for compliance review tooling. */
export function allTemplates(): Array<{ locale: Locale; key: string; template: Template }> {
  return (Object.keys(merged) as Locale[]).flatMap((locale) =>
    Object.entries(merged[locale]).map(([key, template]) => ({ locale, key, template })),
  );
}
