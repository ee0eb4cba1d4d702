import { readsOnly } from './database';

/** What a prepared statement of the engine offers: run with bound parameters, release. */
export interface Prepared<R> {
	query(...params: unknown[]): Promise<R>;
	close(): Promise<void>;
}

interface Entry<R> {
	statement: Promise<Prepared<R>>;
	/** The latest run, which a close waits for. */
	last: Promise<unknown>;
}

/**
 * Runs statements, keeping the prepared statements of reads for the next call:
 * duckdb-wasm answers each prepare, run and close in its worker, so a kept statement is one round
 * trip where a fresh one is three, and each waits its turn behind the page's own work. Any other
 * statement (a load, a new scheme) releases every kept one, so no plan outlives the tables it was
 * made for. Parameters stay bound, never pasted into the text.
 */
export function statementCache<R>(engine: { query(sql: string): Promise<R>; prepare(sql: string): Promise<Prepared<R>> }, limit = 64) {
	const kept = new Map<string, Entry<R>>();

	function release(entry: Entry<R>): void {
		const closing = entry.last.catch(() => undefined).then(() => entry.statement);
		closing.then((statement) => statement.close()).catch(() => undefined);
	}

	async function once(sql: string, params: readonly unknown[]): Promise<R> {
		if (params.length === 0) return engine.query(sql);
		const statement = await engine.prepare(sql);
		try {
			return await statement.query(...params);
		} finally {
			await statement.close();
		}
	}

	return {
		run(sql: string, params: readonly unknown[]): Promise<R> {
			if (!readsOnly(sql)) {
				for (const entry of kept.values()) release(entry);
				kept.clear();
				return once(sql, params);
			}
			if (params.length === 0) return engine.query(sql);
			let entry = kept.get(sql);
			if (entry) {
				// Most recently used last: the first key is the one to let go.
				kept.delete(sql);
				kept.set(sql, entry);
			} else {
				const statement = engine.prepare(sql);
				entry = { statement, last: statement };
				kept.set(sql, entry);
				// A statement that does not prepare is not kept: the next call reports its error afresh.
				statement.catch(() => kept.get(sql) === entry && kept.delete(sql));
				if (kept.size > limit) {
					const [oldest, first] = kept.entries().next().value!;
					kept.delete(oldest);
					release(first);
				}
			}
			const running = entry.statement.then((statement) => statement.query(...params));
			entry.last = running;
			return running;
		}
	};
}
