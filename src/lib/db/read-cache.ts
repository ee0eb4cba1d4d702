import type { Table } from 'apache-arrow';
import { readsOnly, type Database } from './database';

/** Reads whose answer may change with nothing written: files, clocks, chance, the engine's own state. */
const UNSTABLE = /\b(read_\w+|glob|random|setseed|uuid|gen_random_uuid|now|current_\w+|get_current_\w+|duckdb_\w+|pragma_\w+)\s*\(/i;

/**
 * The database answering a read it has answered since the last write from memory. A filter change
 * asks again what an earlier one asked (the other scheme of the same area, the area just left, the
 * checks every view makes of the scheme and the years), and the same statement over the same
 * tables gives the same rows. Any other statement, and any new file, forgets every answer, so
 * no answer given before a write is handed out after it. Large answers (a national
 * village list) are not kept: they are asked for rarely and would hold memory.
 */
export function withReadCache(db: Database, options: { entries?: number; rows?: number } = {}): Database {
	const { entries = 256, rows = 20_000 } = options;
	const answers = new Map<string, Promise<Table>>();

	/** Forgets every answer when a write starts and again when it ends: a read asked meanwhile may have run before it. */
	function forgetting<T>(write: Promise<T>): Promise<T> {
		answers.clear();
		const forget = () => answers.clear();
		write.then(forget, forget);
		return write;
	}

	return {
		query(sql, params = []) {
			if (!readsOnly(sql)) return forgetting(db.query(sql, params));
			const key = keyOf(sql, params);
			if (key === null || UNSTABLE.test(sql)) return db.query(sql, params);
			const known = answers.get(key);
			if (known) {
				// Most recently used last: the first key is the one to let go.
				answers.delete(key);
				answers.set(key, known);
				return known;
			}
			const answer = db.query(sql, params);
			answers.set(key, answer);
			const forget = () => answers.get(key) === answer && answers.delete(key);
			answer.then((table) => table.numRows > rows && forget(), forget);
			if (answers.size > entries) answers.delete(answers.keys().next().value!);
			return answer;
		},
		registerFile: (name, bytes) => forgetting(db.registerFile(name, bytes)),
		registerBlob: (name, blob) => forgetting(db.registerBlob(name, blob))
	};
}

/** The statement and its parameters as one key; null for parameters JSON cannot tell apart. */
function keyOf(sql: string, params: readonly unknown[]): string | null {
	if (!params.every((p) => p === null || ['string', 'number', 'boolean'].includes(typeof p))) return null;
	return `${JSON.stringify(params)}\u0000${sql}`;
}
