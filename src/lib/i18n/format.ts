import type { Lang } from './messages';

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

// Building an Intl.NumberFormat costs far more than using one; a national table formats 400,000 cells.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number, fixed: boolean): Intl.NumberFormat {
	const key = `${lang}|${decimals}|${fixed}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(LOCALES[lang], {
			minimumFractionDigits: fixed ? decimals : 0,
			maximumFractionDigits: decimals
		});
		formatters.set(key, format);
	}
	return format;
}

/**
 * A whole number in the language's format.
 * @example formatCount(17203, 'id') // '17.203'
 */
export function formatCount(value: number, lang: Lang): string {
	return formatter(lang, 0, false).format(value);
}

/**
 * A number with exactly `decimals` places, already rounded as the user chose (domain roundTo).
 * @example formatDecimal(0.7274, 4, 'id') // '0,7274'
 */
export function formatDecimal(value: number, decimals: number, lang: Lang): string {
	return formatter(lang, decimals, true).format(value);
}

/**
 * A percentage as reports print it.
 * @example formatPercent(66.88, 'id') // '66,88%'
 */
export function formatPercent(value: number, lang: Lang, decimals = 2): string {
	return `${formatDecimal(value, decimals, lang)}%`;
}

/**
 * A number with as many decimals as it has, up to `most`, for figures whose precision varies by row.
 * @example formatNumber(82.3, 'id') // '82,3'
 */
export function formatNumber(value: number, lang: Lang, most = 4): string {
	return formatter(lang, most, false).format(value);
}
