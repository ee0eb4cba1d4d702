import { t, type Lang } from './messages';

/**
 * Years as a report writes them: a run as a range, otherwise a list.
 * @example yearSpan([2017, 2018, 2019]) // '2017–2019'
 * @example yearSpan([2022, 2024]) // '2022, 2024'
 */
export function yearSpan(years: readonly number[]): string {
	const sorted = [...new Set(years)].sort((a, b) => a - b);
	if (sorted.length === 0) return '';
	const run = sorted.every((year, i) => i === 0 || year === (sorted[i - 1] ?? 0) + 1);
	return run && sorted.length > 1 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}

/**
 * The source line under a chart or table in a report.
 * @example sourceLine('id', [2017, 2022]) // 'Sumber: IDM 2017, 2022, Kemendes PDTT'
 */
export function sourceLine(lang: Lang, years: readonly number[] = []): string {
	const span = yearSpan(years);
	return span ? t(lang, 'sourceLine').replace('{years}', span) : t(lang, 'sourceLineUndated');
}
