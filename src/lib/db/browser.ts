import * as duckdb from '@duckdb/duckdb-wasm';
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CONNECTION_SETTINGS, type Database } from './database';
import { withDerivedTables } from './derived';

/** The wasm and worker files are bundled by Vite and served by this site: no CDN. */
const SELF_HOSTED_BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpModule, mainWorker: mvpWorker },
	eh: { mainModule: ehModule, mainWorker: ehWorker }
};

/** Starts duckdb-wasm in a worker. Import this module dynamically, on the client only. */
export async function openBrowserDatabase(): Promise<Database> {
	const bundle = await duckdb.selectBundle(SELF_HOSTED_BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ allowUnsignedExtensions: false });
	const connection = await db.connect();
	for (const setting of CONNECTION_SETTINGS) await connection.query(setting);
	return withDerivedTables({
		async query(sql, params = []) {
			if (params.length === 0) return connection.query(sql);
			const statement = await connection.prepare(sql);
			try {
				return await statement.query(...params);
			} finally {
				await statement.close();
			}
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		}
	});
}
