import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/lib/db/database';
import { openNodeDatabase } from '../../src/lib/db/node';
import { loadBundledDatasets } from '../../src/lib/load/bundled';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** A database holding the bundled data, loaded by the same code the browser runs. */
export async function openBundledDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await loadBundledDatasets(db, async (file) => new Uint8Array(await readFile(DATA_DIR + file)));
	return db;
}
