import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/lib/db/database';
import { openNodeDatabase } from '../../src/lib/db/node';
import { loadBundledDatasets, NATIONAL_FILE } from '../../src/lib/load/bundled';
import { loadVillageFile, prepareDatabase } from '../../src/lib/load/load-file';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** A database holding the bundled data, loaded by the same code the browser runs. */
export async function openBundledDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await loadBundledDatasets(db, async (file) => new Uint8Array(await readFile(DATA_DIR + file)));
	return db;
}

/** A database holding the whole 2024 national release (75,265 villages), loaded as the app loads files. */
export async function openNationalDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	await db.registerFile(NATIONAL_FILE, new Uint8Array(await readFile(DATA_DIR + NATIONAL_FILE)));
	await loadVillageFile(db, NATIONAL_FILE, 'scores', 'primary', { tahun: null, kodeKab: null, namaKabupaten: null });
	return db;
}
