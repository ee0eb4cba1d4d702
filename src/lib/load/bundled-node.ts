import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { loadBundledDatasets } from './bundled';

/**
 * The bundled data in DuckDB's Node build, read from `data/` on disk: what the build prerenders
 * the first view from. Node only.
 */
export async function openBundledNodeDatabase(dataDir = 'data'): Promise<Database> {
	const db = await openNodeDatabase();
	await loadBundledDatasets(db, async (file) => new Uint8Array(await readFile(join(dataDir, file))));
	return db;
}
