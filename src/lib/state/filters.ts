import { DEFAULT_REGENCY } from '../load/bundled';
import { findGradeScale, resolveGradeScale } from '../domain/performance';
import { findScheme, OFFICIAL_SCHEME, PUBLISHED_CLASSES } from '../domain/schemes';
import { LANGUAGES, type Lang } from '../i18n/messages';
import { isDataUrl } from '../load/remote';

/** What the views show; kept in the URL so every view can be bookmarked and shared. */
export interface Filters {
	/** The area: '' the nation, a province (2 digits), a regency (4) or a kecamatan (6); `nasional` in the URL. */
	kab: string;
	/** Status scheme: a built-in id or a user's cut-offs (domain/schemes encodeScheme). */
	skema: string;
	/** The scheme `skema` is compared with in the "what changes" view ('terbit' = as published). */
	banding: string;
	/** The two years a transition compares; null = the last two the data has. */
	dari: number | null;
	ke: number | null;
	/** The year a village list shows; null = the latest. */
	tahun: number | null;
	/** The village whose page is open (its 10-digit code), on the Desa view. */
	desa: string | null;
	/** What the kecamatan heatmap shows. */
	ukuran: 'minimal-maju' | 'idm';
	/** Grade scale of capaian: a built-in id (domain/performance GRADE_SCALES) or a user's own (`k:…`). */
	skala: string;
	/** How percentages are cut to 2 decimals. */
	pembulatan: 'round' | 'truncate';
	lang: Lang;
	/** Addresses of data files a shared link loads (`?data=`, repeatable; http and https only). */
	data: readonly string[];
	/** The charts and tables a printed report holds, in order (`?pilih=gambar:status-distribution`, repeatable). */
	pilih: readonly string[];
}

/** What a report holds until the user picks: seed 002's chart and table of villages per status. */
export const DEFAULT_REPORT_ITEMS: readonly string[] = ['gambar:status-distribution', 'tabel:status-counts'];

/** How the URL says a report holds nothing (an empty list would mean "the default"). */
const NOTHING_CHOSEN = 'kosong';

/** The items a report holds under these filters. */
export function reportItems(filters: Filters): readonly string[] {
	if (filters.pilih.length === 0) return DEFAULT_REPORT_ITEMS;
	return filters.pilih.filter((item) => item !== NOTHING_CHOSEN);
}

/**
 * The caption number of a chosen item: its place among the chosen items of its kind, in the order
 * the page shows them (`order`); null when it is not chosen.
 * @example captionNumber('tabel:b', ['gambar:a', 'tabel:c', 'tabel:b'], ['tabel:b', 'tabel:c']) // 2
 */
export function captionNumber(item: string, order: readonly string[], chosen: readonly string[]): number | null {
	if (!chosen.includes(item)) return null;
	const kind = `${item.split(':')[0]}:`;
	const position = order.filter((other) => other.startsWith(kind) && chosen.includes(other)).indexOf(item);
	return position < 0 ? null : position + 1;
}

/** The `pilih` filter after ticking or unticking an item. */
export function toggleReportItem(filters: Filters, item: string): string[] {
	const chosen = reportItems(filters);
	const next = chosen.includes(item) ? chosen.filter((i) => i !== item) : [...chosen, item];
	return next.length === 0 ? [NOTHING_CHOSEN] : next;
}

/** How the URL names the whole nation as an area. */
const NATIONAL = 'nasional';

export const DEFAULT_FILTERS: Filters = {
	kab: DEFAULT_REGENCY,
	skema: OFFICIAL_SCHEME.id,
	banding: PUBLISHED_CLASSES.id,
	dari: null,
	ke: null,
	tahun: null,
	desa: null,
	ukuran: 'minimal-maju',
	skala: findGradeScale(null).id,
	pembulatan: 'round',
	lang: 'id',
	data: [],
	pilih: []
};

function year(text: string | null): number | null {
	return text && /^(19|20)\d\d$/.test(text) ? Number(text) : null;
}

function scheme(text: string | null, fallback: string): string {
	if (text === PUBLISHED_CLASSES.id) return text;
	return text && findScheme(text).id === text ? text : fallback;
}

/**
 * Reads the filters from a query string; unknown values fall back to the defaults.
 * @example readFilters(new URLSearchParams('kab=6311&lang=en')).kab // '6311'
 */
export function readFilters(params: URLSearchParams): Filters {
	const kab = params.get('kab');
	const lang = params.get('lang');
	const skala = params.get('skala');
	return {
		kab: kab === NATIONAL ? '' : kab && /^(\d{2}|\d{4}|\d{6})$/.test(kab) ? kab : DEFAULT_FILTERS.kab,
		skema: scheme(params.get('skema'), DEFAULT_FILTERS.skema),
		banding: scheme(params.get('banding'), DEFAULT_FILTERS.banding),
		dari: year(params.get('dari')),
		ke: year(params.get('ke')),
		tahun: year(params.get('tahun')),
		desa: /^\d{10}$/.test(params.get('desa') ?? '') ? params.get('desa') : null,
		ukuran: params.get('ukuran') === 'idm' ? 'idm' : 'minimal-maju',
		skala: resolveGradeScale(skala).id,
		pembulatan: params.get('pembulatan') === 'truncate' ? 'truncate' : 'round',
		lang: LANGUAGES.includes(lang as Lang) ? (lang as Lang) : DEFAULT_FILTERS.lang,
		data: params.getAll('data').filter(isDataUrl),
		pilih: params.getAll('pilih').filter((item) => /^((gambar|tabel):[a-z0-9-]+|kosong)$/.test(item))
	};
}

/**
 * The query string for some filters, leaving out the defaults so shared links stay short.
 * @example filtersQuery({ ...DEFAULT_FILTERS, kab: '6311' }) // '?kab=6311'
 */
export function filtersQuery(filters: Filters): string {
	const params = new URLSearchParams();
	for (const key of Object.keys(DEFAULT_FILTERS) as (keyof Filters)[]) {
		const value = filters[key];
		if (Array.isArray(value)) for (const item of value) params.append(key, item);
		else if (key === 'kab' && value === '') params.set(key, NATIONAL);
		else if (value !== DEFAULT_FILTERS[key] && value !== null) params.set(key, String(value));
	}
	const query = params.toString();
	return query ? `?${query}` : '?';
}
