import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rowsOf } from '../../src/lib/db/arrow';
import type { Database } from '../../src/lib/db/database';
import type { DerivedOptions } from '../../src/lib/db/derived';
import { openNodeDatabase } from '../../src/lib/db/node';
import { statusCountsByYear } from '../../src/lib/db/status-queries';
import { statusYears, type StatusCount } from '../../src/lib/domain/status-counts';
import { loadBundledDatasets, NATIONAL_FILE } from '../../src/lib/load/bundled';
import { loadPreparedTable, NO_DEFAULTS, prepareDatabase } from '../../src/lib/load/load-file';
import { isPrepared } from '../../src/lib/load/prepare';
import { prepareFile } from '../../src/lib/load/prepare-file';
import { generatePanel, PANEL_FILE, panelCsv, readRelease, releaseCsv } from '../../scripts/synthetic-panel.mjs';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** A database holding the bundled data, loaded by the same code the browser runs. */
export async function openBundledDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await loadBundledDatasets(db, async (file) => new Uint8Array(await readFile(DATA_DIR + file)));
	return db;
}

/** A database with the schema and the domain's schemes, and no data. */
export async function openFreshDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	return db;
}

/** A database holding the whole 2024 national release (75,265 villages), loaded as the app loads files. */
export async function openNationalDatabase(): Promise<Database> {
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	await loadFile(db, NATIONAL_FILE, new Uint8Array(await readFile(DATA_DIR + NATIONAL_FILE)));
	return db;
}

/**
 * A database holding some years of the synthetic panel (1,500 villages of the 2024 release, seed
 * 2015), each year a file in its release layout (before 2024 without the regency's name),
 * loaded as the app loads files.
 */
export async function openPanelDatabase(years: readonly number[], derived?: DerivedOptions): Promise<Database> {
	const panel = await samplePanel();
	const db = await openNodeDatabase(derived);
	await prepareDatabase(db);
	for (const tahun of years) await loadFile(db, `idm-${tahun}-sintetis.csv`, new TextEncoder().encode(releaseCsv(tahun, panel)));
	return db;
}

/**
 * The same villages over all ten years as one long file, the benchmark panel's layout (every
 * year with the regency's name); `edit` changes the village-years before they are written.
 */
export async function openLongPanelDatabase(edit: (rows: VillageYear[]) => VillageYear[] = (rows) => rows): Promise<Database> {
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	await loadFile(db, PANEL_FILE, new TextEncoder().encode(panelCsv(edit(await samplePanel()))));
	return db;
}

type VillageYear = ReturnType<typeof generatePanel>[number];

/** 1,500 villages of the 2024 release, spread evenly, seed 2015. */
async function samplePanel(): Promise<VillageYear[]> {
	const release = readRelease(await readFile(DATA_DIR + NATIONAL_FILE, 'utf8'));
	return generatePanel(release, { seed: 2015, villages: 1500 });
}

/** Loads a file as a user's file is loaded: recognised, with the kind its columns suggest. */
export async function loadFile(db: Database, name: string, bytes: Uint8Array, role: 'primary' | 'reconciliation' = 'primary') {
	const results = [];
	for (const table of await prepareFile(name, bytes)) {
		if (!isPrepared(table)) throw new Error(`${table.name}: ${table.reason}`);
		if (!table.kind) throw new Error(`${table.name}: kind not recognised`);
		results.push(await loadPreparedTable(db, table.name, table, { kind: table.kind, role, defaults: NO_DEFAULTS }));
	}
	return results;
}

/** An area's counts per year under the official scheme, written Mandiri / Maju / Berkembang / Tertinggal / Sangat Tertinggal. */
export async function countsPerYear(db: Database, area: string): Promise<Record<number, string>> {
	const years = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, area, 'resmi')));
	return Object.fromEntries(
		years.map((y) => [y.tahun, [y.counts.MANDIRI, y.counts.MAJU, y.counts.BERKEMBANG, y.counts.TERTINGGAL, y.counts['SANGAT TERTINGGAL']].join(' / ')])
	);
}

/** The databases where a table holds rows: 'temp' (uncompressed) or 'idm' (compressed). */
export async function databasesHolding(db: Database, table: string): Promise<string[]> {
	const tables = rowsOf<{ database_name: string; n: number }>(
		await db.query('SELECT database_name, estimated_size::INTEGER AS n FROM duckdb_tables() WHERE table_name = $1', [table])
	);
	return tables.filter((t) => t.n > 0).map((t) => t.database_name);
}

