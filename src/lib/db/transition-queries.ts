import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { MOVEMENTS } from '../domain/transitions';
import { hasEveryCodedYear, isAggregatedArea, isAggregatedScheme } from './status-queries';

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

/** Movements per kecamatan, per regency, or the area as one ('wilayah', whatever its level). */
export type MovementLevel = 'kecamatan' | 'kabupaten' | 'wilayah';

/**
 * Naik / tetap / turun status counts between two years per kecamatan, per regency or for the
 * whole area, with the villages that appeared (`baru`), vanished (`hilang`) or have no score in
 * one of the years. The area as one is named by its code, as meanScores names it: its name is the
 * filter bar's to give (the nation has none in the data).
 */
export async function movementByArea(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number,
	level: MovementLevel
): Promise<Table> {
	const moves = (await namedAlongPaths(db, area, schemeId, NAMES_ALIKE[level])) ? 'path_moves' : 'village_moves';
	return db.query(movementByAreaSql(moves), [area, schemeId, fromYear, toYear, level]);
}

/**
 * Whether the villages' paths answer what names a level's places: the scheme is known, and the
 * names it reads are the same in every year (`test`, one of NAMES_ALIKE's; null where no name is
 * read).
 */
async function namedAlongPaths(db: Database, area: string, schemeId: string, test: string | null): Promise<boolean> {
	if (!(await isAggregatedScheme(db, schemeId))) return false;
	return test === null || (await db.query(test, [area])).toArray()[0]?.seragam === true;
}

/**
 * Each level's test that its names are the same in every year of each village (enough for a
 * query over path_moves), and `figures`': of each kecamatan of the area (derived.ts
 * path_kecamatan), whose name transitionFigures reads. The area as one is named by its code.
 */
const NAMES_ALIKE = {
	kecamatan: 'SELECT bool_and(kecamatan_seragam) IS NOT FALSE AS seragam FROM village_path WHERE starts_with(kode_desa, $1)',
	kabupaten: 'SELECT bool_and(kabupaten_seragam) IS NOT FALSE AS seragam FROM village_path WHERE starts_with(kode_desa, $1)',
	wilayah: null,
	// An area finer than a kecamatan lies in the kecamatan its code starts with.
	figures: 'SELECT bool_and(kecamatan_seragam) IS NOT FALSE AS seragam FROM path_kecamatan WHERE starts_with(kode_kec, left($1, 6))'
} as const;

/**
 * What Transisi draws for a pair of years: the matrix, and the movements per kecamatan and of the
 * whole area, the line under them (not per regency: a province or the nation has many).
 */
export interface TransitionFigures {
	matrix: Table;
	byArea: Record<Exclude<MovementLevel, 'kabupaten'>, Table>;
}

/**
 * transitionMatrix and movementByArea at both levels, in one read where the villages' paths
 * answer all three (a known scheme, every kecamatan of the area named alike in all its villages
 * and years; no regency's name is read): a change of years then walks the area's paths once
 * instead of three times.
 */
export async function transitionFigures(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number
): Promise<TransitionFigures> {
	if (!(await namedAlongPaths(db, area, schemeId, NAMES_ALIKE.figures))) {
		const [matrix, kecamatan, wilayah] = await Promise.all([
			transitionMatrix(db, area, schemeId, fromYear, toYear),
			movementByArea(db, area, schemeId, fromYear, toYear, 'kecamatan'),
			movementByArea(db, area, schemeId, fromYear, toYear, 'wilayah')
		]);
		return { matrix, byArea: { kecamatan, wilayah } };
	}
	const table = await db.query(TRANSITION_FIGURES, [area, schemeId, fromYear, toYear]);
	return {
		matrix: partOf(table, PART.matrix, MATRIX_COLUMNS),
		byArea: { kecamatan: partOf(table, PART.kecamatan, AREA_COLUMNS), wilayah: partOf(table, PART.wilayah, AREA_COLUMNS) }
	};
}

/** What movementByArea counts per place: each a column, and the villages whose move passes its test. */
const MOVEMENT_TESTS = [
	...MOVEMENTS.map((movement) => [movement, `gerak = '${movement}'`] as const),
	['menjadi_mandiri', `ke = 'MANDIRI' AND dari IS DISTINCT FROM 'MANDIRI' AND ada_dari`] as const
];
/** The counts over one row per village and its move. */
const MOVEMENT_COUNTS = MOVEMENT_TESTS.map(([column, test]) => `count(*) FILTER (WHERE ${test})::INTEGER AS ${column}`).join(',\n\t\t');
const MOVEMENT_COLUMNS = MOVEMENT_TESTS.map(([column]) => column);
/** The counts summed over rows of counts (or of 0s and 1s) that have them. */
const MOVEMENT_SUMS = MOVEMENT_COLUMNS.map((column) => `sum(${column})::INTEGER AS ${column}`).join(', ');
const MATRIX_COLUMNS = ['dari', 'ke', 'ada_dari', 'ada_ke', 'gerak', 'jumlah'];
const AREA_COLUMNS = ['kode', 'nama', ...MOVEMENT_COLUMNS];
/** Each part's number in the result's `bagian` column: a number, which JavaScript reads without decoding text. */
const PART = { matrix: 0, kecamatan: 1, wilayah: 2 } as const;

/**
 * The three figures as one result, a row's `bagian` (PART) saying whose it is. The area's villages
 * and their two codes are taken once. Each pair of codes is tested once (`tested`: 1 where its
 * move counts in a column), so a kecamatan's counts are sums of numbers over its villages; the
 * area's row adds up the kecamatan rows, and the matrix looks up each pair of codes once with how
 * many villages it has. Names come from path_kecamatan, whose kecamatan are named alike in every
 * village. Each part is ordered as its own query orders it.
 */
const TRANSITION_FIGURES = `WITH villages AS MATERIALIZED (
		SELECT kecamatan, a, b FROM path_codes($1, $3::INTEGER, $4::INTEGER)
	),
	tested AS (
		SELECT a, b, ${MOVEMENT_TESTS.map(([column, test]) => `CASE WHEN ${test} THEN 1 ELSE 0 END AS ${column}`).join(', ')}
		FROM code_move WHERE scheme_id = $2
	),
	kecamatan AS MATERIALIZED (
		SELECT c.*, k.kode_kec, k.nama_kecamatan AS nama
		FROM (
			SELECT v.kecamatan, ${MOVEMENT_SUMS}
			FROM villages v JOIN tested t ON t.a = v.a AND t.b = v.b
			GROUP BY v.kecamatan
		) c
		JOIN path_kecamatan k USING (kecamatan)
	)
	SELECT ${PART.matrix} AS bagian, m.dari, m.ke, m.ada_dari, m.ada_ke, m.gerak, sum(p.n)::INTEGER AS jumlah
	FROM (SELECT a, b, count(*) AS n FROM villages GROUP BY a, b) p
	JOIN code_move m ON m.scheme_id = $2 AND m.a = p.a AND m.b = p.b
	GROUP BY ALL
	UNION ALL BY NAME
	SELECT ${PART.kecamatan} AS bagian, kode_kec AS kode, nama, ${MOVEMENT_COLUMNS.join(', ')} FROM kecamatan
	UNION ALL BY NAME
	SELECT ${PART.wilayah} AS bagian, $1 AS kode, $1 AS nama, ${MOVEMENT_SUMS}
	FROM kecamatan HAVING count(*) > 0
	ORDER BY bagian, ada_dari, ada_ke, dari, ke, nama`;

/** The rows of one part of a result ordered by its `bagian`, with that part's columns. */
function partOf(table: Table, part: number, columns: readonly string[]): Table {
	const parts = table.getChild('bagian')?.toArray() ?? new Int32Array();
	const first = parts.indexOf(part);
	const rows = first < 0 ? table.slice(0, 0) : table.slice(first, parts.lastIndexOf(part) + 1);
	return rows.select([...columns]);
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
			CASE $5 WHEN 'kecamatan' THEN kode_kec WHEN 'kabupaten' THEN kode_kab ELSE $1 END AS kode,
			max(CASE $5 WHEN 'kecamatan' THEN nama_kecamatan WHEN 'kabupaten' THEN nama_kabupaten ELSE $1 END) AS nama,
			${MOVEMENT_COUNTS}
		FROM ${moves}($1, $2, $3::INTEGER, $4::INTEGER)
		GROUP BY 1
		ORDER BY nama`;
}

/** The years an area has village rows with codes, oldest first: the years transitions can join. */
export async function transitionYears(db: Database, area: string): Promise<number[]> {
	if (!isAggregatedArea(area)) return transitionYearsFromRows(db, area);
	// From the per-area counts (derived.ts area_year), not a pass over every village row.
	const table = await db.query('SELECT tahun FROM area_year WHERE area = $1 AND coded > 0 ORDER BY tahun', [area]);
	return table.toArray().map((row) => Number(row.tahun));
}

/** The same years straight from the village rows, for any code prefix. */
export async function transitionYearsFromRows(db: Database, area: string): Promise<number[]> {
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
