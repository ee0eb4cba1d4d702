import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { CONNECTION_SETTINGS, type Database } from './database';
import { DERIVED_OPTIONS, withDerivedTables, type DerivedOptions } from './derived';

const require = createRequire(import.meta.url);

/**
 * Opens duckdb-wasm's blocking Node build: the same wasm engine the browser runs, for tests and
 * build-time scripts. Never imported by browser code.
 */
export async function openNodeDatabase(derived: DerivedOptions = DERIVED_OPTIONS): Promise<Database> {
	const duckdb: typeof import('@duckdb/duckdb-wasm/blocking') = require('@duckdb/duckdb-wasm/blocking');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	const connection = db.connect();
	for (const setting of CONNECTION_SETTINGS) connection.query(setting);
	return withDerivedTables({
		async query(sql, params = []) {
			if (params.length === 0) return connection.query(sql) as Table;
			const statement = connection.prepare(sql);
			try {
				return statement.query(...params) as Table;
			} finally {
				statement.close();
			}
		},
		async registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async registerBlob(name, blob) {
			db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
		}
	}, derived);
}
