/** The latest answer of a query that re-runs when what it reads changes. */
export interface LiveQuery<T> {
	readonly value: T | null;
	/** The key the current value was computed for; compare with the wanted key to know it is fresh. */
	readonly key: string | null;
	readonly error: string | null;
}

/**
 * Runs `run` now and whenever the reactive state it (or `key`) reads changes, keeping only the
 * answer to the latest run. Call it while a component initialises. `run`'s signal aborts once its
 * answer is no longer wanted (a newer run, or the component gone), for work not yet sent to DuckDB.
 */
export function liveQuery<T>(key: () => string, run: (signal: AbortSignal) => Promise<T>): LiveQuery<T> {
	let value = $state.raw<T | null>(null);
	let doneKey = $state<string | null>(null);
	let error = $state<string | null>(null);
	$effect(() => {
		const wanted = key();
		let stale = false;
		const controller = new AbortController();
		run(controller.signal).then(
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
