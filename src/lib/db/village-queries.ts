import type { Table } from 'apache-arrow';
import type { Database } from './database';

/**
 * Every village-year of an area (one year, or all with `tahun` null) whose class differs between
 * two schemes: what changes when a report's rounded thresholds replace the official ones. Either
 * scheme may be `PUBLISHED_CLASSES.id` ('terbit'): the statuses as the file published them.
 */
export async function schemeDifferences(
	db: Database,
	area: string,
	schemeA: string,
	schemeB: string,
	tahun: number | null
): Promise<Table> {
	return db.query(
		`WITH classes AS (
			SELECT a.tahun, a.kode_desa, a.nama_desa, a.nama_kecamatan, a.nama_kabupaten, a.score AS idm,
				CASE WHEN $2 = 'terbit' THEN a.status_published ELSE a.status END AS kelas_a,
				CASE WHEN $3 = 'terbit' THEN b.status_published ELSE b.status END AS kelas_b
			FROM village_class($1, $2) a
			JOIN village_class($1, $3) b USING (identity, tahun)
			WHERE $4::INTEGER IS NULL OR a.tahun = $4::INTEGER
		)
		SELECT * FROM classes
		WHERE kelas_a IS DISTINCT FROM kelas_b
		ORDER BY tahun, kode_desa, nama_desa`,
		[area, schemeA, schemeB, tahun]
	);
}

/** One row of {@link villageDetails}. */
export interface VillageDetail {
	tahun: number;
	kode_desa: string | null;
	nama_desa: string | null;
	kode_kec: string | null;
	nama_kecamatan: string | null;
	iks: number | null;
	ike: number | null;
	ikl: number | null;
	idm: number | null;
	idm_hitung: number | null;
	idm_berbeda: boolean | null;
	score: number | null;
	status_terbit: string | null;
	status_hitung: string | null;
	status_berbeda: boolean;
	kelas_berikut: string | null;
	idm_kelas_berikut: number | null;
	jarak: number | null;
	komponen_terlemah: string | null;
	komponen_selisih: number | null;
}

/**
 * Per village-year: published and recomputed IDM side by side, published and computed class, the
 * disagreements flagged, the IDM needed for the next class and the gap to it, and which of IKS,
 * IKE, IKL lies furthest below the kecamatan's mean that year. `flaggedOnly` keeps the
 * village-years whose published status or IDM disagrees with the computed one.
 */
export async function villageDetails(
	db: Database,
	area: string,
	schemeId: string,
	tahun: number | null,
	flaggedOnly = false
): Promise<Table> {
	return db.query(
		`WITH v AS (
			SELECT * FROM village_class($1, $2) WHERE $3::INTEGER IS NULL OR tahun = $3::INTEGER
		),
		kecamatan_mean AS (
			SELECT tahun, kode_kec, nama_kecamatan, avg(iks) AS iks, avg(ike) AS ike, avg(ikl) AS ikl
			FROM v GROUP BY ALL
		),
		gaps AS (
			SELECT v.identity, v.tahun,
				v.iks - k.iks AS d_iks, v.ike - k.ike AS d_ike, v.ikl - k.ikl AS d_ikl
			FROM v JOIN kecamatan_mean k
				ON k.tahun = v.tahun AND k.kode_kec IS NOT DISTINCT FROM v.kode_kec
				AND k.nama_kecamatan IS NOT DISTINCT FROM v.nama_kecamatan
		)
		SELECT v.tahun, v.kode_desa, v.nama_desa, v.kode_kec, v.nama_kecamatan, v.kode_kab, v.nama_kabupaten,
			v.iks, v.ike, v.ikl, v.idm,
			v.idm_from_components AS idm_hitung,
			v.idm - v.idm_from_components AS selisih_idm,
			abs(v.idm - v.idm_from_components) > 0.0001 + 1e-9 AS idm_berbeda,
			v.score,
			v.status_published AS status_terbit,
			v.status_computed AS status_hitung,
			v.status,
			v.status_published IS NOT NULL AND v.status_computed IS NOT NULL
				AND v.status_published <> v.status_computed AS status_berbeda,
			CASE WHEN next.lower_inclusive THEN next.lower ELSE round(next.lower + 0.0001, 4) END AS idm_kelas_berikut,
			CASE WHEN next.scheme_id IS NOT NULL AND v.score IS NOT NULL
				THEN round((CASE WHEN next.lower_inclusive THEN next.lower ELSE next.lower + 0.0001 END) - v.score, 4)
			END AS jarak,
			next.status AS kelas_berikut,
			CASE least(g.d_iks, g.d_ike, g.d_ikl)
				WHEN g.d_iks THEN 'IKS' WHEN g.d_ike THEN 'IKE' WHEN g.d_ikl THEN 'IKL'
			END AS komponen_terlemah,
			least(g.d_iks, g.d_ike, g.d_ikl) AS komponen_selisih
		FROM v
		LEFT JOIN status_band current ON current.scheme_id = $2 AND current.status = v.status_computed
		LEFT JOIN status_band next ON next.scheme_id = $2 AND next.rank = current.rank + 1
		LEFT JOIN gaps g USING (identity, tahun)
		WHERE NOT $4 OR coalesce(v.status_published <> v.status_computed, false)
			OR coalesce(abs(v.idm - v.idm_from_components) > 0.0001 + 1e-9, false)
		ORDER BY v.tahun, v.kode_desa, v.nama_desa`,
		[area, schemeId, tahun, flaggedOnly]
	);
}
