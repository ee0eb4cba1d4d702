import { VILLAGE_FIELDS } from '../db/load-queries';
import { normalizeStatus, type Status } from '../domain/status';

export { VILLAGE_FIELDS };

export type VillageField = (typeof VILLAGE_FIELDS)[number];

/** A header recognised as a field; `tahun` is set for wide files' per-year columns (IKS_2024). */
export interface ColumnMapping {
	header: string;
	field: VillageField;
	tahun: number | null;
}

const HEADER_FIELDS: Record<string, VillageField> = {
	KODE_PROV: 'kode_prov',
	KODE_PROVINSI: 'kode_prov',
	NAMA_PROVINSI: 'nama_provinsi',
	PROVINSI: 'nama_provinsi',
	KODE_KAB: 'kode_kab',
	KODE_KABUPATEN: 'kode_kab',
	NAMA_KABUPATEN: 'nama_kabupaten',
	KABUPATEN: 'nama_kabupaten',
	KABUPATEN_KOTA: 'nama_kabupaten',
	KODE_KEC: 'kode_kec',
	KODE_KECAMATAN: 'kode_kec',
	NAMA_KECAMATAN: 'nama_kecamatan',
	KECAMATAN: 'nama_kecamatan',
	KODE_DESA: 'kode_desa',
	KODE_DESA_DAGRI: 'kode_desa',
	KODE_KEMENDAGRI: 'kode_desa',
	KODE_WILAYAH: 'kode_desa',
	NAMA_DESA_KELURAHAN: 'nama_desa',
	DESA_KELURAHAN: 'nama_desa',
	NAMA_KAMPUNG: 'nama_desa',
	KAMPUNG: 'nama_desa',
	NAMA_KEC: 'nama_kecamatan',
	NAMA_KAB: 'nama_kabupaten',
	NAMA_KABUPATEN_KOTA: 'nama_kabupaten',
	KAB_KOTA: 'nama_kabupaten',
	NAMA_PROV: 'nama_provinsi',
	NAMA_DESA: 'nama_desa',
	DESA: 'nama_desa',
	TAHUN: 'tahun',
	KETERANGAN: 'keterangan',
	UPDATE: 'keterangan'
};

const YEARLY_FIELDS: Record<string, VillageField> = {
	IKS: 'iks',
	IKE: 'ike',
	IKL: 'ikl',
	IDM: 'idm',
	NILAI_IDM: 'idm',
	SKOR_IDM: 'idm',
	INDEKS_DESA_MEMBANGUN: 'idm',
	STATUS: 'status',
	STATUS_IDM: 'status',
	STATUS_DESA: 'status',
	KLASIFIKASI: 'status',
	KLASIFIKASI_IDM: 'status'
};

/**
 * Folds a header to the key the tables above use.
 * @example headerKey(' Nama  Desa ') // 'NAMA_DESA'
 */
export function headerKey(header: string): string {
	return header
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * Recognises the columns of a village file (releases 2023 and 2024, the seeds' tables).
 * Headers it does not know (row numbers, notes) are left out.
 * @example recognizeColumns(['KODE_DESA', 'IKS_2024']) // [{header:'KODE_DESA', field:'kode_desa', tahun:null}, {header:'IKS_2024', field:'iks', tahun:2024}]
 */
export function recognizeColumns(headers: readonly string[]): ColumnMapping[] {
	return headers.flatMap((header): ColumnMapping[] => {
		const key = headerKey(header);
		const plain = HEADER_FIELDS[key] ?? YEARLY_FIELDS[key];
		if (plain) return [{ header, field: plain, tahun: null }];
		const yearly = /^(.+)_((?:19|20)\d\d)$/.exec(key);
		const field = yearly && YEARLY_FIELDS[yearly[1]!];
		return field ? [{ header, field, tahun: Number(yearly[2]) }] : [];
	});
}

/** What a column of a recap (counts per status, no villages) holds. */
export type RecapField = 'kode_kab' | 'nama_kabupaten' | 'tahun' | 'status' | 'jumlah' | `status:${Status}`;

export interface RecapMapping {
	header: string;
	field: RecapField;
	tahun: number | null;
}

const RECAP_FIELDS: Record<string, RecapField> = {
	KODE_KAB: 'kode_kab',
	KODE_KABUPATEN: 'kode_kab',
	KABUPATEN: 'nama_kabupaten',
	NAMA_KABUPATEN: 'nama_kabupaten',
	KABUPATEN_KOTA: 'nama_kabupaten',
	TAHUN: 'tahun',
	STATUS: 'status',
	STATUS_IDM: 'status',
	KLASIFIKASI: 'status',
	KLASIFIKASI_IDM: 'status',
	JUMLAH: 'jumlah',
	JUMLAH_DESA: 'jumlah'
};

/**
 * Recognises the columns of a recap: regency, year, and either a column per status (wide, as the
 * reports print it: `MANDIRI`, `MAJU`, …, also `MANDIRI_2022`) or a status and a count column (long).
 * @example recognizeRecapColumns(['Tahun', 'MANDIRI', 'SANGAT TERTINGGAL']).map((c) => c.field) // ['tahun', 'status:MANDIRI', 'status:SANGAT TERTINGGAL']
 */
export function recognizeRecapColumns(headers: readonly string[]): RecapMapping[] {
	return headers.flatMap((header): RecapMapping[] => {
		const key = headerKey(header);
		const plain = RECAP_FIELDS[key];
		if (plain) return [{ header, field: plain, tahun: null }];
		const yearly = /^(.+?)(?:_((?:19|20)\d\d))?$/.exec(key);
		const status = yearly && normalizeStatus(yearly[1]!.replace(/_/g, ' '));
		if (!status || /^(ST|MD|DST|DT|DB|DM)$/.test(yearly![1]!)) return [];
		return [{ header, field: `status:${status}`, tahun: yearly![2] ? Number(yearly![2]) : null }];
	});
}
