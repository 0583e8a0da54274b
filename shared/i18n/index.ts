/**
 * The UI's words. `t(lang, key, params)` looks a key up in the language's catalogue and fills `{name}`
 * placeholders; `tn()` picks the singular or plural form. French is the default and the key reference.
 */
import { en } from './en';
import { fr } from './fr';
import type { Catalogue, MessageKey } from './fr';
import type { Lang } from './format';

export type { Catalogue, MessageKey } from './fr';
export type { Lang } from './format';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { fr, en };

export type Params = Readonly<Record<string, string | number>>;

type PluralBase<K> = K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = PluralBase<MessageKey>;

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  // An unknown placeholder is left visible rather than silently dropped, so a typo shows in review.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(CATALOGUES[lang][key] ?? fr[key], params);
}

/**
 * Singular or plural. French treats 0 and 1 as singular ("0 rapport"), English only 1.
 * `count` is also available as the `{count}` placeholder.
 */
export function tn(lang: Lang, key: PluralKey, count: number, params?: Params): string {
  const one = lang === 'fr' ? Math.abs(count) < 2 : count === 1;
  const full = `${key}.${one ? 'one' : 'other'}` as MessageKey;
  return t(lang, full, { count, ...params });
}
