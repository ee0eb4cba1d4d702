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
	if (!isAggregatedArea(area) || !(await isAggregatedScheme(db, schemeId))) return statusCountsFromRows(db, area, schemeId);
	// From the pre-aggregated counts (derived.ts): the same answer as status_counts, which the
	// tests check, without re-classifying every village row.
	return db.query(`${STATUS_COUNTS_AGGREGATED} ORDER BY tahun, status`, [area, schemeId]);
}

/**
 * status_counts($1, $2) from the pre-aggregated tables, for an aggregated area and scheme: the
 * area's counts per code classed under the scheme, a village counted in its class and, where it
 * has one, under its published status (`jumlah_terbit`).
 */
export const STATUS_COUNTS_AGGREGATED = `
	WITH classed AS (
		SELECT s.area, s.tahun, s.status_published, s.villages, c.status_computed, c.status
		FROM status_agg s JOIN code_class c ON c.code = s.code AND c.scheme_id = $2
		WHERE s.area = $1
	),
	counted AS (
		SELECT area, tahun, status,
			sum(counted)::INTEGER AS jumlah, sum(published)::INTEGER AS jumlah_terbit, sum(differs)::INTEGER AS berbeda
		FROM (
			SELECT area, tahun, status, villages AS counted, 0 AS published,
				CASE WHEN status_computed <> status_published THEN villages ELSE 0 END AS differs
			FROM classed
			UNION ALL
			SELECT area, tahun, status_published, 0, villages, 0 FROM classed WHERE status_published IS NOT NULL
		)
		GROUP BY area, tahun, status
	)
	SELECT tahun, status, jumlah, jumlah_terbit, berbeda,
		CASE WHEN y.n_score > 0 THEN 'scores' ELSE 'status' END AS basis
	FROM counted JOIN area_year y USING (area, tahun)
	UNION ALL
	SELECT tahun, status, jumlah, jumlah, 0, 'recap'
	FROM recap_kab_year
	WHERE starts_with(kode_kab, $1)`;

/** The same counts straight from the village rows (schema.ts status_counts). */
export async function statusCountsFromRows(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query('SELECT * FROM status_counts($1, $2) ORDER BY tahun, status', [area, schemeId]);
}

/** Areas the pre-aggregated tables hold: the nation, a province, a regency, a kecamatan. */
export function isAggregatedArea(area: string): boolean {
	return /^(\d{2}|\d{4}|\d{6})?$/.test(area);
}

/** Whether the scheme's bands are known, and so aggregated (derived.ts classifies under every known scheme). */
export async function isAggregatedScheme(db: Database, schemeId: string): Promise<boolean> {
	const table = await db.query('SELECT count(*)::INTEGER AS n FROM status_band WHERE scheme_id = $1', [schemeId]);
	return Number(table.toArray()[0]?.n ?? 0) > 0;
}

export interface RegencyRow {
	kode_kab: string;
	nama_kabupaten: string;
}

/**
 * Every regency with village rows or recap counts, by name. From the loaded rows, not the merged
 * ones: asked while a file is being chosen, it must not wait for the merge to be rebuilt.
 */
export async function listRegencies(db: Database): Promise<RegencyRow[]> {
	const table = await db.query(
		`SELECT kode_kab, max(nama_kabupaten) AS nama_kabupaten
		FROM (
			SELECT v.kode_kab, v.nama_kabupaten FROM village_year v JOIN dataset d USING (source) WHERE d.role = 'primary'
			UNION ALL
			SELECT kode_kab, nama_kabupaten FROM status_recap
		)
		WHERE kode_kab IS NOT NULL
		GROUP BY kode_kab
		ORDER BY nama_kabupaten`
	);
	return rowsOf<RegencyRow>(table);
}

/**
 * Whether an area has coded villages in every year the data has: then its consecutive years are
 * the ones move_agg and pair_agg (derived.ts) follow villages along.
 */
export async function hasEveryCodedYear(db: Database, area: string): Promise<boolean> {
	const table = await db.query(EVERY_CODED_YEAR, [area]);
	return table.toArray()[0]?.every === true;
}

/** hasEveryCodedYear's question about the area $1, as SQL another statement can ask it in. */
export const EVERY_CODED_YEAR = `SELECT (SELECT list(tahun ORDER BY tahun) FROM area_year WHERE area = $1 AND coded > 0)
	= (SELECT list(tahun ORDER BY tahun) FROM area_year WHERE area = '' AND coded > 0) AS every`;

/**
 * Whether the movement tables hold an area under a scheme: the scheme is known and the area has
 * coded villages in every year. Both asked at once: one wait for the worker, not two in a row.
 */
export async function aggregatedFor(db: Database, area: string, schemeId: string): Promise<boolean> {
	const [scheme, everyYear] = await Promise.all([isAggregatedScheme(db, schemeId), hasEveryCodedYear(db, area)]);
	return scheme && everyYear;
}
