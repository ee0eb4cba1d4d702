import { describe, expect, it } from 'vitest';
import { headerKey, recognizeColumns } from './columns';

describe('recognizeColumns', () => {
	it('reads the 2024 release header, per-year columns carrying their year', () => {
		const headers = 'KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_2024,IKE_2024,IKL_2024,NILAI_IDM_2024,STATUS_IDM_2024,Keterangan'.split(',');
		expect(recognizeColumns(headers).map((c) => `${c.field}${c.tahun ? '@' + c.tahun : ''}`)).toEqual([
			'kode_prov',
			'nama_provinsi',
			'kode_kab',
			'nama_kabupaten',
			'kode_kec',
			'nama_kecamatan',
			'kode_desa',
			'nama_desa',
			'iks@2024',
			'ike@2024',
			'ikl@2024',
			'idm@2024',
			'status@2024',
			'keterangan'
		]);
	});

	it('reads the 2023 release header as IDM.md gives it', () => {
		const mapping = recognizeColumns(['KODE_DESA_DAGRI', 'DESA', 'KECAMATAN', 'KABUPATEN_KOTA', 'IKS_2023', 'STATUS_IDM_2023', 'UPDATE']);
		expect(mapping.map((c) => c.field)).toEqual(['kode_desa', 'nama_desa', 'nama_kecamatan', 'nama_kabupaten', 'iks', 'status', 'keterangan']);
		expect(mapping[4]!.tahun).toBe(2023);
	});

	it("reads the seeds' table headers and leaves row numbers out", () => {
		expect(recognizeColumns(['NO.', 'NAMA DESA', 'KECAMATAN', 'IDM', 'STATUS'])).toEqual([
			{ header: 'NAMA DESA', field: 'nama_desa', tahun: null },
			{ header: 'KECAMATAN', field: 'nama_kecamatan', tahun: null },
			{ header: 'IDM', field: 'idm', tahun: null },
			{ header: 'STATUS', field: 'status', tahun: null }
		]);
		expect(recognizeColumns(['NO', 'NAMA DESA', 'KECAMATAN', 'STATUS IDM']).map((c) => c.field)).toEqual([
			'nama_desa',
			'nama_kecamatan',
			'status'
		]);
	});

	it('folds case and spacing', () => {
		expect(headerKey(' Nama  Desa ')).toBe('NAMA_DESA');
		expect(recognizeColumns(['nilai idm 2024', 'Iks_2023'])).toEqual([
			{ header: 'nilai idm 2024', field: 'idm', tahun: 2024 },
			{ header: 'Iks_2023', field: 'iks', tahun: 2023 }
		]);
	});
});
