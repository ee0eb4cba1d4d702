import * as duckdb from '@duckdb/duckdb-wasm';
import { SELF_HOSTED_BUNDLES } from './bundles';
import { guardDatabase } from './crash-guard';
import { CONNECTION_SETTINGS, type Database } from './database';
import { withDerivedTables } from './derived';
import { withReadCache } from './read-cache';
import { statementCache } from './statement-cache';

/** Starts duckdb-wasm in a worker. Import this module dynamically, on the client only. */
export async function openBrowserDatabase(): Promise<Database> {
	const bundle = await duckdb.selectBundle(SELF_HOSTED_BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ allowUnsignedExtensions: false });
	const connection = await db.connect();
	for (const setting of CONNECTION_SETTINGS) await connection.query(setting);
	const statements = statementCache(connection);
	// A dead worker or an exhausted heap ends every query with an error the page can act on.
	return guardDatabase(withReadCache(withDerivedTables({
		query: (sql, params = []) => statements.run(sql, params),
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async registerBlob(name, blob) {
			// DuckDB's worker reads the file in slices as it scans: it is never copied whole.
			await db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		}
	})), worker);
}
