import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { REJECTING_REASONS } from './load-queries';

/** The module's own reason codes as an SQL list: never input. */
const REJECTING_SQL = `(${REJECTING_REASONS.map((reason) => `'${reason}'`).join(', ')})`;

/** The rows of a dataset that were not loaded at all, and why: what a notice right after loading names. */
export async function rejectedRows(db: Database, source: string): Promise<Table> {
	return db.query(
		`SELECT source_row, kolom, nilai, alasan FROM load_issue
		WHERE source = $1 AND alasan IN ${REJECTING_SQL}
		ORDER BY alasan, source_row NULLS LAST, nilai`,
		[source]
	);
}

/**
 * What loading a dataset found, one row per finding: the issues recorded while reading (row,
 * column, value, reason) and the checks against everything loaded: duplicate village-years,
 * IDM ≠ (IKS + IKE + IKL) / 3 by more than 0.0001, a published status the score contradicts under
 * the scheme, a village present one year and missing the next, a name matched to no village or
 * to several. `alasan` is a reason code; i18n/load-report.ts words it.
 */
export async function loadReport(db: Database, source: string, schemeId: string): Promise<Table> {
	return db.query(
		`WITH mine AS (
			SELECT v.*, coalesce(v.kode_desa, m.kode_desa) AS kode
			FROM village_year v LEFT JOIN name_match m USING (source, source_row)
			WHERE v.source = $1
		),
		-- Village-years the dataset gives twice: found by counting alone, so that the listing and
		-- comparing of rows below is done for them only (for every village-year of a 740,000-row
		-- file it took seconds).
		twice AS (
			SELECT kode, tahun FROM mine WHERE kode IS NOT NULL GROUP BY kode, tahun HAVING count(*) > 1
		),
		-- The merged village-years this dataset speaks of: by its codes, or (rows without one) by
		-- being one of the rows merged. One set, so the join is a hash join, not a scan per row.
		mine_ids AS (
			SELECT kode AS identity FROM mine WHERE kode IS NOT NULL
			UNION
			SELECT identity FROM village_score WHERE list_contains(sources, $1)
		),
		scored AS (
			SELECT c.* FROM village_class('', $2) c WHERE c.identity IN (SELECT identity FROM mine_ids)
		),
		-- Each regency's years with the year after each: a village of a year should be there the next.
		years_of_area AS (
			SELECT kode_kab, tahun, lead(tahun) OVER (PARTITION BY kode_kab ORDER BY tahun) AS next
			FROM (SELECT DISTINCT kode_kab, tahun FROM village_score)
		)
		SELECT source_row, kolom, nilai, alasan FROM load_issue WHERE source = $1
		UNION ALL
		SELECT min(source_row), 'KODE_DESA', kode || ' ' || tahun || ': ' || string_agg(source_row::VARCHAR, ', ' ORDER BY source_row),
			-- Rows that say the same thing twice are harmless; rows that disagree need a choice.
			CASE WHEN count(DISTINCT (iks, ike, ikl, idm, status_published)) > 1 THEN 'conflicting-duplicate' ELSE 'duplicate' END
		FROM mine SEMI JOIN twice USING (kode, tahun)
		GROUP BY kode, tahun
		UNION ALL
		SELECT NULL, 'IDM', kode_desa || ' ' || tahun || ': ' || idm || ' ≠ ' || idm_from_components, 'idm-mismatch'
		FROM scored WHERE abs(idm - idm_from_components) > 0.0001 + 1e-9
		UNION ALL
		SELECT NULL, 'STATUS', coalesce(kode_desa, nama_desa) || ' ' || tahun || ': ' || status_published || ' → ' || status_computed, 'status-mismatch'
		FROM scored WHERE status_computed IS NOT NULL AND status_published IS NOT NULL AND status_computed <> status_published
		UNION ALL
		SELECT NULL, 'KODE_DESA', s.kode_desa || ' ' || s.nama_desa || ': ' || s.tahun || ' → ' || y.next, 'missing-next-year'
		FROM scored s
		JOIN years_of_area y ON y.kode_kab = s.kode_kab AND y.tahun = s.tahun AND y.next IS NOT NULL
		WHERE s.kode_desa IS NOT NULL AND NOT EXISTS (
			SELECT 1 FROM village_score later WHERE later.kode_desa = s.kode_desa AND later.tahun = y.next
		)
		UNION ALL
		SELECT v.source_row, 'NAMA_DESA', coalesce(v.nama_kecamatan, '') || ' / ' || v.nama_desa,
			CASE WHEN coalesce(len(m.kandidat), 0) = 0 THEN 'name-unmatched' ELSE 'name-ambiguous' END
		FROM village_year v JOIN name_match m USING (source, source_row)
		WHERE v.source = $1 AND m.kode_desa IS NULL
		ORDER BY alasan, source_row NULLS LAST, nilai`,
		[source, schemeId]
	);
}

/** Each loaded dataset with its counts: rows read, loaded, rejected. */
export async function datasetSummaries(db: Database): Promise<Table> {
	return db.query(
		`SELECT d.source, d.kind, d.role, d.seq, d.rows_read, coalesce(d.rows_loaded, 0) AS rows_loaded,
			(SELECT count(DISTINCT source_row) FROM load_issue i
				WHERE i.source = d.source AND i.alasan IN ('no-village', 'no-year', 'no-regency', 'unbalanced-quote', 'too-many-fields', 'wrong-delimiter'))::INTEGER AS rows_rejected,
			(SELECT count(*) FROM load_issue i WHERE i.source = d.source)::INTEGER AS issues,
			d.loaded_years AS tahun
		FROM dataset d
		ORDER BY d.seq`
	);
}

/**
 * Two sources for the same year side by side, village by village: a reconciliation dataset
 * (a report's printed table, say) against the figures the dashboard uses. `sama` is true where
 * both IDM agree to 4 decimals; rows the names could not place have no `kode_desa`.
 */
export async function reconcile(db: Database, source: string): Promise<Table> {
	return db.query(
		`SELECT r.source_row, r.tahun, coalesce(r.kode_desa, m.kode_desa) AS kode_desa,
			r.nama_kecamatan AS kecamatan_a, r.nama_desa AS desa_a, r.idm AS idm_a, r.status_published AS status_a,
			p.nama_kecamatan AS kecamatan_b, p.nama_desa AS desa_b, p.idm AS idm_b, p.status_published AS status_b,
			abs(r.idm - p.idm) < 0.00005 AS sama,
			-- Spelled otherwise, spaces and case aside (the names matched, so only the writing differs).
			regexp_replace(upper(trim(r.nama_desa)), '\s+', ' ', 'g') <> regexp_replace(upper(trim(p.nama_desa)), '\s+', ' ', 'g') AS nama_berbeda
		FROM village_year r
		LEFT JOIN name_match m USING (source, source_row)
		LEFT JOIN village_score p ON p.kode_desa = coalesce(r.kode_desa, m.kode_desa) AND p.tahun = r.tahun
		WHERE r.source = $1
		ORDER BY r.source_row`,
		[source]
	);
}
