import type { Database } from '../db/database';
import type { DatasetKind, DatasetRole } from '../db/load-queries';
import { refreshNameMatches } from '../db/match-queries';
import { loadPreparedTable, loadTargetFile, prepareDatabase } from './load-file';
import { isPrepared, prepareTextFile } from './prepare';

/** A file in data/ and what the file itself does not say: its kind, role, year and regency. */
export interface BundledDataset {
	file: string;
	kind: DatasetKind;
	role: DatasetRole;
	tahun?: number;
	kodeKab?: string;
	namaKabupaten?: string;
}

/** The real data the dashboard ships with; data/README.md gives each file's source. */
export const BUNDLED_DATASETS: readonly BundledDataset[] = [
	{ file: 'idm-2024-empat-kabupaten.csv', kind: 'scores', role: 'primary' },
	{ file: 'idm-2023-way-kanan.csv', kind: 'scores', role: 'primary', namaKabupaten: 'WAY KANAN' },
	{
		file: 'lkjip-way-kanan-2023-tabel-2-5.csv',
		kind: 'scores',
		role: 'reconciliation',
		tahun: 2023,
		kodeKab: '1808',
		namaKabupaten: 'WAY KANAN'
	},
	{
		file: 'status-desa-balangan-2022.csv',
		kind: 'status',
		role: 'primary',
		tahun: 2022,
		kodeKab: '6311',
		namaKabupaten: 'BALANGAN'
	},
	{ file: 'rekap-status-desa.csv', kind: 'recap', role: 'primary' },
	{ file: 'target-indikator.csv', kind: 'targets', role: 'primary' }
];

/**
 * The whole 2024 national release (75,265 villages), bundled for the national view and the tests;
 * not loaded on start-up.
 */
export const NATIONAL_FILE = 'idm-2024-nasional.csv';

/** The regency the dashboard opens on: Way Kanan, the one with the longest village panel. */
export const DEFAULT_REGENCY = '1808';

/**
 * Loads every bundled file into a fresh database, through the same path a user's file takes.
 * `fetchFile` gives a file's bytes: fetch() in the browser, the file system in tests; all
 * requests start before the first file is read.
 */
export async function loadBundledDatasets(
	db: Database,
	fetchFile: (file: string) => Promise<Uint8Array>
): Promise<void> {
	const pending = BUNDLED_DATASETS.map((dataset) => ({ dataset, bytes: fetchFile(dataset.file) }));
	await prepareDatabase(db);
	for (const { dataset, bytes } of pending) {
		if (dataset.kind === 'targets') {
			await db.registerFile(dataset.file, await bytes);
			await loadTargetFile(db, dataset.file);
			continue;
		}
		// Every bundled file is a CSV: read without the workbook reader, which the first view never fetches (prepare-file.ts).
		const table = prepareTextFile(dataset.file, await bytes);
		if (!isPrepared(table)) throw new Error(`${dataset.file}: not a table this loader reads`);
		const choice = {
			kind: dataset.kind,
			role: dataset.role,
			defaults: {
				tahun: dataset.tahun ?? null,
				kodeKab: dataset.kodeKab ?? null,
				namaKabupaten: dataset.namaKabupaten ?? null
			}
		};
		await loadPreparedTable(db, dataset.file, table, choice, { matchNames: false });
	}
	await refreshNameMatches(db);
}
