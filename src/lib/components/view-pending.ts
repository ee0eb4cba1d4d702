import { getContext, setContext } from 'svelte';

/**
 * What a view's parts still fetch besides its charts (the filter bar's list of areas): the page
 * says it is drawn (`data-ready`) only once nothing is, so nothing moves after that.
 */
export interface ViewPending {
	count: number;
}

const KEY = Symbol('view-pending');

export function provideViewPending(pending: ViewPending): void {
	setContext(KEY, pending);
}

/** The view's count, or a detached one outside a view (the build's first view). */
export function viewPending(): ViewPending {
	return getContext<ViewPending | undefined>(KEY) ?? { count: 0 };
}
