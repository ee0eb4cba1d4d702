import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countsPerYear, databasesHolding, openFreshDatabase as freshDatabase } from '../../../tests/helpers/bundled-db';
import { loadPreparedTable, NO_DEFAULTS, prepareDatabase } from '../load/load-file';
import { isPrepared } from '../load/prepare';
import { prepareFile } from '../load/prepare-file';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { openNodeDatabase } from './node';

const FIXTURES = new URL('../../../tests/fixtures/layouts/', import.meta.url);

/** Loads a fixture's table as a user's file is loaded, moving the village rows past `compressFromRows`. */
async function load(db: Database, name: string, compressFromRows?: number) {
	const [table] = await prepareFile(name, new Uint8Array(readFileSync(new URL(name, FIXTURES))));
	if (!table || !isPrepared(table) || !table.kind) throw new Error(`${name} not prepared`);
	return loadPreparedTable(db, name, table, { kind: table.kind, role: 'primary', defaults: NO_DEFAULTS }, { compressFromRows });
}

const allRows = async (db: Database) => rowsOf(await db.query('SELECT * FROM village_year ORDER BY source, source_row, tahun')).map((row) => JSON.stringify(row));

describe('village rows, uncompressed while they are few', () => {
	const both = { 2023: '26 / 97 / 98 / 0 / 0', 2024: '47 / 127 / 47 / 0 / 0' };

	it('stay in the temporary table below the limit', async () => {
		const db = await freshDatabase();
		await load(db, 'release-2023-way-kanan-semicolon.csv');
		await load(db, 'release-2024-way-kanan.csv');
		expect(await databasesHolding(db, 'village_year')).toEqual(['temp']);
		expect(await countsPerYear(db, '1808')).toEqual(both);
	}, 30_000);

	it('move whole and unchanged into the compressed database before a load would pass it', async () => {
		const few = await freshDatabase();
		const moved = await freshDatabase();
		for (const db of [few, moved]) await load(db, 'release-2023-way-kanan-semicolon.csv', db === moved ? 300 : undefined);
		expect(await databasesHolding(moved, 'village_year')).toEqual(['temp']);
		// 221 villages more would make 442, past 300.
		for (const db of [few, moved]) await load(db, 'release-2024-way-kanan.csv', db === moved ? 300 : undefined);
		expect(await databasesHolding(moved, 'village_year')).toEqual(['idm']);
		expect(await allRows(moved)).toEqual(await allRows(few));
		expect(await countsPerYear(moved, '1808')).toEqual(both);
	}, 30_000);

	it('count a wide file’s years: 221 lines of two years each pass 300', async () => {
		const db = await freshDatabase();
		await load(db, 'wide-2023-2024-way-kanan.csv', 300);
		expect(await databasesHolding(db, 'village_year')).toEqual(['idm']);
		expect(await countsPerYear(db, '1808')).toEqual(both);
	}, 30_000);
});
