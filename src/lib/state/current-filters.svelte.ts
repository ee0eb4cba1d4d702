import { page } from '$app/state';
import { DEFAULT_FILTERS, readFilters, type Filters } from './filters';

let hydrated = $state(false);

/** Called once by the root layout after hydration, when the URL's query string may be read. */
export function markHydrated(): void {
	hydrated = true;
}

/**
 * The filters of the current URL. Prerendered HTML is built with the defaults (a prerendered page
 * has no query string), so the URL is read only once the page runs in the browser.
 */
export function currentFilters(): Filters {
	return hydrated ? readFilters(page.url.searchParams) : DEFAULT_FILTERS;
}
