import { t, type Lang } from './messages';

/**
 * Years as a report writes them: each run of consecutive years as a range.
 * @example yearSpan([2017, 2018, 2019, 2022, 2024]) // '2017–2019, 2022, 2024'
 */
export function yearSpan(years: readonly number[]): string {
	const runs: [number, number][] = [];
	for (const year of [...new Set(years)].sort((a, b) => a - b)) {
		const last = runs.at(-1);
		if (last && year === last[1] + 1) last[1] = year;
		else runs.push([year, year]);
	}
	return runs.map(([first, last]) => (first === last ? String(first) : `${first}–${last}`)).join(', ');
}

/**
 * The source line under a chart or table in a report.
 * @example sourceLine('id', [2017, 2022]) // 'Sumber: IDM 2017, 2022, Kemendes PDTT'
 */
export function sourceLine(lang: Lang, years: readonly number[] = []): string {
	const span = yearSpan(years);
	return span ? t(lang, 'sourceLine').replace('{years}', span) : t(lang, 'sourceLineUndated');
}

const LEVELS: Record<'provinsi' | 'kabupaten' | 'kecamatan', Record<Lang, string>> = {
	provinsi: { id: 'Provinsi', en: 'Province of' },
	kabupaten: { id: 'Kabupaten', en: 'Regency of' },
	kecamatan: { id: 'Kecamatan', en: 'Kecamatan' }
};

/**
 * An area as a report's caption names it; the release writes names in capitals.
 * @example areaCaption('id', 'kabupaten', 'WAY KANAN') // 'Kabupaten Way Kanan'
 * @example areaCaption('id', 'kabupaten', 'KOTA METRO') // 'Kota Metro'
 */
export function areaCaption(lang: Lang, level: keyof typeof LEVELS, name: string): string {
	const title = name.toLowerCase().replace(/(^|[\s(/-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
	if (/^(kota|kab\.?|kabupaten)\s/i.test(name)) return title.replace(/^Kab\.? /, 'Kabupaten ');
	return `${LEVELS[level][lang]} ${title}`;
}
