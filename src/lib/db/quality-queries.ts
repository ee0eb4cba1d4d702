import type { Table } from 'apache-arrow';
import type { Database } from './database';

/**
 * Village-years that two primary files give differently (IDM or published status): the merged
 * record takes the file loaded last; this lists what it overrode.
 */
export async function sourceConflicts(db: Database, area: string): Promise<Table> {
	return db.query(
		`SELECT identity AS kode_desa, tahun, max(nama_desa) AS nama_desa,
			string_agg(source || ': ' || coalesce(idm::VARCHAR, '–') || ' ' || coalesce(status_published, '–'), '; ' ORDER BY seq) AS nilai
		FROM village_rows
		WHERE starts_with(coalesce(kode, kode_kec, kode_kab, ''), $1)
		GROUP BY identity, tahun
		HAVING count(DISTINCT idm) > 1 OR count(DISTINCT status_published) > 1
		ORDER BY tahun, identity`,
		[area]
	);
}

/** Villages that appear (`baru`) or vanish (`hilang`) between consecutive years with codes. */
export async function appearingAndVanishing(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(
		`SELECT dari_tahun, ke_tahun, gerak, kode_desa, nama_desa, nama_kecamatan, coalesce(dari, ke) AS status
		FROM village_moves($1, $2, NULL, NULL)
		WHERE gerak IN ('baru', 'hilang')
		ORDER BY ke_tahun, gerak, kode_desa`,
		[area, schemeId]
	);
}
