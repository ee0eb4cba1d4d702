import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { rowsOf } from './arrow';

/**
 * Villages per status per year for one regency, one row per (year, status) in the shape of
 * `StatusCount` (domain/status-counts). A village counts in the class of its score under the
 * scheme; only a village without any score counts by its published status. Years with no village
 * rows come from the recap counts.
 */
export async function statusCountsByYear(db: Database, kodeKab: string, schemeId: string): Promise<Table> {
	return db.query(
		`WITH classified AS (
			SELECT v.tahun, v.score, v.status_published, b.status AS computed
			FROM village_score v
			LEFT JOIN status_band b ON b.scheme_id = $2
				AND (v.score > b.lower OR (b.lower_inclusive AND v.score = b.lower))
				AND (v.score < b.upper OR (b.upper_inclusive AND v.score = b.upper))
			WHERE v.kode_kab = $1
		),
		statuses AS (
			SELECT tahun, coalesce(computed, CASE WHEN score IS NULL THEN status_published END) AS status,
				1 AS counted, 0 AS published,
				(computed IS NOT NULL AND status_published IS NOT NULL AND computed <> status_published)::INTEGER AS differs
			FROM classified
			UNION ALL
			SELECT tahun, status_published, 0, 1, 0 FROM classified WHERE status_published IS NOT NULL
		),
		basis AS (
			SELECT tahun, CASE WHEN count(score) > 0 THEN 'scores' ELSE 'status' END AS basis
			FROM classified GROUP BY tahun
		)
		SELECT tahun, status, sum(counted)::INTEGER AS jumlah, sum(published)::INTEGER AS jumlah_terbit,
			sum(differs)::INTEGER AS berbeda, basis
		FROM statuses JOIN basis USING (tahun)
		GROUP BY tahun, status, basis
		UNION ALL
		SELECT tahun, status, jumlah, jumlah, 0, 'recap'
		FROM status_recap
		WHERE kode_kab = $1 AND NOT EXISTS (SELECT 1 FROM classified c WHERE c.tahun = status_recap.tahun)
		ORDER BY tahun, status`,
		[kodeKab, schemeId]
	);
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
