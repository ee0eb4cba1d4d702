import { goto } from '$app/navigation';
import { filtersQuery, type Filters } from './filters';

/** Moves to the same view with some filters changed: a new history entry, so Back undoes it. */
export function changeFilters(current: Filters, update: Partial<Filters>): Promise<void> {
	return goto(filtersQuery({ ...current, ...update }), { keepFocus: true, noScroll: true });
}
