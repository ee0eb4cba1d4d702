import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { isAggregatedScheme } from './status-queries';

/**
 * Village-years that two primary files give differently (IDM or published status): the merged
 * record takes the file loaded last; this lists what it overrode. Only the village-years several
 * rows give (derived.ts village_several) are grouped: at 740,000 rows of one file, grouping every
 * row took ~5 s to find none.
 */
export async function sourceConflicts(db: Database, area: string): Promise<Table> {
	return db.query(
		`SELECT identity AS kode_desa, tahun, max(nama_desa) AS nama_desa,
			string_agg(source || ': ' || coalesce(idm::VARCHAR, '–') || ' ' || coalesce(status_published, '–'), '; ' ORDER BY seq) AS nilai
		FROM village_rows r SEMI JOIN village_several s ON hash(r.identity, r.tahun) = s.h
		WHERE starts_with(coalesce(kode, kode_kec, kode_kab, ''), $1)
		GROUP BY identity, tahun
		HAVING count(DISTINCT idm) > 1 OR count(DISTINCT status_published) > 1
		ORDER BY tahun, identity`,
		[area]
	);
}

/** Villages that appear (`baru`) or vanish (`hilang`) between consecutive years with codes. */
export async function appearingAndVanishing(db: Database, area: string, schemeId: string): Promise<Table> {
	if (!(await isAggregatedScheme(db, schemeId))) return appearingAndVanishingFromRows(db, area, schemeId);
	// Which villages move from their paths (derived.ts village_path); their names and class from
	// the one year each is there, not from a join of every village row with its next year's.
	return db.query(
		`WITH moved AS (
			SELECT dari_tahun, ke_tahun, gerak, kode_desa, CASE gerak WHEN 'baru' THEN ke_tahun ELSE dari_tahun END AS tahun
			FROM path_moves($1, $2, NULL, NULL)
			WHERE gerak IN ('baru', 'hilang')
		)
		SELECT m.dari_tahun, m.ke_tahun, m.gerak, m.kode_desa, v.nama_desa, v.nama_kecamatan, v.status
		FROM moved m JOIN village_class($1, $2) v ON v.kode_desa = m.kode_desa AND v.tahun = m.tahun
		ORDER BY m.ke_tahun, m.gerak, m.kode_desa`,
		[area, schemeId]
	);
}

/** The same villages straight from the village rows, and for a scheme the paths do not know. */
export async function appearingAndVanishingFromRows(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(
		`SELECT dari_tahun, ke_tahun, gerak, kode_desa, nama_desa, nama_kecamatan, coalesce(dari, ke) AS status
		FROM village_moves($1, $2, NULL, NULL)
		WHERE gerak IN ('baru', 'hilang')
		ORDER BY ke_tahun, gerak, kode_desa`,
		[area, schemeId]
	);
}
