import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { rowsOf } from './arrow';
import { aggregatedFor, EVERY_CODED_YEAR, isAggregatedArea, isAggregatedScheme, STATUS_COUNTS_AGGREGATED } from './status-queries';
import { isPairArea, type MovementLevel } from './transition-queries';
import { statusIndicatorsFromCounts, type IndicatorValue, type MoveCounts } from '../domain/indicators';
import type { StatusCount } from '../domain/status-counts';

/**
 * The report's status indicators per year of an area, one row per (indikator, tahun) with the
 * counts that went in: `pembilang` / `penyebut` × 100 = `nilai` for percentages, `nilai` alone for
 * counts. Movement indicators follow each village (joined on code) where the previous year has
 * village rows (`dasar` = 'villages'), else they are the net change of the two years' counts
 * (`dasar` = 'counts'). Definitions: domain/indicators.ts; reference: domain/indicator-reference.ts.
 */
export async function statusIndicators(db: Database, area: string, schemeId: string): Promise<Table> {
	if (isAggregatedArea(area) && (await aggregatedFor(db, area, schemeId))) {
		return db.query(indicatorsFrom(`(${STATUS_COUNTS_AGGREGATED})`, knownMoves(area)), [area, schemeId]);
	}
	return statusIndicatorsFromRows(db, area, schemeId);
}

/**
 * statusIndicators for a caller that has the area's status counts (statusCountsByYear) already:
 * where the movement tables hold the area, only its movements are read and the indicators
 * computed from both (domain/indicators.ts), one small read instead of the counts again.
 */
export async function statusIndicatorsWithCounts(db: Database, area: string, schemeId: string, counts: Promise<StatusCount[]>): Promise<IndicatorValue[]> {
	if (isPairArea(area)) {
		// Whether move_agg holds the area, and its movements, in one statement: a filter change
		// waits for one answer from the worker, not for a question and then the read.
		const [scheme, answer] = await Promise.all([isAggregatedScheme(db, schemeId), db.query(MOVES_IF_EVERY_CODED_YEAR, [area, schemeId])]);
		const moves = rowsOf<MoveCounts & { every: boolean }>(answer);
		if (scheme && moves[0]?.every) return statusIndicatorsFromCounts(await counts, moves.filter((move) => move.dari_tahun !== null));
	} else if (isAggregatedArea(area) && (await aggregatedFor(db, area, schemeId))) {
		const [rows, moves] = await Promise.all([counts, db.query(knownMoves(area), [area, schemeId])]);
		return statusIndicatorsFromCounts(rows, rowsOf<MoveCounts>(moves));
	}
	return rowsOf<IndicatorValue>(await statusIndicatorsFromRows(db, area, schemeId));
}

/** move_agg's movements of the area $1 under the scheme $2 if it holds the area (`every`), else one row saying it does not. */
const MOVES_IF_EVERY_CODED_YEAR = `WITH every AS (${EVERY_CODED_YEAR})
	SELECT e.every, m.dari_tahun, m.ke_tahun, m.tertinggal_awal, m.tertinggal_naik, m.berkembang_awal, m.jadi_mandiri
	FROM every e LEFT JOIN move_agg m ON e.every AND m.area = $1 AND m.scheme_id = $2`;

/** The movements of an area under a known scheme: pre-aggregated down to regencies, a kecamatan's along its villages' paths. */
function knownMoves(area: string): string {
	return isPairArea(area) ? AGGREGATED_MOVES : movesFrom('path_moves');
}

/** The same indicators straight from the village rows. */
export async function statusIndicatorsFromRows(db: Database, area: string, schemeId: string): Promise<Table> {
	return db.query(indicatorsFrom('status_counts($1, $2)', movesFrom('village_moves')), [area, schemeId]);
}

/** The indicators' movements followed village by village, from their rows or (a known scheme) their paths. */
function movesFrom(moves: 'path_moves' | 'village_moves'): string {
	return `SELECT dari_tahun, ke_tahun,
		count(*) FILTER (WHERE dari = 'TERTINGGAL')::INTEGER AS tertinggal_awal,
		count(*) FILTER (WHERE dari = 'TERTINGGAL'
			AND rank_ke >= (SELECT rank FROM status_rank WHERE status = 'BERKEMBANG'))::INTEGER AS tertinggal_naik,
		count(*) FILTER (WHERE dari = 'BERKEMBANG')::INTEGER AS berkembang_awal,
		count(*) FILTER (WHERE ada_dari AND dari IS DISTINCT FROM 'MANDIRI' AND ke = 'MANDIRI')::INTEGER AS jadi_mandiri
	FROM ${moves}($1, $2, NULL, NULL)
	WHERE ada_dari
	GROUP BY ALL`;
}

const AGGREGATED_MOVES = `SELECT dari_tahun, ke_tahun, tertinggal_awal, tertinggal_naik, berkembang_awal, jadi_mandiri
	FROM move_agg WHERE area = $1 AND scheme_id = $2`;

/** The indicators' SQL over a source of status counts and one of village movements (both over $1 area, $2 scheme). */
function indicatorsFrom(counts: string, moves: string): string {
	return `WITH per_year AS (
			SELECT tahun,
				sum(jumlah)::INTEGER AS semua,
				coalesce(sum(jumlah) FILTER (WHERE status = 'MANDIRI'), 0)::INTEGER AS mandiri,
				coalesce(sum(jumlah) FILTER (WHERE status = 'MAJU'), 0)::INTEGER AS maju,
				coalesce(sum(jumlah) FILTER (WHERE status = 'BERKEMBANG'), 0)::INTEGER AS berkembang,
				coalesce(sum(jumlah) FILTER (WHERE status = 'TERTINGGAL'), 0)::INTEGER AS tertinggal,
				max(basis) AS basis
			FROM ${counts}
			GROUP BY tahun
		),
		pairs AS (
			SELECT cur.*, lag(tahun) OVER (ORDER BY tahun) AS tahun_banding,
				lag(mandiri) OVER (ORDER BY tahun) AS mandiri_awal,
				lag(berkembang) OVER (ORDER BY tahun) AS berkembang_awal,
				lag(tertinggal) OVER (ORDER BY tahun) AS tertinggal_awal
			FROM per_year cur
		),
		moves AS (${moves}),
		movement AS (
			SELECT p.tahun, p.tahun_banding,
				m.dari_tahun IS NOT NULL AS per_desa,
				CASE WHEN m.dari_tahun IS NOT NULL THEN m.tertinggal_naik
					ELSE p.tertinggal_awal - p.tertinggal END AS entas,
				coalesce(m.tertinggal_awal, p.tertinggal_awal) AS entas_dari,
				CASE WHEN m.dari_tahun IS NOT NULL THEN m.jadi_mandiri
					ELSE p.mandiri - p.mandiri_awal END AS mandiri_baru,
				coalesce(m.berkembang_awal, p.berkembang_awal) AS mandiri_dari
			FROM pairs p
			LEFT JOIN moves m ON m.dari_tahun = p.tahun_banding AND m.ke_tahun = p.tahun
			WHERE p.tahun_banding IS NOT NULL
		)
		SELECT 'minimal-maju' AS indikator, tahun, NULL::INTEGER AS tahun_banding,
			(maju + mandiri)::DOUBLE AS pembilang, semua::DOUBLE AS penyebut,
			100.0 * (maju + mandiri) / nullif(semua, 0) AS nilai, basis AS dasar
		FROM per_year
		UNION ALL
		SELECT 'tertinggal-menjadi-berkembang', tahun, NULL, berkembang, NULL, berkembang, basis
		FROM per_year
		UNION ALL
		SELECT 'pengentasan-tertinggal', tahun, tahun_banding, entas, entas_dari,
			100.0 * entas / nullif(entas_dari, 0), CASE WHEN per_desa THEN 'villages' ELSE 'counts' END
		FROM movement
		UNION ALL
		SELECT 'peningkatan-mandiri', tahun, tahun_banding, mandiri_baru, mandiri_dari,
			100.0 * mandiri_baru / nullif(mandiri_dari, 0), CASE WHEN per_desa THEN 'villages' ELSE 'counts' END
		FROM movement
		ORDER BY indikator, tahun`;
}

/** How mean scores are grouped: per kecamatan, per regency, or the area as one ('wilayah'). */
export type MeanLevel = MovementLevel | 'wilayah';

/**
 * Mean IDM, IKS, IKE and IKL per year, over the villages with a value: for the area as a whole
 * ('wilayah', one row a year, whatever its level), per regency or per kecamatan. `idm` averages
 * the score a class is computed from (published IDM, else recomputed from the components).
 */
export async function meanScores(db: Database, area: string, level: MeanLevel): Promise<Table> {
	if (level === 'wilayah' && isAggregatedArea(area)) {
		// From the per-area sums (derived.ts area_year): exact, so equal to the query over rows.
		return db.query(
			`SELECT tahun, $1 AS kode, $1 AS nama, n_score AS n_idm,
				exact_mean(sum_score, n_score) AS idm, exact_mean(sum_iks, n_iks) AS iks,
				exact_mean(sum_ike, n_ike) AS ike, exact_mean(sum_ikl, n_ikl) AS ikl
			FROM area_year WHERE area = $1 AND n_score > 0
			ORDER BY tahun`,
			[area]
		);
	}
	return meanScoresFromRows(db, area, level);
}

/** The same means straight from the village rows. */
export async function meanScoresFromRows(db: Database, area: string, level: MeanLevel): Promise<Table> {
	return db.query(
		`SELECT tahun,
			CASE $2 WHEN 'kecamatan' THEN kode_kec WHEN 'kabupaten' THEN kode_kab ELSE $1 END AS kode,
			max(CASE $2 WHEN 'kecamatan' THEN nama_kecamatan WHEN 'kabupaten' THEN nama_kabupaten ELSE $1 END) AS nama,
			count(score)::INTEGER AS n_idm,
			exact_mean(sum(exact_units(score)), count(score)) AS idm,
			exact_mean(sum(exact_units(iks)), count(iks)) AS iks,
			exact_mean(sum(exact_units(ike)), count(ike)) AS ike,
			exact_mean(sum(exact_units(ikl)), count(ikl)) AS ikl
		FROM village_class($1, '')
		GROUP BY tahun, 2
		HAVING count(score) > 0
		ORDER BY tahun, nama`,
		[area, level]
	);
}

export interface PrintedTarget {
	indikator: string;
	tahun: number;
	target: number | null;
	realisasi_tercetak: number | null;
	capaian_tercetak: number | null;
	sumber: string | null;
}

/** The targets (and printed realisasi and capaian) a regency's reports give for its indicators. */
export async function printedTargets(db: Database, kodeKab: string): Promise<PrintedTarget[]> {
	return rowsOf<PrintedTarget>(
		await db.query(
			`SELECT indikator, tahun, target, realisasi_tercetak, capaian_tercetak, sumber
			FROM indicator_target WHERE kode_kab = $1 ORDER BY indikator, tahun`,
			[kodeKab]
		)
	);
}
