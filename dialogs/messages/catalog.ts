/**
 * Every word the borrower reads lives in dialogs/messages/*.messages.ts, one file per area, each with the
 * same keys in zh-CN, zh-TW and English. Compliance reviews these files; the tone test renders all of them.
 */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message: a template with `{name}` placeholders, and `{name:one|other}` for an English plural ("1 loan", "2 loans"). */
export type Template = string;
export type MessageTable<K extends string> = { readonly [L in Locale]: { readonly [Key in K]: Template } };

/** Declare an area's messages; the type makes every locale carry exactly the zh-CN keys. */
export function defineMessages<K extends string>(table: {
  'zh-CN': Record<K, Template>;
  'zh-TW': NoInfer<Record<K, Template>>;
  en: NoInfer<Record<K, Template>>;
}): MessageTable<K> {
  return table;
}

export type Params = Record<string, string | number>;

/**
 * Fill `{name}` placeholders, and `{name:one|other}` with the first form when the parameter is 1. A missing parameter
 * is left visible (the tone test catches it).
 */
export function render(template: Template, params: Params = {}): string {
  return template.replace(/\{(\w+)(?::([^{}|]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    if (one === undefined || other === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : other;
  });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
