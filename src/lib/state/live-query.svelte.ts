import { untrack } from 'svelte';

/** The latest answer of a query that re-runs when its key changes. */
export interface LiveQuery<T> {
	readonly value: T | null;
	/** The key the current value was computed for; compare with the wanted key to know it is fresh. */
	readonly key: string | null;
	readonly error: string | null;
}

/**
 * Runs `run` now and whenever `key` gives another string, keeping only the answer to the latest
 * run. Call it while a component initialises. The key names all the answer depends on, and
 * nothing else re-runs it: not what `run` reads, nor a change that leaves the key as it was. The
 * filters are a new object on every change of the URL, and Transisi's pair of years a new object
 * whenever its years are answered again: re-running on them sent the same query twice. `run`'s
 * signal aborts once its answer is no longer wanted (a newer run, or the component gone), for
 * work not yet sent to DuckDB.
 */
export function liveQuery<T>(key: () => string, run: (signal: AbortSignal) => Promise<T>): LiveQuery<T> {
	let value = $state.raw<T | null>(null);
	let doneKey = $state<string | null>(null);
	let error = $state<string | null>(null);
	const wantedKey = $derived(key());
	$effect(() => {
		const wanted = wantedKey;
		let stale = false;
		const controller = new AbortController();
		untrack(() => run(controller.signal)).then(
			(answer) => {
				if (stale) return;
				value = answer;
				doneKey = wanted;
				error = null;
			},
			(failure: unknown) => {
				if (!stale) error = failure instanceof Error ? failure.message : String(failure);
			}
		);
		return () => {
			stale = true;
			controller.abort();
		};
	});
	return {
		get value() {
			return value;
		},
		get key() {
			return doneKey;
		},
		get error() {
			return error;
		}
	};
}
