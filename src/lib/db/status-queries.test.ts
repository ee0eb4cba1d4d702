import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, openBundledDatabase } from '../../../tests/helpers/bundled-db';
import { parseScore } from '../domain/idm';
import { BUILT_IN_SCHEMES, classify } from '../domain/schemes';
import { statusYears, type StatusCount } from '../domain/status-counts';
import type { Database } from './database';
import { rowsOf } from './arrow';
import { listRegencies, statusCountsByYear } from './status-queries';

let db: Database;
beforeAll(async () => {
	db = await openBundledDatabase();
});

async function years(kodeKab: string, scheme = 'resmi') {
	return statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, kodeKab, scheme)));
}

/** Counts written as the reports print them: Mandiri / Maju / Berkembang / Tertinggal / Sangat Tertinggal. */
function printed(counts: Record<string, number>): string {
	return ['MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL'].map((s) => counts[s]).join(' / ');
}

describe('statusCountsByYear on the bundled data', () => {
	it('lists the four regencies of the seed reports', async () => {
		expect(await listRegencies(db)).toEqual([
			{ kode_kab: '6311', nama_kabupaten: 'BALANGAN' },
			{ kode_kab: '1607', nama_kabupaten: 'BANYUASIN' },
			{ kode_kab: '6213', nama_kabupaten: 'BARITO TIMUR' },
			{ kode_kab: '1808', nama_kabupaten: 'WAY KANAN' }
		]);
	});

	it('Way Kanan: 2022 from the recap, 2023 and 2024 from the releases', async () => {
		const wayKanan = await years('1808');
		expect(wayKanan.map((y) => [y.tahun, y.basis, y.total])).toEqual([
			[2022, 'recap', 219],
			[2023, 'scores', 221],
			[2024, 'scores', 221]
		]);
		expect(printed(wayKanan[0]!.counts)).toBe('10 / 53 / 154 / 2 / 0');
		expect(printed(wayKanan[1]!.counts)).toBe('26 / 97 / 98 / 0 / 0');
		expect(printed(wayKanan[2]!.counts)).toBe('47 / 127 / 47 / 0 / 0');
	});

	it('Balangan: 2017-2021 from the recap, 2022 from the status lists, 2024 with one unscored village', async () => {
		const balangan = await years('6311');
		expect(balangan.map((y) => [y.tahun, y.basis])).toEqual([
			[2017, 'recap'],
			[2018, 'recap'],
			[2019, 'recap'],
			[2020, 'recap'],
			[2021, 'recap'],
			[2022, 'status'],
			[2024, 'scores']
		]);
		expect(printed(balangan[0]!.counts)).toBe('0 / 0 / 18 / 109 / 27');
		expect(printed(balangan[5]!.counts)).toBe('7 / 96 / 50 / 0 / 1');
		expect(balangan[5]!.total).toBe(154);
		expect(printed(balangan[6]!.counts)).toBe('68 / 83 / 2 / 0 / 0');
		expect(balangan[6]!.unscored).toBe(1);
		expect(balangan[6]!.total).toBe(154);
	});

	it('Banyuasin: 2021-2023 from the recap, 2024 from the release', async () => {
		const banyuasin = await years('1607');
		expect(banyuasin.map((y) => `${y.tahun}: ${printed(y.counts)}`)).toEqual([
			'2021: 1 / 39 / 205 / 43 / 0',
			'2022: 3 / 49 / 209 / 27 / 0',
			'2023: 6 / 77 / 200 / 5 / 0',
			'2024: 11 / 106 / 171 / 0 / 0'
		]);
	});

	it('Barito Timur 2024: computed classes differ from the published ones for one village', async () => {
		const [baritoTimur] = await years('6213');
		expect(baritoTimur!.tahun).toBe(2024);
		expect(printed(baritoTimur!.counts)).toBe('5 / 49 / 45 / 1 / 0');
		expect(printed(baritoTimur!.published)).toBe('5 / 48 / 46 / 1 / 0');
		expect(baritoTimur!.disagreements).toBe(1);
	});

	it('the rounded scheme moves 7 Banyuasin villages of 2024 up a class', async () => {
		const [, , , official] = await years('1607', 'resmi');
		const [, , , rounded] = await years('1607', 'bulat');
		expect(printed(official!.counts)).toBe('11 / 106 / 171 / 0 / 0');
		expect(printed(rounded!.counts)).toBe('14 / 106 / 167 / 1 / 0');
	});

	it('agrees with the TypeScript reference (domain classify) on every 2024 village', async () => {
		const release = Papa.parse<Record<string, string>>(
			readFileSync(DATA_DIR + 'idm-2024-empat-kabupaten.csv', 'utf8'),
			{ header: true, skipEmptyLines: true }
		).data;
		for (const scheme of BUILT_IN_SCHEMES) {
			for (const kodeKab of ['1808', '1607', '6311', '6213']) {
				const expected: Record<string, number> = {};
				for (const row of release.filter((r) => r.KODE_KAB === kodeKab)) {
					const status = classify(parseScore(row.NILAI_IDM_2024), scheme) ?? 'none';
					expected[status] = (expected[status] ?? 0) + 1;
				}
				const sql = rowsOf<StatusCount>(await statusCountsByYear(db, kodeKab, scheme.id))
					.filter((r) => r.tahun === 2024)
					.map((r) => [r.status ?? 'none', r.jumlah]);
				expect(Object.fromEntries(sql), `${scheme.id} ${kodeKab}`).toEqual(expected);
			}
		}
	});

	it('keeps the seed 003 table for reconciliation out of the 2023 figures', async () => {
		const rows = rowsOf<{ source: string; n: number; parsed: number }>(
			await db.query(
				`SELECT source, count(*)::INTEGER AS n, count(idm)::INTEGER AS parsed
				FROM village_year WHERE tahun = 2023 GROUP BY source ORDER BY source`
			)
		);
		expect(rows).toEqual([
			{ source: 'idm-2023-way-kanan.csv', n: 221, parsed: 221 },
			{ source: 'lkjip-way-kanan-2023-tabel-2-5.csv', n: 221, parsed: 221 }
		]);
	});
});
