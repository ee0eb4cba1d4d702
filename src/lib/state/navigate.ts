import { goto } from '$app/navigation';
import { filtersQuery, type Filters } from './filters';

let readAhead: ((next: Filters) => void) | null = null;

/**
 * Lets the view on screen start reading what the next filters will show as soon as they are
 * chosen: DuckDB answers in its worker while the router and the page update, instead of after
 * them (its reads are cached, so the view's own reads then receive the same answers). Returns
 * the function that stops it.
 */
export function readAheadWith(read: (next: Filters) => void): () => void {
	readAhead = read;
	return () => {
		if (readAhead === read) readAhead = null;
	};
}

/** Moves to the same view with some filters changed: a new history entry, so Back undoes it. */
export function changeFilters(current: Filters, update: Partial<Filters>): Promise<void> {
	const next = { ...current, ...update };
	readAhead?.(next);
	return goto(filtersQuery(next), { keepFocus: true, noScroll: true });
}
