import type { Lang } from './messages';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * A whole number in the language's format.
 * @example formatCount(17203, 'id') // '17.203'
 */
export function formatCount(value: number, lang: Lang): string {
	return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
}
