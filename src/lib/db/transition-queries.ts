import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { hasEveryCodedYear, isAggregatedScheme } from './status-queries';

/**
 * The from-class × to-class matrix of villages (joined on village code) between two years of an
 * area, as `TransitionCell` rows (domain/transitions). `dari`/`ke` are null for a village absent
 * that year (`ada_dari`/`ada_ke` false) or present without any score or status.
 */
export async function transitionMatrix(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number
): Promise<Table> {
	const moves = (await isAggregatedScheme(db, schemeId)) ? 'path_moves' : 'village_moves';
	return db.query(transitionMatrixSql(moves), [area, schemeId, fromYear, toYear]);
}

/** The same matrix straight from the village rows. */
export async function transitionMatrixFromRows(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number
): Promise<Table> {
	return db.query(transitionMatrixSql('village_moves'), [area, schemeId, fromYear, toYear]);
}

function transitionMatrixSql(moves: 'path_moves' | 'village_moves'): string {
	return `SELECT dari, ke, ada_dari, ada_ke, gerak, count(*)::INTEGER AS jumlah
		FROM ${moves}($1, $2, $3::INTEGER, $4::INTEGER)
		GROUP BY ALL
		ORDER BY ada_dari, ada_ke, dari, ke`;
}

export type MovementLevel = 'kecamatan' | 'kabupaten';

/**
 * Naik / tetap / turun status counts between two years per kecamatan or per regency, with the
 * villages that appeared (`baru`), vanished (`hilang`) or have no score in one of the years.
 */
export async function movementByArea(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number,
	level: MovementLevel
): Promise<Table> {
	// From the paths where they carry every village's names (the same in each of its years).
	const fromPaths =
		(await isAggregatedScheme(db, schemeId)) &&
		(await db.query('SELECT bool_and(nama_seragam) IS NOT FALSE AS seragam FROM village_path WHERE starts_with(kode_desa, $1)', [area]))
			.toArray()[0]?.seragam === true;
	return db.query(movementByAreaSql(fromPaths ? 'path_moves' : 'village_moves'), [area, schemeId, fromYear, toYear, level]);
}

/** The same counts straight from the village rows. */
export async function movementByAreaFromRows(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number,
	level: MovementLevel
): Promise<Table> {
	return db.query(movementByAreaSql('village_moves'), [area, schemeId, fromYear, toYear, level]);
}

function movementByAreaSql(moves: 'path_moves' | 'village_moves'): string {
	return `SELECT
			CASE WHEN $5 = 'kecamatan' THEN kode_kec ELSE kode_kab END AS kode,
			max(CASE WHEN $5 = 'kecamatan' THEN nama_kecamatan ELSE nama_kabupaten END) AS nama,
			count(*) FILTER (WHERE gerak = 'naik')::INTEGER AS naik,
			count(*) FILTER (WHERE gerak = 'tetap')::INTEGER AS tetap,
			count(*) FILTER (WHERE gerak = 'turun')::INTEGER AS turun,
			count(*) FILTER (WHERE gerak = 'baru')::INTEGER AS baru,
			count(*) FILTER (WHERE gerak = 'hilang')::INTEGER AS hilang,
			count(*) FILTER (WHERE gerak = 'tanpa_nilai')::INTEGER AS tanpa_nilai,
			count(*) FILTER (WHERE ke = 'MANDIRI' AND dari IS DISTINCT FROM 'MANDIRI' AND ada_dari)::INTEGER AS menjadi_mandiri
		FROM ${moves}($1, $2, $3::INTEGER, $4::INTEGER)
		GROUP BY 1
		ORDER BY nama`;
}

/** The years an area has village rows with codes, oldest first: the years transitions can join. */
export async function transitionYears(db: Database, area: string): Promise<number[]> {
	const table = await db.query(
		`SELECT DISTINCT tahun FROM village_class($1, '') WHERE kode_desa IS NOT NULL ORDER BY tahun`,
		[area]
	);
	return table.toArray().map((row) => Number(row.tahun));
}

/**
 * Naik / tetap / turun / baru / hilang along every consecutive pair of years with village codes.
 */
export async function movementByYearPair(db: Database, area: string, schemeId: string): Promise<Table> {
	if (await pairsAggregated(db, area, schemeId)) {
		return db.query(
			`SELECT dari_tahun, ke_tahun,
				coalesce(sum(jumlah) FILTER (WHERE gerak = 'naik'), 0)::INTEGER AS naik,
				coalesce(sum(jumlah) FILTER (WHERE gerak = 'tetap'), 0)::INTEGER AS tetap,
				coalesce(sum(jumlah) FILTER (WHERE gerak = 'turun'), 0)::INTEGER AS turun,
				coalesce(sum(jumlah) FILTER (WHERE gerak = 'baru'), 0)::INTEGER AS baru,
				coalesce(sum(jumlah) FILTER (WHERE gerak = 'hilang'), 0)::INTEGER AS hilang,
				coalesce(sum(jumlah) FILTER (WHERE gerak = 'tanpa_nilai'), 0)::INTEGER AS tanpa_nilai
			FROM pair_agg WHERE area = $1 AND scheme_id = $2
			GROUP BY ALL
			ORDER BY ke_tahun`,
			[area, schemeId]
		);
	}
	const moves = (await isAggregatedScheme(db, schemeId)) ? 'path_moves' : 'village_moves';
	return db.query(movementByYearPairSql(moves), [area, schemeId]);
}

/** Whether consecutive-year movements of an area can come from pair_agg (derived.ts). */
export async function pairsAggregated(db: Database, area: string, schemeId: string): Promise<boolean> {
	return isPairArea(area) && (await isAggregatedScheme(db, schemeId)) && (await hasEveryCodedYear(db, area));
}

/** Areas pair_agg and move_agg hold: the nation, a province, a regency. */
export function isPairArea(area: string): boolean {
	return /^(\d{2}|\d{4})?$/.test(area);
}

/** The same movements straight from the village rows. */
export async function movementByYearPairFromRows(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(movementByYearPairSql('village_moves'), [area, schemeId]);
}

function movementByYearPairSql(moves: 'path_moves' | 'village_moves'): string {
	return `SELECT dari_tahun, ke_tahun,
			count(*) FILTER (WHERE gerak = 'naik')::INTEGER AS naik,
			count(*) FILTER (WHERE gerak = 'tetap')::INTEGER AS tetap,
			count(*) FILTER (WHERE gerak = 'turun')::INTEGER AS turun,
			count(*) FILTER (WHERE gerak = 'baru')::INTEGER AS baru,
			count(*) FILTER (WHERE gerak = 'hilang')::INTEGER AS hilang,
			count(*) FILTER (WHERE gerak = 'tanpa_nilai')::INTEGER AS tanpa_nilai
		FROM ${moves}($1, $2, NULL, NULL)
		GROUP BY ALL
		ORDER BY ke_tahun`;
}

/**
 * Each village's classes over every year it appears in (villages with a code), and how many
 * villages share each path: what a flow from Sangat Tertinggal to Mandiri is drawn from.
 */
export async function villagePaths(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(
		`SELECT kode_desa, max(nama_desa) AS nama_desa, max(nama_kecamatan) AS nama_kecamatan,
			list(tahun ORDER BY tahun) AS tahun,
			list(coalesce(status, 'TANPA NILAI') ORDER BY tahun) AS status
		FROM village_class($1, $2)
		WHERE kode_desa IS NOT NULL
		GROUP BY kode_desa
		ORDER BY kode_desa`,
		[area, schemeId]
	);
}
