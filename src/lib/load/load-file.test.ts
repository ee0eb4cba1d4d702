import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countsPerYear as counts, loadFile, openBundledDatabase, openFreshDatabase as freshDatabase } from '../../../tests/helpers/bundled-db';
import { rowsOf } from '../db/arrow';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { loadReport, reconcile } from '../db/report-queries';
import { statusCountsByYear } from '../db/status-queries';
import { statusYears, type StatusCount } from '../domain/status-counts';
import { loadPreparedTable, prepareDatabase, type LoadChoice } from './load-file';
import { isPrepared, type PreparedTable } from './prepare';
import { prepareFile } from './prepare-file';

const FIXTURES = new URL('../../../tests/fixtures/layouts/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

async function findings(db: Database, source: string) {
	return rowsOf<{ source_row: number | null; kolom: string | null; nilai: string | null; alasan: string }>(
		await loadReport(db, source, 'resmi')
	);
}

async function prepared(name: string): Promise<PreparedTable> {
	const [table] = await prepareFile(name, fixture(name));
	if (!table || !isPrepared(table)) throw new Error(`${name} not prepared`);
	return table;
}

describe('every real layout loads to the same Way Kanan counts', () => {
	const wayKanan2023 = '26 / 97 / 98 / 0 / 0';
	const wayKanan2024 = '47 / 127 / 47 / 0 / 0';

	it.each([
		['release-2024-way-kanan.csv', { 2024: wayKanan2024 }],
		['release-2023-way-kanan-semicolon.csv', { 2023: wayKanan2023 }],
		['release-2023-way-kanan-dagri-tab.tsv', { 2023: wayKanan2023 }],
		['wide-2023-2024-way-kanan.csv', { 2023: wayKanan2023, 2024: wayKanan2024 }],
		['long-2023-2024-way-kanan.csv', { 2023: wayKanan2023, 2024: wayKanan2024 }],
		['release-2024-way-kanan.xlsx', { 2024: wayKanan2024 }]
	])('%s', async (name, expected) => {
		const db = await freshDatabase();
		const results = await loadFile(db, name, fixture(name)).catch(async () => {
			// A workbook's notes sheet has no table: load the sheets that have one.
			const tables = (await prepareFile(name, fixture(name))).filter(isPrepared);
			return Promise.all(tables.map((t) => loadPreparedTable(db, t.name, t, { kind: t.kind!, role: 'primary', defaults: { tahun: null, kodeKab: null, namaKabupaten: null } })));
		});
		expect(results.reduce((sum, r) => sum + r.rejected, 0)).toBe(0);
		expect(await counts(db, '1808')).toEqual(expected);
		// The first load of a file starts the wasm engine: seconds on a busy two-core machine.
	}, 30_000);
});

describe('recognising a file', () => {
	it('reads the semicolon export: BOM, decimal commas, CRLF', async () => {
		const table = await prepared('release-2023-way-kanan-semicolon.csv');
		expect([table.delimiter, table.encoding, table.kind, table.headerLine]).toEqual([';', 'utf-8', 'scores', 1]);
	});

	it('finds seed 003’s header under its title rows, and tells a status list and a recap apart', async () => {
		const seed = await prepared('seed-003-way-kanan-2023-pages.csv');
		expect([seed.headerLine, seed.kind]).toEqual([4, 'scores']);
		expect((await prepared('status-2024-way-kanan.csv')).kind).toBe('status');
		expect((await prepared('rekap-balangan-2017-2022.csv')).kind).toBe('recap');
		expect((await prepared('components-2024-way-kanan.csv')).kind).toBe('scores');
	});

	it('offers every sheet of a workbook and says which has no table', async () => {
		const sheets = await prepareFile('release-2024-way-kanan.xlsx', fixture('release-2024-way-kanan.xlsx'));
		expect(sheets.map((s) => [s.name, isPrepared(s) ? s.kind : s.reason])).toEqual([
			['release-2024-way-kanan.xlsx › Catatan', 'no-header'],
			['release-2024-way-kanan.xlsx › IDM 2024', 'scores']
		]);
	});
});

describe('what the load report says', () => {
	it('keeps rows with notes in numeric cells and names with line breaks, and lists the notes', async () => {
		const db = await freshDatabase();
		const name = 'release-2023-lampung-notes-and-line-breaks.csv';
		const [result] = await loadFile(db, name, fixture(name));
		// 59 Lampung rows whose village (31) or kecamatan (30) name holds a line break, and 5 with notes.
		expect(result).toEqual({ read: 64, repeatedHeaders: 0, rejected: 0, loaded: 64 });
		const notes = (await findings(db, name)).filter((f) => f.alasan === 'not-a-number');
		expect(notes.map((f) => [f.source_row, f.kolom, f.nilai])).toEqual([
			[60, 'NILAI_IDM_2023', 'Update 2023'],
			[61, 'NILAI_IDM_2023', '-'],
			[63, 'NILAI_IDM_2023', 'belum dinilai'],
			[64, 'NILAI_IDM_2023', '0,7.5']
		]);
		const names = rowsOf<{ desa: number; kecamatan: number }>(
			await db.query(
				`SELECT count(*) FILTER (WHERE contains(nama_desa, chr(10)))::INTEGER AS desa,
					count(*) FILTER (WHERE contains(nama_kecamatan, chr(10)))::INTEGER AS kecamatan
				FROM village_year`
			)
		);
		expect(names).toEqual([{ desa: 31, kecamatan: 30 }]);
	});

	it('flags the printed totals of Balangan’s recap that its statuses do not add up to', async () => {
		const db = await freshDatabase();
		const table = await prepared('rekap-balangan-2017-2022.csv');
		const loaded = await loadPreparedTable(db, table.name, table, {
			kind: 'recap',
			role: 'primary',
			defaults: { tahun: null, kodeKab: '6311', namaKabupaten: null }
		});
		expect(loaded).toMatchObject({ read: 6, loaded: 30, rejected: 0 });
		expect((await findings(db, table.name)).map((f) => [f.source_row, f.nilai, f.alasan])).toEqual([
			[2, '154 ≠ 153', 'total-mismatch'],
			[3, '154 ≠ 153', 'total-mismatch']
		]);
		expect((await counts(db, '6311'))[2022]).toBe('7 / 96 / 50 / 0 / 1');
	});

	it('joins components and a status list of the same villages into one record each', async () => {
		const db = await freshDatabase();
		await loadFile(db, 'components-2024-way-kanan.csv', fixture('components-2024-way-kanan.csv'));
		const status = await prepared('status-2024-way-kanan.csv');
		await loadPreparedTable(db, status.name, status, { kind: 'status', role: 'primary', defaults: { tahun: 2024, kodeKab: null, namaKabupaten: null } });
		expect(await counts(db, '1808')).toEqual({ 2024: '47 / 127 / 47 / 0 / 0' });
		const merged = rowsOf<{ n: number; both: number }>(
			await db.query(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE rows_merged = 2)::INTEGER AS both FROM village_score`)
		);
		expect(merged).toEqual([{ n: 221, both: 221 }]);
	});
});

describe('reconciling seed 003’s printed table with the 2023 release', () => {
	async function withSeed(): Promise<Database> {
		const db = await freshDatabase();
		await loadFile(db, 'release-2023-way-kanan-semicolon.csv', fixture('release-2023-way-kanan-semicolon.csv'));
		const seed = await prepared('seed-003-way-kanan-2023-pages.csv');
		const choice: LoadChoice = { kind: 'scores', role: 'reconciliation', defaults: { tahun: 2023, kodeKab: '1808', namaKabupaten: 'WAY KANAN' } };
		expect(await loadPreparedTable(db, seed.name, seed, choice)).toEqual({ read: 224, repeatedHeaders: 3, rejected: 0, loaded: 221 });
		return db;
	}

	it('matches 215 of 221 villages by name (UMPU SEMENGIK and SEMENGGUK are UMPU SEMENGUK), 197 agree to 4 decimals, 14 spelled otherwise', async () => {
		const db = await withSeed();
		const rows = rowsOf<{ kode_desa: string | null; sama: boolean | null; desa_a: string; nama_berbeda: boolean | null }>(
			await reconcile(db, 'seed-003-way-kanan-2023-pages.csv')
		);
		expect(rows).toHaveLength(221);
		expect(rows.filter((r) => r.kode_desa !== null)).toHaveLength(215);
		expect(rows.filter((r) => r.sama)).toHaveLength(197);
		expect(rows.filter((r) => r.nama_berbeda)).toHaveLength(14);
		expect(rows.filter((r) => r.kode_desa === null).map((r) => r.desa_a)).toEqual([
			'BALI SADAR TENGAH',
			'BALI SADAR UTARA',
			'BALI SADAR SELATAN',
			'GEDUNG MENENG',
			'NEGERI MULYO',
			'TANJUNG DALOM'
		]);
	});

	it('turns a report’s table loaded first into a comparison once the release comes, so no village counts twice', async () => {
		const db = await freshDatabase();
		const seed = await prepared('seed-003-way-kanan-2023-pages.csv');
		await loadPreparedTable(db, seed.name, seed, { kind: 'scores', role: 'primary', defaults: { tahun: 2023, kodeKab: '1808', namaKabupaten: 'WAY KANAN' } });
		expect(await counts(db, '1808')).toEqual({ 2023: '26 / 97 / 98 / 0 / 0' });
		await loadFile(db, 'release-2023-way-kanan-semicolon.csv', fixture('release-2023-way-kanan-semicolon.csv'));
		const roles = rowsOf<{ source: string; role: string }>(await db.query('SELECT source, role FROM dataset ORDER BY seq'));
		expect(roles.map((r) => r.role)).toEqual(['reconciliation', 'primary']);
		const totals = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '1808', 'resmi')));
		expect(totals.map((y) => y.total)).toEqual([221]);
		expect((await findings(db, seed.name)).filter((f) => f.alasan === 'became-reconciliation').map((f) => f.nilai)).toEqual([
			'release-2023-way-kanan-semicolon.csv'
		]);
	});

	it('leaves the dashboard’s 2023 figures to the release, and lists the names to resolve', async () => {
		const db = await withSeed();
		expect(await counts(db, '1808')).toEqual({ 2023: '26 / 97 / 98 / 0 / 0' });
		const unmatched = (await findings(db, 'seed-003-way-kanan-2023-pages.csv')).filter((f) => f.alasan === 'name-unmatched');
		expect(unmatched.map((f) => f.nilai)).toContain('BANJIT / BALI SADAR TENGAH');
		expect((await findings(db, 'seed-003-way-kanan-2023-pages.csv')).filter((f) => f.alasan === 'repeated-header')).toHaveLength(3);
	});
});

describe('the list of loaded datasets', () => {
	it('gives each dataset’s years and counts', async () => {
		const db = await freshDatabase();
		await loadFile(db, 'wide-2023-2024-way-kanan.csv', fixture('wide-2023-2024-way-kanan.csv'));
		const { datasetSummaries } = await import('../db/report-queries');
		expect(rowsOf(await datasetSummaries(db))).toEqual([
			{
				source: 'wide-2023-2024-way-kanan.csv',
				kind: 'scores',
				role: 'primary',
				seq: 1,
				rows_read: 221,
				rows_loaded: 442,
				rows_rejected: 0,
				issues: 0,
				tahun: '2023, 2024'
			}
		]);
	});

	it('notes what each dataset holds as it loads, as its rows give it', async () => {
		const db = await openBundledDatabase();
		await loadFile(db, 'wide-2023-2024-way-kanan.csv', fixture('wide-2023-2024-way-kanan.csv'));
		const { datasetSummaries } = await import('../db/report-queries');
		const listed = rowsOf<{ source: string; rows_loaded: number; tahun: string | null }>(await datasetSummaries(db));
		const fromRows = rowsOf<{ source: string; rows_loaded: number; tahun: string | null; has_codes: boolean }>(
			await db.query(
				`SELECT d.source,
					(SELECT count(*) FROM village_year v WHERE v.source = d.source)::INTEGER
						+ (SELECT count(*) FROM status_recap r WHERE r.source = d.source)::INTEGER AS rows_loaded,
					coalesce(
						(SELECT string_agg(DISTINCT tahun::VARCHAR, ', ' ORDER BY tahun::VARCHAR) FROM village_year v WHERE v.source = d.source),
						(SELECT string_agg(DISTINCT tahun::VARCHAR, ', ' ORDER BY tahun::VARCHAR) FROM status_recap r WHERE r.source = d.source)
					) AS tahun,
					EXISTS (SELECT 1 FROM village_year v WHERE v.source = d.source AND v.kode_desa IS NOT NULL) AS has_codes
				FROM dataset d ORDER BY d.seq`
			)
		);
		expect(listed.map(({ source, rows_loaded, tahun }) => ({ source, rows_loaded, tahun }))).toEqual(fromRows.map(({ source, rows_loaded, tahun }) => ({ source, rows_loaded, tahun })));
		// The bundled report table of Way Kanan and status list of Balangan have names only, the recap no village rows.
		const noted = rowsOf<{ source: string; has_codes: boolean | null }>(await db.query('SELECT source, has_codes FROM dataset ORDER BY seq'));
		expect(noted.map((d) => [d.source, d.has_codes ?? false])).toEqual(fromRows.map((d) => [d.source, d.has_codes]));
		expect(noted.filter((d) => d.has_codes === false).map((d) => d.source)).toEqual(['lkjip-way-kanan-2023-tabel-2-5.csv', 'status-desa-balangan-2022.csv', 'rekap-status-desa.csv']);
		// Way Kanan 221, Banyuasin 288, Barito Timur 100 and Balangan 154 villages.
		expect(listed.find((d) => d.source === 'idm-2024-empat-kabupaten.csv')).toMatchObject({ rows_loaded: 763, tahun: '2024' });
	});
});
