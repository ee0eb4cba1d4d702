import { goto } from '$app/navigation';
import { filtersQuery, type Filters } from './filters';

let readAhead: ((next: Filters) => void) | null = null;

/**
 * Lets the view on screen start reading what the next filters will show as soon as they are
 * chosen: DuckDB answers in its worker while the router and the page update, instead of after
 * them, and the view's run after the navigation takes that answer (`heldAhead`). Returns the
 * function that stops it.
 */
export function readAheadWith(read: (next: Filters) => void): () => void {
	readAhead = read;
	return () => {
		if (readAhead === read) readAhead = null;
	};
}

/**
 * An answer a view asked for ahead of a navigation, held for its first run after it: the run
 * takes it if it wants the same key, and either way it is let go, since an answer kept longer
 * could predate a write.
 */
export function heldAhead<T>() {
	let held: { key: string; answer: Promise<T> } | null = null;
	return {
		hold(key: string, answer: Promise<T>) {
			// Its error is the view's to show, when its run takes it.
			answer.catch(() => {});
			held = { key, answer };
		},
		take(key: string): Promise<T> | null {
			const taken = held;
			held = null;
			return taken?.key === key ? taken.answer : null;
		}
	};
}

/** Moves to the same view with some filters changed: a new history entry, so Back undoes it. */
export function changeFilters(current: Filters, update: Partial<Filters>): Promise<void> {
	const next = { ...current, ...update };
	readAhead?.(next);
	return goto(filtersQuery(next), { keepFocus: true, noScroll: true });
}
