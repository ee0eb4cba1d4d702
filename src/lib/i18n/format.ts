import type { Lang } from './messages';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * A whole number in the language's format.
 * @example formatCount(17203, 'id') // '17.203'
 */
export function formatCount(value: number, lang: Lang): string {
	return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value);
}

/**
 * A number with exactly `decimals` places, already rounded as the user chose (domain roundTo).
 * @example formatDecimal(0.7274, 4, 'id') // '0,7274'
 */
export function formatDecimal(value: number, decimals: number, lang: Lang): string {
	return new Intl.NumberFormat(LOCALES[lang], {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals
	}).format(value);
}

/**
 * A percentage as reports print it.
 * @example formatPercent(66.88, 'id') // '66,88%'
 */
export function formatPercent(value: number, lang: Lang, decimals = 2): string {
	return `${formatDecimal(value, decimals, lang)}%`;
}
