import { beforeAll, describe, expect, it } from 'vitest';
import { openBundledDatabase } from '../../../tests/helpers/bundled-db';
import { referenceYears } from '../../../tests/helpers/reference-inputs';
import { BUILT_IN_SCHEMES } from '../domain/schemes';
import { movementTotals, referenceTransitions, type TransitionCell } from '../domain/transitions';
import { statusYears, type StatusCount } from '../domain/status-counts';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { statusCountsByYear } from './status-queries';
import { movementByArea, movementByYearPair, transitionFigures, transitionMatrix, transitionYears, villagePaths } from './transition-queries';

let db: Database;
beforeAll(async () => {
	db = await openBundledDatabase();
});

async function matrix(area: string, from: number, to: number, scheme = 'resmi') {
	return rowsOf<TransitionCell>(await transitionMatrix(db, area, scheme, from, to));
}

describe('Way Kanan 2023 → 2024, the two releases joined on village codes', () => {
	it('moves 71 villages up, none down, and its totals equal both years’ counts', async () => {
		const cells = await matrix('1808', 2023, 2024);
		expect(movementTotals(cells)).toEqual({ naik: 71, tetap: 150, turun: 0, baru: 0, hilang: 0, tanpa_nilai: 0 });
		const years = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '1808', 'resmi')));
		for (const [year, side] of [
			[2023, 'dari'],
			[2024, 'ke']
		] as const) {
			const counts = years.find((y) => y.tahun === year)!.counts;
			for (const status of Object.keys(counts) as (keyof typeof counts)[]) {
				const fromMatrix = cells.filter((c) => c[side] === status).reduce((sum, c) => sum + c.jumlah, 0);
				expect(fromMatrix, `${year} ${status}`).toBe(counts[status]);
			}
		}
	});

	it('gives the matrix cell by cell', async () => {
		const cells = (await matrix('1808', 2023, 2024)).map((c) => `${c.dari} → ${c.ke}: ${c.jumlah}`);
		expect(cells).toEqual([
			'BERKEMBANG → BERKEMBANG: 47',
			'BERKEMBANG → MAJU: 50',
			'BERKEMBANG → MANDIRI: 1',
			'MAJU → MAJU: 77',
			'MAJU → MANDIRI: 20',
			'MANDIRI → MANDIRI: 26'
		]);
	});

	it('agrees with the TypeScript reference under both schemes', async () => {
		for (const scheme of BUILT_IN_SCHEMES) {
			const [y2023, y2024] = referenceYears('1808', scheme).filter((y) => y.villages);
			expect(await matrix('1808', 2023, 2024, scheme.id)).toEqual(referenceTransitions(y2023!.villages!, y2024!.villages!));
		}
	});

	it('sums naik / tetap / turun per kecamatan to the regency’s, and names who became Mandiri', async () => {
		type Row = { kode: string; nama: string; naik: number; tetap: number; turun: number; menjadi_mandiri: number };
		const perKecamatan = rowsOf<Row>(await movementByArea(db, '1808', 'resmi', 2023, 2024, 'kecamatan'));
		const [regency] = rowsOf<Row>(await movementByArea(db, '1808', 'resmi', 2023, 2024, 'kabupaten'));
		expect(perKecamatan).toHaveLength(15);
		expect(regency).toMatchObject({ kode: '1808', nama: 'WAY KANAN', naik: 71, tetap: 150, turun: 0, menjadi_mandiri: 21 });
		expect(perKecamatan.reduce((sum, k) => sum + k.naik, 0)).toBe(71);
		expect(perKecamatan.reduce((sum, k) => sum + k.menjadi_mandiri, 0)).toBe(21);
	});

	it('lists every consecutive pair of years with codes, and each village’s path', async () => {
		expect(await transitionYears(db, '1808')).toEqual([2023, 2024]);
		expect(rowsOf(await movementByYearPair(db, '1808', 'resmi'))).toEqual([
			{ dari_tahun: 2023, ke_tahun: 2024, naik: 71, tetap: 150, turun: 0, baru: 0, hilang: 0, tanpa_nilai: 0 }
		]);
		const paths = (await villagePaths(db, '1808', 'resmi')).toArray().map((row) => ({
			kode: row.kode_desa as string,
			status: [...row.status.toArray()] as string[]
		}));
		expect(paths).toHaveLength(221);
		expect(paths.filter((p) => p.status.join() === 'BERKEMBANG,MANDIRI')).toHaveLength(1);
	});
});

describe('villages that appear or vanish between years', () => {
	it('counts Balangan’s unscored Wonorejo as present without a class, not dropped', async () => {
		const cells = await matrix('6311', 2024, 2024);
		expect(cells.find((c) => c.dari === null)).toMatchObject({ ada_dari: true, ada_ke: true, gerak: 'tanpa_nilai', jumlah: 1 });
	});

	it('counts villages of one year only as baru or hilang', async () => {
		// Banyuasin has 2024 village rows only: from 2023 (no coded rows) everything is new.
		expect(movementTotals(await matrix('1607', 2023, 2024))).toMatchObject({ baru: 288, naik: 0 });
		expect(movementTotals(await matrix('1607', 2024, 2025))).toMatchObject({ hilang: 288 });
	});
});

describe('the movements of the whole area, the line under the kecamatan table', () => {
	type Row = { kode: string; naik: number; tetap: number; turun: number; baru: number; hilang: number; menjadi_mandiri: number };
	const total = async (area: string) => (await transitionFigures(db, area, 'resmi', 2023, 2024)).byArea.wilayah;

	it('adds up every regency of the nation, not the first one’s (Balangan’s 154 new villages)', async () => {
		// Way Kanan's moves, and the 2024 villages of Banyuasin (288), Balangan (154) and Barito Timur (100) all new.
		const nation = { kode: '', naik: 71, tetap: 150, turun: 0, baru: 542, hilang: 0, menjadi_mandiri: 21 };
		expect(await total('')).toEqual([expect.objectContaining(nation)]);
		expect(rowsOf<Row>(await movementByArea(db, '', 'resmi', 2023, 2024, 'wilayah'))).toEqual([expect.objectContaining(nation)]);
	});

	it('is the regency’s own line for a regency, and the kecamatan’s for a kecamatan', async () => {
		expect(await total('1808')).toEqual([expect.objectContaining({ kode: '1808', naik: 71, tetap: 150, menjadi_mandiri: 21 })]);
		expect(await total('180805')).toEqual([expect.objectContaining({ kode: '180805', naik: 6, tetap: 5, menjadi_mandiri: 1 })]);
	});
});
