import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { rowsOf } from './arrow';

/**
 * Villages per status per year in an area (a code prefix: '' nation, 2 digits province, 4 regency,
 * 6 kecamatan), one row per (year, status) in the shape of `StatusCount` (domain/status-counts).
 * A village counts in the class of its score under the scheme; only a village without any score
 * counts by its published status. Regency-years with no village rows come from the recap counts.
 */
export async function statusCountsByYear(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query('SELECT * FROM status_counts($1, $2) ORDER BY tahun, status', [area, schemeId]);
}

export interface RegencyRow {
	kode_kab: string;
	nama_kabupaten: string;
}

/** Every regency with village rows or recap counts, by name. */
export async function listRegencies(db: Database): Promise<RegencyRow[]> {
	const table = await db.query(
		`SELECT kode_kab, max(nama_kabupaten) AS nama_kabupaten
		FROM (
			SELECT kode_kab, nama_kabupaten FROM village_score
			UNION ALL
			SELECT kode_kab, nama_kabupaten FROM status_recap
		)
		WHERE kode_kab IS NOT NULL
		GROUP BY kode_kab
		ORDER BY nama_kabupaten`
	);
	return rowsOf<RegencyRow>(table);
}
