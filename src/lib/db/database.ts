import type { Table } from 'apache-arrow';

/**
 * The one door to DuckDB. The browser opens it over duckdb-wasm in a worker, the tests over the
 * same wasm engine in Node; everything above this interface is the same code in both.
 */
export interface Database {
	/** Runs one SQL statement; `params` bind to `$1`, `$2`, … and are never pasted into the text. */
	query(sql: string, params?: readonly unknown[]): Promise<Table>;
	/** Makes bytes readable by SQL under `name` (for `read_csv($1, …)`). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Makes a file readable by SQL under `name` without copying it first: DuckDB reads it as it needs. */
	registerBlob(name: string, blob: Blob): Promise<void>;
}

/**
 * Runs `steps` as one transaction: committed when they finish, rolled back when they throw. For a
 * large insert made of several statements: DuckDB compresses the rows once, at the commit.
 */
export async function inTransaction<T>(db: Database, steps: () => Promise<T>): Promise<T> {
	await db.query('BEGIN TRANSACTION');
	try {
		const result = await steps();
		await db.query('COMMIT');
		return result;
	} catch (error) {
		await db.query('ROLLBACK');
		throw error;
	}
}

/** The compressed database's name; village-storage.ts names it where a temporary table has the same name. */
export const COMPRESSED_CATALOG = 'idm';

/**
 * Settings every connection gets: extensions are downloads, and this product makes none; the
 * tables live in an in-memory database that compresses them as DuckDB's files do (a 740,000-row
 * panel's tables take about a seventh of the memory, which a browser tab never gives back). A
 * few village rows, and the scores merged from them, are kept uncompressed until they grow
 * (village-storage.ts, derived.ts).
 */
export const CONNECTION_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	`ATTACH ':memory:' AS ${COMPRESSED_CATALOG} (COMPRESS)`,
	`USE ${COMPRESSED_CATALOG}`
] as const;

/**
 * Whether a statement only reads: a SELECT (or WITH … SELECT) naming nothing that changes the
 * database. A statement in doubt (a column called `load`, a word in a string) counts as a write,
 * which costs only a re-check, never a stale answer.
 */
export function readsOnly(sql: string): boolean {
	return (
		/^\s*(SELECT|WITH|FROM)\b/i.test(sql) &&
		!/\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|COPY|ATTACH|DETACH|TRUNCATE|MERGE|CHECKPOINT|INSTALL|LOAD|SET|RESET|PRAGMA|EXPORT|IMPORT|VACUUM|CALL|USE|SETVAL|NEXTVAL)\b/i.test(sql)
	);
}

/**
 * How a table or view is kept: `database:TABLE` or `database:VIEW`, where the database is 'temp'
 * (uncompressed) or the compressed one. A name can be each in turn, and neither replaces the other.
 */
export async function howKept(db: Database, name: string): Promise<string[]> {
	const kept = await db.query(
		`SELECT database_name || ':VIEW' AS kept FROM duckdb_views() WHERE view_name = $1 AND NOT internal
		UNION ALL SELECT database_name || ':TABLE' FROM duckdb_tables() WHERE table_name = $1
		ORDER BY kept`,
		[name]
	);
	return kept.toArray().map((row) => String(row.kept));
}
