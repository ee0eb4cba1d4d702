import type { Table } from 'apache-arrow';
import type { ScoreCounts } from '../domain/score-counts';
import type { Database } from './database';
import { columnValues, rowsOf } from './arrow';
import { isAggregatedArea, isAggregatedScheme } from './status-queries';
import { pairsAggregated } from './transition-queries';

/** One place in the area selector: a province, regency or kecamatan, by code. */
export interface AreaRow {
	kode: string;
	nama: string;
	tingkat: 'provinsi' | 'kabupaten' | 'kecamatan';
}

/** Every province, regency and kecamatan the loaded data has, by level and name. */
export async function listAreas(db: Database): Promise<AreaRow[]> {
	return rowsOf<AreaRow>(
		await db.query(
			// Kecamatan first, in one pass over the villages: the roll-ups then group thousands of
			// rows, not every village-year three times.
			`WITH places AS (
				SELECT kode_prov, max(nama_provinsi) AS nama_provinsi, kode_kab, max(nama_kabupaten) AS nama_kabupaten,
					kode_kec, max(nama_kecamatan) AS nama_kecamatan
				FROM village_score GROUP BY kode_prov, kode_kab, kode_kec
				UNION ALL
				SELECT substr(kode_kab, 1, 2), NULL, kode_kab, nama_kabupaten, NULL, NULL FROM status_recap
			)
			SELECT kode_prov AS kode, coalesce(max(nama_provinsi), kode_prov) AS nama, 'provinsi' AS tingkat
			FROM places WHERE kode_prov IS NOT NULL GROUP BY kode_prov
			UNION ALL
			SELECT kode_kab, coalesce(max(nama_kabupaten), kode_kab), 'kabupaten'
			FROM places WHERE kode_kab IS NOT NULL GROUP BY kode_kab
			UNION ALL
			SELECT kode_kec, coalesce(max(nama_kecamatan), kode_kec), 'kecamatan'
			FROM places WHERE kode_kec IS NOT NULL GROUP BY kode_kec
			ORDER BY tingkat DESC, kode`
		)
	);
}

/**
 * Villages per status per year and kecamatan of an area, from village rows (recaps have no
 * kecamatan): what the kecamatan small multiples and heatmap draw.
 */
export async function statusCountsByKecamatan(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(
		`SELECT tahun, kode_kec, max(nama_kecamatan) AS nama_kecamatan, status, count(*)::INTEGER AS jumlah
		FROM village_class($1, $2)
		WHERE kode_kec IS NOT NULL OR nama_kecamatan IS NOT NULL
		GROUP BY tahun, kode_kec, status
		ORDER BY tahun, nama_kecamatan, status`,
		[area, schemeId]
	);
}

/**
 * Villages moving from one status to another along every consecutive pair of years with village
 * codes (both years present): what the transition flow draws.
 */
export async function transitionFlows(db: Database, area: string, schemeId: string): Promise<Table> {
	if (await pairsAggregated(db, area, schemeId)) {
		return db.query(
			`SELECT dari_tahun, ke_tahun, dari, ke, sum(jumlah)::INTEGER AS jumlah
			FROM pair_agg
			WHERE area = $1 AND scheme_id = $2 AND ada_dari AND ada_ke
			GROUP BY ALL
			ORDER BY dari_tahun, dari, ke`,
			[area, schemeId]
		);
	}
	const moves = (await isAggregatedScheme(db, schemeId)) ? 'path_moves' : 'village_moves';
	return db.query(transitionFlowsSql(moves), [area, schemeId]);
}

/** The same flows straight from the village rows. */
export async function transitionFlowsFromRows(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(transitionFlowsSql('village_moves'), [area, schemeId]);
}

function transitionFlowsSql(moves: 'path_moves' | 'village_moves'): string {
	return `SELECT dari_tahun, ke_tahun, dari, ke, count(*)::INTEGER AS jumlah
		FROM ${moves}($1, $2, NULL, NULL)
		WHERE ada_dari AND ada_ke
		GROUP BY ALL
		ORDER BY dari_tahun, dari, ke`;
}

/** One village over every year it appears in: scores, classes, names. */
export async function villageHistory(db: Database, kodeDesa: string, schemeId: string): Promise<Table> {
	return db.query(
		`SELECT tahun, kode_desa, nama_desa, nama_kecamatan, nama_kabupaten, score AS idm, iks, ike, ikl,
			status, status_published
		FROM village_class(substr($1, 1, 4), $2)
		WHERE kode_desa = $1
		ORDER BY tahun`,
		[kodeDesa, schemeId]
	);
}

/** A year, and its IDM scores counted. */
export type LatestScores = ScoreCounts & { tahun: number | null };

/** The IDM scores of an area's latest year with scores: what the distribution chart draws. */
export async function latestScores(db: Database, area: string): Promise<LatestScores> {
	// Each distinct score once with its count (a 4-decimal score has at most 10,001 values), the
	// latest year from the per-area table: a national year is 75,000 scores, not 75,000 rows to ship.
	const table = await db.query(
		`WITH latest AS (
			SELECT max(tahun) AS tahun FROM area_year WHERE area = $1 AND n_score > 0
		)
		SELECT s.tahun, s.score, count(*)::INTEGER AS n
		FROM latest_score s JOIN latest USING (tahun)
		WHERE starts_with(s.place, $1)
		GROUP BY ALL
		ORDER BY s.score`,
		[area]
	);
	if (table.numRows === 0 || !isAggregatedArea(area)) return latestScoresFromRows(db, area);
	return scoreCountsOf(table);
}

/** The same scores straight from the village rows, for any code prefix. */
async function latestScoresFromRows(db: Database, area: string): Promise<LatestScores> {
	const table = await db.query(
		`SELECT tahun, score, count(*)::INTEGER AS n
		FROM village_class($1, '')
		WHERE score IS NOT NULL
		GROUP BY tahun, score
		QUALIFY tahun = max(tahun) OVER ()
		ORDER BY score`,
		[area]
	);
	return scoreCountsOf(table);
}

/** Rows of (tahun, score, n), one year's, as its counted scores. */
function scoreCountsOf(table: Table): LatestScores {
	const tahun = columnValues<number>(table, 'tahun')[0];
	return {
		tahun: tahun === undefined ? null : Number(tahun),
		values: Array.from(columnValues<number>(table, 'score')),
		counts: Array.from(columnValues<number>(table, 'n'))
	};
}
