import type { Table } from 'apache-arrow';
import type { Database } from './database';
import { MOVEMENTS, transitionsAlongPaths, type CodeMove, type MovementColumn, type MovementRow, type PathPlace, type TransitionCell } from '../domain/transitions';
import { columnValues, intLists, rowsOf } from './arrow';
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
 * query over path_moves). The area as one is named by its code.
 */
const NAMES_ALIKE = {
	kecamatan: 'SELECT bool_and(kecamatan_seragam) IS NOT FALSE AS seragam FROM village_path WHERE starts_with(kode_desa, $1)',
	kabupaten: 'SELECT bool_and(kabupaten_seragam) IS NOT FALSE AS seragam FROM village_path WHERE starts_with(kode_desa, $1)',
	wilayah: null
} as const;

/**
 * What Transisi draws for a pair of years: the matrix, and the movements per kecamatan and of the
 * whole area, the line under them (not per regency: a province or the nation has many).
 */
export interface TransitionFigures {
	matrix: TransitionCell[];
	byArea: Record<Exclude<MovementLevel, 'kabupaten'>, MovementRow[]>;
}

/**
 * transitionMatrix and movementByArea at both levels. Where the villages' paths answer all three
 * (a known scheme; an area of whole kecamatan, each named alike in all its villages and years; no
 * regency's name is read), they are counted in the page (domain/transitions.ts) from the paths and
 * the scheme's moves, which the read cache keeps: a change of years then asks the database nothing.
 * Planning and running one read that joined and grouped the paths took ~30 ms of the worker's
 * time in DuckDB's Node build at 750k, counting them here takes about a millisecond.
 */
export async function transitionFigures(
	db: Database,
	area: string,
	schemeId: string,
	fromYear: number,
	toYear: number
): Promise<TransitionFigures> {
	if (WHOLE_KECAMATAN.test(area) && (await isAggregatedScheme(db, schemeId))) {
		const [panel, moves] = await Promise.all([pathPanel(db), codeMoves(db, schemeId)]);
		const places = panel.places.filter((place) => place.kode.startsWith(area));
		if (places.every((place) => place.namedAlike)) {
			const { matrix, kecamatan, wilayah } = transitionsAlongPaths(places, panel.years, moves, fromYear, toYear, area);
			return { matrix, byArea: { kecamatan, wilayah } };
		}
	}
	const [matrix, kecamatan, wilayah] = await Promise.all([
		transitionMatrix(db, area, schemeId, fromYear, toYear),
		movementByArea(db, area, schemeId, fromYear, toYear, 'kecamatan'),
		movementByArea(db, area, schemeId, fromYear, toYear, 'wilayah')
	]);
	return { matrix: rowsOf<TransitionCell>(matrix), byArea: { kecamatan: rowsOf<MovementRow>(kecamatan), wilayah: rowsOf<MovementRow>(wilayah) } };
}

/** The nation, a province, a regency or a kecamatan: areas made of whole kecamatan. */
const WHOLE_KECAMATAN = /^(\d{2}|\d{4}|\d{6})?$/;

/** What movementByArea counts per place: each a column, and the villages whose move passes its test. */
const MOVEMENT_TESTS = [
	...MOVEMENTS.map((movement) => [movement, `gerak = '${movement}'`] as const),
	['menjadi_mandiri', `ke = 'MANDIRI' AND dari IS DISTINCT FROM 'MANDIRI' AND ada_dari`] as const
] satisfies readonly (readonly [MovementColumn, string])[];
/** The counts over one row per village and its move. */
const MOVEMENT_COUNTS = MOVEMENT_TESTS.map(([column, test]) => `count(*) FILTER (WHERE ${test})::INTEGER AS ${column}`).join(',\n\t\t');

/** Each pair of codes' move under the scheme $1, and 1 in each column of MOVEMENT_TESTS it counts in (else 0). */
const CODE_MOVES = `SELECT a, b, dari, ke, ada_dari, ada_ke, gerak,
		${MOVEMENT_TESTS.map(([column, test]) => `CASE WHEN ${test} THEN 1 ELSE 0 END AS ${column}`).join(', ')}
	FROM code_move WHERE scheme_id = $1`;

function codeMoves(db: Database, schemeId: string): Promise<CodeMove[]> {
	return db.query(CODE_MOVES, [schemeId]).then((table) => rowsOf<CodeMove>(table));
}

/** The villages' paths of every kecamatan (schema.ts path_panel) and the years of their codes, in order. */
interface PathPanel {
	years: number[];
	places: (PathPlace & { namedAlike: boolean })[];
}

/**
 * The paths as the page counts them, made once per answer: the read cache hands back the same
 * tables until something is written, and they are then read again.
 */
async function pathPanel(db: Database): Promise<PathPanel> {
	const [years, table] = await Promise.all([db.query('SELECT tahun FROM path_year ORDER BY i'), db.query('SELECT * FROM path_panel()')]);
	const known = panels.get(table);
	if (known?.yearsTable === years) return known.panel;
	const codes = intLists(table, 'codes');
	const places = rowsOf<{ kode_kec: string; nama_kecamatan: string | null; kecamatan_seragam: boolean | null }>(table.select(['kode_kec', 'nama_kecamatan', 'kecamatan_seragam'])).map((place, i) => ({
		kode: place.kode_kec,
		nama: place.nama_kecamatan,
		namedAlike: place.kecamatan_seragam !== false,
		codes: codes[i]!
	}));
	const panel = { years: columnValues<number>(years, 'tahun').map(Number), places };
	panels.set(table, { yearsTable: years, panel });
	return panel;
}
const panels = new WeakMap<Table, { yearsTable: Table; panel: PathPanel }>();

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
		ORDER BY nama, kode`;
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
