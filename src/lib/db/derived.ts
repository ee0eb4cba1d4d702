import type { Table } from 'apache-arrow';
import { COMPRESSED_CATALOG, howKept, inTransaction, readsOnly, type Database } from './database';

/**
 * Tables derived from the loaded rows, built once after a change instead of once per query:
 *
 * - `village_score`: the merged village-years with their score (schema.ts `village_scored`,
 *   the merge of every file's rows, materialised, or for large data with few merges a view that
 *   scores the village rows as it reads them);
 * - `score_class`: the class of every distinct score under every known scheme; `code_class` and
 *   `code_move`: the class of each small code scores share, and the move between any two codes;
 * - `status_agg`: villages per area × year × code × published status (what `status_counts`
 *   counts, before the codes are classed under a scheme), for every area a filter can name
 *   ('' the nation, each province, regency and kecamatan);
 * - `area_year`: per area and year, how many villages, scores and coded villages, and the exact
 *   sums the mean scores are made of; `latest_score`: each kecamatan's scores of its latest year;
 * - `village_path`: each coded village's code in every year (`path_year`), and its kecamatan
 *   (`path_kecamatan`), from which Transisi follows villages between any two years;
 * - `move_agg`: per area × scheme, the status indicators' village movements along consecutive
 *   years; `pair_agg`: per area × scheme, villages per (from, to) class along consecutive years;
 * - `village_kab_year`: the regency-years with village rows (a recap counts only where none), and
 *   `recap_kab_year`: the recap's counts of the regency-years without any.
 *
 * A filter change then reads a few dozen rows instead of re-merging and re-classifying every
 * village row. The tables are rebuilt when what they come from changes (`withDerivedTables`).
 */

/**
 * The area keys a village-year counts in: the nation and each prefix of its code a filter can
 * name, from `place`, its code cut at the kecamatan.
 */
const PLACE_AREAS = `[left(place, n) FOR n IN [0, 2, 4, 6] IF length(place) >= n]`;

/** How `village_score` is copied: the village rows of the files per statement. */
export interface DerivedOptions {
	scorePartRows: number;
}

export const DERIVED_OPTIONS: DerivedOptions = { scorePartRows: 150_000 };

/**
 * The merged village scores, which every other derived table is built from: the village-years
 * several rows give, merged, then the single rows.
 *
 * Rows that fit one part are copied by one statement into an uncompressed temporary table (which
 * names resolve to first): at 75,000 rows, writing into the compressed database took twice as
 * long, for 17 MiB it would have saved.
 *
 * More rows, of which few merge (a national panel beside the bundled regencies' files), are not
 * copied: the merged village-years are (`village_score_merged`), and `village_score` is a view
 * of them and of every other village row, scored as it is read. Scoring all 740,000 rows of the
 * panel takes ~0.15 s a pass; compressing a copy took 2–3 s and as much heap.
 *
 * More rows of which many merge (two national files of the same years) are copied into the
 * compressed database, a range of row numbers at a time, in one transaction: DuckDB's wasm heap
 * never shrinks, and one statement over a 740,000-row panel took it from 260 to 450 MiB; parts
 * of 150,000 rows stay within what the load had already taken.
 */
// Not sorted: ordering 750,000 rows costs more than every read of one year it would spare.
const BASE: readonly Build[] = [
	`CREATE OR REPLACE TABLE village_several AS
		SELECT hash(identity, tahun) AS h FROM village_rows GROUP BY h HAVING count(*) > 1`,
	async (db, { scorePartRows }) => {
		const range = (
			await db.query('SELECT min(source_row) AS first, max(source_row) AS last, count(*) AS n, (SELECT count(*) FROM village_several) AS several FROM village_year')
		).toArray()[0];
		const first = Number(range?.first ?? 1);
		const last = Number(range?.last ?? 0);
		const rows = Number(range?.n ?? 0);
		await dropVillageScore(db);
		if (rows <= scorePartRows) {
			await db.query(
				`CREATE TEMP TABLE village_score AS
					SELECT * FROM village_scored(NULL, NULL) UNION ALL SELECT * FROM village_scored($1::INTEGER, $2::INTEGER)`,
				[first, last]
			);
			return;
		}
		if (Number(range?.several ?? 0) <= scorePartRows) {
			// The few merged village-years copied, every other village row scored as it is read.
			await db.query('CREATE TEMP TABLE village_score_merged AS SELECT * FROM village_scored(NULL, NULL)');
			await db.query(`CREATE TEMP VIEW village_score AS SELECT * FROM village_score_merged UNION ALL SELECT * FROM village_scored(1, ${MAX_ROW})`);
			return;
		}
		await db.query('CREATE TABLE village_score AS SELECT * FROM village_scored(NULL, NULL)');
		const step = Math.ceil((last - first + 1) / Math.ceil(rows / scorePartRows));
		await inTransaction(db, async () => {
			for (let from = first; from <= last; from += step) {
				await db.query('INSERT INTO village_score SELECT * FROM village_scored($1::INTEGER, $2::INTEGER)', [from, Math.min(last, from + step - 1)]);
			}
		});
	}
];

/** Beyond any row number a file has (`source_row` is an INTEGER). */
const MAX_ROW = 2_147_483_647;

/** The ways `village_score` can be kept, each with the statement that removes it. */
const SCORE_DROPS: Record<string, string> = {
	'temp:VIEW': 'DROP VIEW temp.main.village_score',
	'temp:TABLE': 'DROP TABLE temp.main.village_score',
	[`${COMPRESSED_CATALOG}:TABLE`]: `DROP TABLE ${COMPRESSED_CATALOG}.main.village_score`
};

/** Removes `village_score` wherever and however it was kept last time. */
async function dropVillageScore(db: Database): Promise<void> {
	for (const way of await howKept(db, 'village_score')) await db.query(SCORE_DROPS[way]!);
	await db.query('DROP TABLE IF EXISTS temp.main.village_score_merged');
}

/** A statement that builds (part of) a derived table, or steps that build it from what the data holds. */
type Build = string | ((db: Database, options: DerivedOptions) => Promise<void>);

/**
 * What a village-year's class depends on, its score (or, without one, its published status),
 * reduced to a small number, `code`: scores with the same class under every known scheme share
 * one. Counting village-years per code first and classifying the dozen or so codes afterwards
 * replaces classifying (and joining) every village-year under every scheme.
 */
// Joined on the pair, NULL matching NULL: a village-year without a score takes its published status's code.
const CODE_JOIN = `JOIN score_code k ON k.score IS NOT DISTINCT FROM v.score
		AND k.published IS NOT DISTINCT FROM CASE WHEN v.score IS NULL THEN v.status_published END`;

/** The class of every distinct score under every known scheme (schema.ts village_class's bands). */
const CLASSES = [
	// What a class is computed from, each distinct pair once: one pass over the village rows for
	// the two tables below.
	`CREATE OR REPLACE TEMP TABLE score_seen AS
		SELECT DISTINCT score, CASE WHEN score IS NULL THEN status_published END AS published FROM village_score`,
	`CREATE OR REPLACE TABLE score_class AS
		SELECT s.scheme_id, d.score, b.status
		FROM (SELECT DISTINCT score FROM score_seen WHERE score IS NOT NULL) d
		CROSS JOIN (SELECT DISTINCT scheme_id FROM status_band) s
		JOIN status_band b ON b.scheme_id = s.scheme_id
			AND (d.score > b.lower OR (b.lower_inclusive AND d.score = b.lower))
			AND (d.score < b.upper OR (b.upper_inclusive AND d.score = b.upper))`,
	`CREATE OR REPLACE TABLE score_code AS
		SELECT score, published, dense_rank() OVER (ORDER BY classes, published)::INTEGER AS code
		FROM (
			SELECT d.score, d.published, string_agg(c.scheme_id || ':' || c.status, ',' ORDER BY c.scheme_id) AS classes
			FROM score_seen d
			LEFT JOIN score_class c ON c.score = d.score
			GROUP BY ALL
		)`,
	// Each code's class under each scheme, as village_class gives it.
	`CREATE OR REPLACE TABLE code_class AS
		SELECT DISTINCT k.code, s.scheme_id, c.status AS status_computed,
			coalesce(c.status, CASE WHEN k.score IS NULL THEN k.published END) AS status, r.rank
		FROM score_code k
		CROSS JOIN (SELECT DISTINCT scheme_id FROM status_band) s
		LEFT JOIN score_class c ON c.scheme_id = s.scheme_id AND c.score = k.score
		LEFT JOIN status_rank r ON r.status = coalesce(c.status, CASE WHEN k.score IS NULL THEN k.published END)`,
	// Each scheme's move between every two codes (0: absent that year), classes and movement as
	// village_moves gives them; none for a village absent from both years. Following a village
	// from one year to another is then one lookup of its two codes.
	`CREATE OR REPLACE TABLE code_move AS
		WITH codes AS (
			SELECT scheme_id, code, status, rank FROM code_class
			UNION ALL
			SELECT DISTINCT scheme_id, 0, NULL, NULL FROM status_band
		)
		SELECT a.scheme_id, a.code AS a, b.code AS b, a.code <> 0 AS ada_dari, b.code <> 0 AS ada_ke,
			a.status AS dari, b.status AS ke, a.rank AS rank_dari, b.rank AS rank_ke,
			movement(a.code <> 0, b.code <> 0, a.rank, b.rank) AS gerak
		FROM codes a JOIN codes b USING (scheme_id)
		WHERE a.code <> 0 OR b.code <> 0`
];

const COUNTS = [
	// One pass over the village rows for every count: per kecamatan (the deepest area a filter
	// names), year, code and published status, with the exact sums the mean scores are made of.
	`CREATE OR REPLACE TABLE place_code_year AS
		SELECT left(coalesce(v.kode_desa, v.kode_kec, v.kode_kab, v.kode_prov, ''), 6) AS place, v.kode_kab, v.tahun,
			k.code, v.status_published,
			count(*) AS villages, count(v.kode_desa) AS coded,
			count(v.score) AS n_score, sum(exact_units(v.score)) AS sum_score,
			count(v.iks) AS n_iks, sum(exact_units(v.iks)) AS sum_iks,
			count(v.ike) AS n_ike, sum(exact_units(v.ike)) AS sum_ike,
			count(v.ikl) AS n_ikl, sum(exact_units(v.ikl)) AS sum_ikl
		FROM village_score v ${CODE_JOIN}
		GROUP BY ALL`,
	`CREATE OR REPLACE TABLE village_kab_year AS SELECT DISTINCT kode_kab, tahun FROM place_code_year`,
	// Once here, not in every status count: a read then scans a table that is mostly empty instead
	// of testing the recap against the regency-years (~3 ms of a 10 ms read at 750k in the Node build).
	`CREATE OR REPLACE TABLE recap_kab_year AS
		SELECT r.kode_kab, r.tahun, r.status, r.jumlah FROM status_recap r
		WHERE NOT EXISTS (SELECT 1 FROM village_kab_year c WHERE c.kode_kab = r.kode_kab AND c.tahun = r.tahun)`,
	`CREATE OR REPLACE TABLE area_year AS
		WITH fine AS (
			SELECT place, tahun,
				sum(villages) AS villages, sum(coded) AS coded,
				sum(n_score) AS n_score, sum(sum_score) AS sum_score,
				sum(n_iks) AS n_iks, sum(sum_iks) AS sum_iks,
				sum(n_ike) AS n_ike, sum(sum_ike) AS sum_ike,
				sum(n_ikl) AS n_ikl, sum(sum_ikl) AS sum_ikl
			FROM place_code_year GROUP BY ALL
		)
		SELECT area, tahun,
			sum(villages)::INTEGER AS villages, sum(coded)::INTEGER AS coded, sum(n_score)::INTEGER AS n_score,
			sum(sum_score)::BIGINT AS sum_score, sum(n_iks)::INTEGER AS n_iks, sum(sum_iks)::BIGINT AS sum_iks,
			sum(n_ike)::INTEGER AS n_ike, sum(sum_ike)::BIGINT AS sum_ike, sum(n_ikl)::INTEGER AS n_ikl, sum(sum_ikl)::BIGINT AS sum_ikl
		FROM (SELECT *, unnest(${PLACE_AREAS}) AS area FROM fine)
		GROUP BY area, tahun
		ORDER BY area, tahun`,
	// Each kecamatan's scores of its latest year with scores: an area's latest year is its
	// kecamatan's latest where they have it, so the distribution chart reads a year of scores from
	// here instead of scanning every village-year for one year. Not counted per score here: that
	// took twice as long at 75,000 rows, and a read counts only its area's scores.
	`CREATE OR REPLACE TABLE latest_score AS
		WITH latest AS (SELECT place, max(tahun) AS tahun FROM place_code_year WHERE n_score > 0 GROUP BY place)
		SELECT l.place, l.tahun, v.score
		FROM village_score v
		JOIN latest l ON l.place = left(coalesce(v.kode_desa, v.kode_kec, v.kode_kab, v.kode_prov, ''), 6) AND l.tahun = v.tahun
		WHERE v.score IS NOT NULL`,
	// What status_counts counts, per area: villages per year, code and published status, rolled
	// up from the kecamatan a level at a time (each level from the one below, not every row to
	// every level). Not classified here: a read joins its area's few dozen rows to code_class
	// under its scheme, while classifying every area under every scheme took 0.7 s at 750,000 rows.
	`CREATE OR REPLACE TABLE status_agg AS
		WITH kec AS (
			SELECT place AS area, tahun, code, status_published, sum(villages)::INTEGER AS villages
			FROM place_code_year GROUP BY ALL
		),
		kab AS (
			SELECT left(area, 4) AS area, tahun, code, status_published, sum(villages)::INTEGER AS villages
			FROM kec WHERE length(area) >= 4 GROUP BY ALL
		),
		prov AS (
			SELECT left(area, 2) AS area, tahun, code, status_published, sum(villages)::INTEGER AS villages
			FROM (SELECT * FROM kab UNION ALL SELECT * FROM kec WHERE length(area) IN (2, 3)) GROUP BY ALL
		),
		nation AS (
			SELECT '' AS area, tahun, code, status_published, sum(villages)::INTEGER AS villages
			FROM (SELECT * FROM prov UNION ALL SELECT * FROM kec WHERE length(area) < 2) GROUP BY ALL
		)
		SELECT * FROM (
			SELECT * FROM kec WHERE length(area) = 6
			UNION ALL SELECT * FROM kab
			UNION ALL SELECT * FROM prov
			UNION ALL SELECT * FROM nation
		)
		ORDER BY area, tahun`
];

/**
 * The years with coded villages, each with its place `i` in order: the paths' and the pairs' years.
 * From the per-kecamatan counts, not another pass over the village rows.
 */
const CODED_YEARS = `SELECT tahun, row_number() OVER (ORDER BY tahun)::INTEGER AS i
	FROM (SELECT DISTINCT tahun FROM place_code_year WHERE coded > 0 AND tahun IS NOT NULL)`;

/**
 * Every village with a code, one row each: its kecamatan (a row of `path_kecamatan`), its code in
 * each year (`codes`, the code of the i-th year of `path_year` at i, 0 where it is absent), and
 * its kecamatan's and its regency's names, each with whether it is the same in every year
 * (`kecamatan_seragam`, `kabupaten_seragam`; else a query that names those areas reads the
 * village rows). Apart, because releases before 2024 do not name the regency: a village's
 * kecamatan is then still named alike. A movement between any two years is then two list
 * elements of 75,000 rows instead of a join of village rows.
 */
const PATHS = [
	`CREATE OR REPLACE TABLE path_year AS ${CODED_YEARS}`,
	`CREATE OR REPLACE TABLE village_path AS
		WITH found AS (
			SELECT v.kode_desa, list({tahun: v.tahun, code: k.code}) AS years,
				min(v.nama_kecamatan) AS nama_kecamatan, min(v.nama_kabupaten) AS nama_kabupaten,
				(count(v.nama_kecamatan) = count(*) AND min(v.nama_kecamatan) = max(v.nama_kecamatan)) AS kecamatan_seragam,
				(count(v.nama_kabupaten) = count(*) AND min(v.nama_kabupaten) = max(v.nama_kabupaten)) AS kabupaten_seragam
			FROM village_score v ${CODE_JOIN}
			WHERE v.kode_desa IS NOT NULL
			GROUP BY v.kode_desa
		),
		-- A village's years once as a list of their own: each year's code is then found by its
		-- position, not by filtering the village's years once for every year.
		dated AS (SELECT *, [e.tahun FOR e IN years] AS tahun FROM found)
		SELECT f.kode_desa, dense_rank() OVER (ORDER BY substr(f.kode_desa, 1, 6))::INTEGER AS kecamatan,
			[coalesce(f.years[list_position(f.tahun, t)].code, 0) FOR t IN y.years] AS codes,
			f.nama_kecamatan, f.kecamatan_seragam, f.nama_kabupaten, f.kabupaten_seragam
		FROM dated f, (SELECT list(tahun ORDER BY i) AS years FROM path_year) y`,
	// Each kecamatan of village_path (`kecamatan`: villages are grouped on this number, which is
	// quicker than on its code), its name, and whether it is its every village's in every year:
	// then it is the name of any of its villages a movement counts.
	`CREATE OR REPLACE TABLE path_kecamatan AS
		SELECT kecamatan, any_value(substr(kode_desa, 1, 6)) AS kode_kec, min(nama_kecamatan) AS nama_kecamatan,
			bool_and(kecamatan_seragam) AND min(nama_kecamatan) = max(nama_kecamatan) AS kecamatan_seragam
		FROM village_path
		GROUP BY kecamatan`
];

/**
 * Villages per (from, to) class along each pair of consecutive years (village_moves with NULL
 * years), appearing and vanishing villages included, for the nation, each province and regency
 * (a kecamatan's few villages are followed from village_path when asked); valid for an area whose
 * coded years are all of them. `move_agg`: the status indicators' movements, from the pairs.
 *
 * Joined from the village rows, not read from village_path: the summary needs these right after a
 * load, and the paths, which only Transisi reads, are then built when it first asks for them.
 */
const PAIRS = [
	`CREATE OR REPLACE TABLE pair_agg AS
		WITH years AS (${CODED_YEARS}),
		coded AS (
			SELECT v.kode_desa, y.i, k.code
			FROM village_score v JOIN years y USING (tahun) ${CODE_JOIN}
			-- One year (a single release, the common file) has no pairs: nothing to join.
			WHERE v.kode_desa IS NOT NULL AND (SELECT count(*) FROM years) > 1
		),
		-- A village in one year of a pair and not the other meets code 0 there; a year with no next
		-- (or no previous) year has no pair.
		pairs AS (
			SELECT left(coalesce(a.kode_desa, b.kode_desa), 4) AS place, coalesce(a.i, b.i - 1) AS i,
				coalesce(a.code, 0) AS a, coalesce(b.code, 0) AS b
			FROM coded a FULL JOIN coded b ON b.kode_desa = a.kode_desa AND b.i = a.i + 1
		),
		fine AS (
			SELECT p.place AS area, y.tahun AS dari_tahun, z.tahun AS ke_tahun, p.a, p.b, count(*) AS n
			FROM pairs p JOIN years y ON y.i = p.i JOIN years z ON z.i = p.i + 1
			GROUP BY ALL
		),
		prov AS (
			SELECT left(area, 2) AS area, dari_tahun, ke_tahun, a, b, sum(n) AS n
			FROM fine WHERE length(area) >= 2 GROUP BY ALL
		),
		nation AS (
			SELECT '' AS area, dari_tahun, ke_tahun, a, b, sum(n) AS n
			FROM (SELECT * FROM prov UNION ALL SELECT * FROM fine WHERE length(area) < 2) GROUP BY ALL
		),
		areas AS (
			SELECT * FROM fine WHERE length(area) = 4
			UNION ALL SELECT * FROM prov
			UNION ALL SELECT * FROM nation
		)
		SELECT x.area, m.scheme_id, x.dari_tahun, x.ke_tahun, m.dari, m.ke, m.ada_dari, m.ada_ke, m.gerak,
			sum(x.n)::INTEGER AS jumlah
		FROM areas x
		JOIN code_move m ON m.a = x.a AND m.b = x.b
		GROUP BY ALL
		ORDER BY x.area, m.scheme_id, x.dari_tahun`,
	`CREATE OR REPLACE TABLE move_agg AS
		SELECT p.area, p.scheme_id, p.dari_tahun, p.ke_tahun,
			coalesce(sum(p.jumlah) FILTER (WHERE p.dari = 'TERTINGGAL'), 0)::INTEGER AS tertinggal_awal,
			coalesce(sum(p.jumlah) FILTER (WHERE p.dari = 'TERTINGGAL'
				AND r.rank >= (SELECT rank FROM status_rank WHERE status = 'BERKEMBANG')), 0)::INTEGER AS tertinggal_naik,
			coalesce(sum(p.jumlah) FILTER (WHERE p.dari = 'BERKEMBANG'), 0)::INTEGER AS berkembang_awal,
			coalesce(sum(p.jumlah) FILTER (WHERE p.dari IS DISTINCT FROM 'MANDIRI' AND p.ke = 'MANDIRI'), 0)::INTEGER AS jadi_mandiri
		FROM pair_agg p LEFT JOIN status_rank r ON r.status = p.ke
		WHERE p.ada_dari
		GROUP BY ALL
		ORDER BY area, scheme_id, dari_tahun`
];

/**
 * What the derived tables come from, in two values that change whenever they must be rebuilt:
 * the loaded data, and the known schemes (a user's scheme adds classes, not village rows).
 */
const STAMP = `SELECT concat_ws('|',
		(SELECT count(*) FROM village_year),
		(SELECT coalesce(string_agg(source || ':' || role || ':' || seq, ',' ORDER BY seq), '') FROM dataset),
		(SELECT count(*) || ':' || coalesce(sum(hash(source, source_row, kode_desa)), 0) FROM name_match),
		(SELECT count(*) FROM status_recap)
	) AS data,
	(SELECT coalesce(string_agg(DISTINCT scheme_id, ',' ORDER BY scheme_id), '') FROM status_band) AS schemes`;

/**
 * The derived tables in the order they build, each with the statements that need it and every
 * group whose tables it reads (`from`): a statement gets fresh exactly the tables it reads (and
 * what they are built from), so the first view after a load does not wait for tables it does not use.
 */
const GROUPS: readonly { statements: readonly Build[]; readBy: RegExp; schemes: boolean; from: readonly number[] }[] = [
	{ statements: BASE, readBy: /\b(village_several|village_score|village_class|status_counts|village_moves)\b/i, schemes: false, from: [] },
	{
		statements: CLASSES,
		readBy: /\b(score_class|score_code|code_class|code_move|village_class|status_counts|village_moves|path_moves)\b/i,
		schemes: true,
		from: [0]
	},
	{ statements: COUNTS, readBy: /\b(status_agg|area_year|village_kab_year|recap_kab_year|place_code_year|latest_score)\b/i, schemes: true, from: [0, 1] },
	// The pairs and the paths take their years from the counts (CODED_YEARS).
	{ statements: PAIRS, readBy: /\b(pair_agg|move_agg)\b/i, schemes: true, from: [0, 1, 2] },
	{ statements: PATHS, readBy: /\b(village_path|path_year|path_kecamatan|path_codes|path_moves|path_panel)\b/i, schemes: true, from: [0, 1, 2] }
];

/** The groups a statement reading `read` needs fresh, in build order: those, and what they are built from. */
function groupsFor(read: readonly number[]): number[] {
	return [...new Set(read.flatMap((index) => [index, ...GROUPS[index]!.from]))].sort((a, b) => a - b);
}
/** Schema statements mention them too, but define rather than read them. */
const DEFINES = /^\s*CREATE\s+(OR\s+REPLACE\s+)?(MACRO|VIEW|TABLE\s+IF\s+NOT\s+EXISTS)\b/i;

/**
 * Builds the tables the summary reads now: called right after a load, its charts find them ready
 * instead of waiting for them. Transisi's paths are built when it first reads them, so the
 * summary's first queries do not queue behind them.
 */
export async function buildDerivedTables(db: Database): Promise<void> {
	await db.query('SELECT (SELECT count(*) FROM status_agg) + (SELECT count(*) FROM move_agg) AS n');
}

/**
 * The database with its derived tables kept fresh: before a statement that reads them, a cheap
 * stamp of the loaded data is compared with the one they were built from, and they are rebuilt
 * if it moved. Concurrent reads share one check, and so do reads with no write between them; a
 * check never outlives a write that finished after it started.
 */
export function withDerivedTables(db: Database, options: DerivedOptions = DERIVED_OPTIONS): Database {
	const builtFrom = GROUPS.map((): string | null => null);
	let writes = 0;
	const checks = new Map<string, { writes: number; done: Promise<void> }>();
	let chain: Promise<void> = Promise.resolve();

	let lastStamp: { writes: number; row: Record<string, unknown> | undefined } | null = null;

	/** The stamp, read again only after a write: the checks of one view's reads share one. */
	async function currentStamp(): Promise<Record<string, unknown> | undefined> {
		if (lastStamp?.writes === writes) return lastStamp.row;
		const at = writes;
		const row = (await db.query(STAMP)).toArray()[0];
		// Kept only if no write finished meanwhile: it may or may not be in what was read.
		if (writes === at) lastStamp = { writes: at, row };
		return row;
	}

	async function ensureFresh(needed: readonly number[]): Promise<void> {
		const row = await currentStamp();
		const data = String(row?.data ?? '');
		const stamps = GROUPS.map((group) => (group.schemes ? `${data}|${String(row?.schemes ?? '')}` : data));
		// A rebuilt group makes every later one stale: they are built from it.
		let rebuilt = false;
		for (const index of needed) {
			if (!rebuilt && builtFrom[index] === stamps[index]) continue;
			for (const statement of GROUPS[index]!.statements) {
				if (typeof statement === 'string') await db.query(statement);
				else await statement(db, options);
			}
			builtFrom[index] = stamps[index]!;
			rebuilt = true;
			for (let later = index + 1; later < GROUPS.length; later++) if (!needed.includes(later)) builtFrom[later] = null;
		}
	}

	function fresh(needed: readonly number[]): Promise<void> {
		const key = needed.join();
		const check = checks.get(key);
		if (check && check.writes === writes) return check.done;
		// One check at a time: a rebuild must not interleave with another.
		const done = chain.then(() => ensureFresh(needed));
		chain = done.catch(() => {});
		checks.set(key, { writes, done });
		done.catch(() => checks.delete(key));
		return done;
	}

	return {
		async query(sql: string, params?: readonly unknown[]): Promise<Table> {
			const read = DEFINES.test(sql) ? [] : GROUPS.flatMap((group, i) => (group.readBy.test(sql) ? [i] : []));
			if (read.length > 0) {
				await fresh(groupsFor(read));
				return db.query(sql, params);
			}
			try {
				return await db.query(sql, params);
			} finally {
				// A read leaves the stamp where it was: the next derived read needs no new check.
				if (!readsOnly(sql)) writes++;
			}
		},
		registerFile: (name, bytes) => db.registerFile(name, bytes),
		registerBlob: (name, blob) => db.registerBlob(name, blob)
	};
}
