import { DEFAULT_REGENCY } from '../load/bundled';
import { findScheme, OFFICIAL_SCHEME } from '../domain/schemes';
import { LANGUAGES, type Lang } from '../i18n/messages';

/** What a view shows; kept in the URL so every view can be bookmarked and shared. */
export interface Filters {
	kab: string;
	skema: string;
	lang: Lang;
}

export const DEFAULT_FILTERS: Filters = { kab: DEFAULT_REGENCY, skema: OFFICIAL_SCHEME.id, lang: 'id' };

/**
 * Reads the filters from a query string; unknown values fall back to the defaults.
 * @example readFilters(new URLSearchParams('kab=6311&lang=en')) // { kab: '6311', skema: 'resmi', lang: 'en' }
 */
export function readFilters(params: URLSearchParams): Filters {
	const kab = params.get('kab');
	const lang = params.get('lang');
	return {
		kab: kab && /^\d{4}$/.test(kab) ? kab : DEFAULT_FILTERS.kab,
		skema: findScheme(params.get('skema')).id,
		lang: LANGUAGES.includes(lang as Lang) ? (lang as Lang) : DEFAULT_FILTERS.lang
	};
}

/**
 * The query string for some filters, leaving out the defaults so shared links stay short.
 * @example filtersQuery({ kab: '6311', skema: 'resmi', lang: 'id' }) // '?kab=6311'
 */
export function filtersQuery(filters: Filters): string {
	const params = new URLSearchParams();
	for (const key of ['kab', 'skema', 'lang'] as const) {
		if (filters[key] !== DEFAULT_FILTERS[key]) params.set(key, filters[key]);
	}
	const query = params.toString();
	return query ? `?${query}` : '?';
}
