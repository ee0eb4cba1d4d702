import { beforeAll, describe, expect, it } from 'vitest';
import { openBundledDatabase } from '../../../tests/helpers/bundled-db';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { listAreas, statusCountsByKecamatan, transitionFlows, villageHistory } from './area-queries';

let db: Database;
beforeAll(async () => {
	db = await openBundledDatabase();
});

describe('areas, kecamatan counts, flows and a village’s history on the bundled data', () => {
	it('lists the four provinces, four regencies and their kecamatan', async () => {
		const areas = await listAreas(db);
		expect(areas.filter((a) => a.tingkat === 'provinsi').map((a) => a.nama)).toEqual([
			'SUMATERA SELATAN',
			'LAMPUNG',
			'KALIMANTAN TENGAH',
			'KALIMANTAN SELATAN'
		]);
		expect(areas.filter((a) => a.tingkat === 'kabupaten').map((a) => a.kode)).toEqual(['1607', '1808', '6213', '6311']);
		expect(areas.filter((a) => a.tingkat === 'kecamatan' && a.kode.startsWith('1808'))).toHaveLength(15);
	});

	it('names every kecamatan and regency as the merged village rows name them', async () => {
		const areas = await listAreas(db);
		for (const [tingkat, code, name] of [['kecamatan', 'kode_kec', 'nama_kecamatan'], ['kabupaten', 'kode_kab', 'nama_kabupaten']] as const) {
			const fromRows = rowsOf<{ kode: string; nama: string }>(
				await db.query(`SELECT ${code} AS kode, coalesce(max(${name}), ${code}) AS nama FROM village_score WHERE ${code} IS NOT NULL GROUP BY ${code} ORDER BY kode`)
			);
			expect(fromRows.length).toBeGreaterThan(3);
			expect(areas.filter((a) => a.tingkat === tingkat).map(({ kode, nama }) => ({ kode, nama }))).toEqual(fromRows);
		}
	});

	it('counts Way Kanan’s villages per kecamatan, adding up to the regency', async () => {
		const rows = rowsOf<{ tahun: number; jumlah: number; status: string }>(await statusCountsByKecamatan(db, '1808', 'resmi'));
		const total = (tahun: number, status: string) =>
			rows.filter((r) => r.tahun === tahun && r.status === status).reduce((sum, r) => sum + r.jumlah, 0);
		expect([total(2024, 'MANDIRI'), total(2024, 'MAJU'), total(2024, 'BERKEMBANG')]).toEqual([47, 127, 47]);
		expect([total(2023, 'MANDIRI'), total(2023, 'MAJU'), total(2023, 'BERKEMBANG')]).toEqual([26, 97, 98]);
	});

	it('gives the flows between consecutive coded years', async () => {
		const flows = rowsOf<{ dari: string; ke: string; jumlah: number }>(await transitionFlows(db, '1808', 'resmi'));
		expect(flows.map((f) => `${f.dari} → ${f.ke}: ${f.jumlah}`)).toEqual([
			'BERKEMBANG → BERKEMBANG: 47',
			'BERKEMBANG → MAJU: 50',
			'BERKEMBANG → MANDIRI: 1',
			'MAJU → MAJU: 77',
			'MAJU → MANDIRI: 20',
			'MANDIRI → MANDIRI: 26'
		]);
	});

	it('follows Bumi Agung Wates (1808052009) from 2023 to 2024', async () => {
		const history = rowsOf<{ tahun: number; idm: number; iks: number; status: string }>(await villageHistory(db, '1808052009', 'resmi'));
		expect(history.map((h) => [h.tahun, h.idm, h.iks, h.status])).toEqual([
			[2023, 0.7487, 0.8629, 'MAJU'],
			[2024, 0.8898, 0.9029, 'MANDIRI']
		]);
	});
});
