import type { Database } from './database';

/** Why the database can no longer answer: its worker died, or it ran out of memory. */
export type CrashReason = 'out-of-memory' | 'worker-crashed';

export class DatabaseCrashed extends Error {
	constructor(
		readonly reason: CrashReason,
		message: string
	) {
		super(message);
		this.name = 'DatabaseCrashed';
	}
}

/**
 * Errors after which the wasm instance cannot be trusted: DuckDB's own out-of-memory, the wasm
 * heap failing to grow, a trap. The only safe way on is a new instance.
 */
export function isFatal(error: unknown): boolean {
	const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
	return /out of memory|memory access out of bounds|could not allocate|allocation failed|RuntimeError|unreachable|Aborted\(/i.test(message);
}

const listeners = new Set<(crash: DatabaseCrashed) => void>();

/** Calls `listener` when a guarded database crashes; returns the function that stops it. */
export function onDatabaseCrash(listener: (crash: DatabaseCrashed) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/**
 * Wraps a database whose engine runs in `worker`. When the worker dies or a query fails in a way
 * that leaves the engine unsafe, every pending and later call fails with DatabaseCrashed (instead
 * of waiting forever for a worker that will never answer), and the listeners hear it once.
 */
export function guardDatabase(db: Database, worker: Pick<EventTarget, 'addEventListener'>): Database {
	let crash: DatabaseCrashed | null = null;
	let reject!: (crash: DatabaseCrashed) => void;
	const crashed = new Promise<never>((_, fail) => (reject = fail));
	crashed.catch(() => undefined);
	const fail = (next: DatabaseCrashed) => {
		if (crash) return;
		crash = next;
		reject(next);
		for (const listener of listeners) listener(next);
	};
	worker.addEventListener('error', (event) => fail(new DatabaseCrashed('worker-crashed', (event as ErrorEvent).message ?? 'worker error')));
	async function guarded<T>(run: () => Promise<T>): Promise<T> {
		if (crash) throw crash;
		try {
			return await Promise.race([run(), crashed]);
		} catch (error) {
			if (!(error instanceof DatabaseCrashed) && isFatal(error)) fail(new DatabaseCrashed('out-of-memory', error instanceof Error ? error.message : String(error)));
			throw crash ?? error;
		}
	}
	return {
		query: (sql, params) => guarded(() => db.query(sql, params)),
		registerFile: (name, bytes) => guarded(() => db.registerFile(name, bytes)),
		registerBlob: (name, blob) => guarded(() => db.registerBlob(name, blob))
	};
}
