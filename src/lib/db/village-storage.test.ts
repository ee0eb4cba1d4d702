import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPreparedTable, NO_DEFAULTS, prepareDatabase } from '../load/load-file';
import { isPrepared } from '../load/prepare';
import { prepareFile } from '../load/prepare-file';
import { statusYears, type StatusCount } from '../domain/status-counts';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { openNodeDatabase } from './node';
import { statusCountsByYear } from './status-queries';

const FIXTURES = new URL('../../../tests/fixtures/layouts/', import.meta.url);

async function freshDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	return db;
}

/** Loads a fixture's table as a user's file is loaded, moving the village rows past `compressFromRows`. */
async function load(db: Database, name: string, compressFromRows?: number) {
	const [table] = await prepareFile(name, new Uint8Array(readFileSync(new URL(name, FIXTURES))));
	if (!table || !isPrepared(table) || !table.kind) throw new Error(`${name} not prepared`);
	return loadPreparedTable(db, name, table, { kind: table.kind, role: 'primary', defaults: NO_DEFAULTS }, { compressFromRows });
}

/** The databases holding village rows: 'temp' (uncompressed) or 'idm' (compressed). */
async function whereRowsLive(db: Database): Promise<string[]> {
	const tables = rowsOf<{ database_name: string; n: number }>(
		await db.query("SELECT database_name, estimated_size::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'village_year'")
	);
	return tables.filter((t) => t.n > 0).map((t) => t.database_name);
}

const allRows = async (db: Database) => rowsOf(await db.query('SELECT * FROM village_year ORDER BY source, source_row, tahun')).map((row) => JSON.stringify(row));

/** Way Kanan's counts per year, Mandiri / Maju / Berkembang / Tertinggal / Sangat Tertinggal. */
async function wayKanan(db: Database): Promise<Record<number, string>> {
	const years = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '1808', 'resmi')));
	return Object.fromEntries(
		years.map((y) => [y.tahun, [y.counts.MANDIRI, y.counts.MAJU, y.counts.BERKEMBANG, y.counts.TERTINGGAL, y.counts['SANGAT TERTINGGAL']].join(' / ')])
	);
}

describe('village rows, uncompressed while they are few', () => {
	const both = { 2023: '26 / 97 / 98 / 0 / 0', 2024: '47 / 127 / 47 / 0 / 0' };

	it('stay in the temporary table below the limit', async () => {
		const db = await freshDatabase();
		await load(db, 'release-2023-way-kanan-semicolon.csv');
		await load(db, 'release-2024-way-kanan.csv');
		expect(await whereRowsLive(db)).toEqual(['temp']);
		expect(await wayKanan(db)).toEqual(both);
	}, 30_000);

	it('move whole and unchanged into the compressed database before a load would pass it', async () => {
		const few = await freshDatabase();
		const moved = await freshDatabase();
		for (const db of [few, moved]) await load(db, 'release-2023-way-kanan-semicolon.csv', db === moved ? 300 : undefined);
		expect(await whereRowsLive(moved)).toEqual(['temp']);
		// 221 villages more would make 442, past 300.
		for (const db of [few, moved]) await load(db, 'release-2024-way-kanan.csv', db === moved ? 300 : undefined);
		expect(await whereRowsLive(moved)).toEqual(['idm']);
		expect(await allRows(moved)).toEqual(await allRows(few));
		expect(await wayKanan(moved)).toEqual(both);
	}, 30_000);

	it('count a wide file’s years: 221 lines of two years each pass 300', async () => {
		const db = await freshDatabase();
		await load(db, 'wide-2023-2024-way-kanan.csv', 300);
		expect(await whereRowsLive(db)).toEqual(['idm']);
		expect(await wayKanan(db)).toEqual(both);
	}, 30_000);
});
