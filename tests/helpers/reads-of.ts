import type { Database } from '../../src/lib/db/database';

/**
 * Which table functions the reads of `run` go through, sorted: the villages' paths
 * (`path_panel`, `path_codes`, `path_moves`) or their rows (`village_moves`).
 */
export async function readsOf(db: Database, run: (recording: Database) => Promise<unknown>): Promise<string[]> {
	const sources: string[] = [];
	const recording: Database = {
		...db,
		query(sql, params) {
			const source = /\b(path_panel|path_codes|path_moves|village_moves)\(/.exec(sql)?.[1];
			if (source) sources.push(source);
			return db.query(sql, params);
		}
	};
	await run(recording);
	return sources.sort();
}
