import type { Table } from 'apache-arrow';
import { readsOnly, type Database } from './database';

/**
 * Tables derived from the loaded rows, built once after a change instead of once per query:
 *
 * - `village_score`: the merged village-years with their score (schema.ts `village_score_live`,
 *   which re-runs the merge of every file's rows, materialised);
 * - `score_class`: the class of every distinct score under every known scheme;
 * - `status_agg`: villages per area × scheme × year × status (what `status_counts` counts), for
 *   every area a filter can name ('' the nation, each province, regency and kecamatan);
 * - `area_year`: per area and year, how many villages, scores and coded villages, and the exact
 *   sums the mean scores are made of;
 * - `move_agg`: per area × scheme, the status indicators' village movements along consecutive
 *   years; `pair_agg`: per area × scheme, villages per (from, to) class along consecutive years;
 * - `village_kab_year`: the regency-years with village rows (a recap counts only where none).
 *
 * A filter change then reads a few dozen rows instead of re-merging and re-classifying every
 * village row. The tables are rebuilt when what they come from changes (`withDerivedTables`).
 */

/**
 * The area keys a village-year counts in: the nation and each prefix of its code a filter can
 * name, from `place`, its code cut at the kecamatan.
 */
const PLACE_AREAS = `[left(place, n) FOR n IN [0, 2, 4, 6] IF length(place) >= n]`;

/** Every village-year classified under every known scheme, as schema.ts village_class does. */
const CLASSIFIED = `
	SELECT s.scheme_id, v.identity, v.kode_desa, v.kode_kab, v.tahun, v.score, v.status_published,
		-- The deepest area a filter names: counting per kecamatan first makes the roll-up small.
		left(coalesce(v.kode_desa, v.kode_kec, v.kode_kab, v.kode_prov, ''), 6) AS place,
		c.status AS status_computed,
		coalesce(c.status, CASE WHEN v.score IS NULL THEN v.status_published END) AS status,
		r.rank
	FROM village_score v
	CROSS JOIN (SELECT DISTINCT scheme_id FROM status_band) s
	LEFT JOIN score_class c ON c.scheme_id = s.scheme_id AND c.score = v.score
	LEFT JOIN status_rank r ON r.status = coalesce(c.status, CASE WHEN v.score IS NULL THEN v.status_published END)`;

/** The merged village scores, which every other derived table is built from. */
// Ordered by year: a query of one year (the latest scores) reads only that year's row groups.
const BASE = [`CREATE OR REPLACE TABLE village_score AS SELECT * FROM village_score_live ORDER BY tahun`];

/** The class of every distinct score under every known scheme (schema.ts village_class's bands). */
const CLASSES = [
	`CREATE OR REPLACE TABLE score_class AS
		SELECT s.scheme_id, d.score, b.status
		FROM (SELECT DISTINCT score FROM village_score WHERE score IS NOT NULL) d
		CROSS JOIN (SELECT DISTINCT scheme_id FROM status_band) s
		JOIN status_band b ON b.scheme_id = s.scheme_id
			AND (d.score > b.lower OR (b.lower_inclusive AND d.score = b.lower))
			AND (d.score < b.upper OR (b.upper_inclusive AND d.score = b.upper))`
];

const COUNTS = [
	`CREATE OR REPLACE TABLE village_kab_year AS SELECT DISTINCT kode_kab, tahun FROM village_score`,
	`CREATE OR REPLACE TABLE area_year AS
		WITH fine AS (
			SELECT left(coalesce(kode_desa, kode_kec, kode_kab, kode_prov, ''), 6) AS place, tahun,
				count(*) AS villages, count(kode_desa) AS coded,
				count(score) AS n_score, sum(exact_units(score)) AS sum_score,
				count(iks) AS n_iks, sum(exact_units(iks)) AS sum_iks,
				count(ike) AS n_ike, sum(exact_units(ike)) AS sum_ike,
				count(ikl) AS n_ikl, sum(exact_units(ikl)) AS sum_ikl
			FROM village_score GROUP BY ALL
		)
		SELECT area, tahun,
			sum(villages)::INTEGER AS villages, sum(coded)::INTEGER AS coded, sum(n_score)::INTEGER AS n_score,
			sum(sum_score) AS sum_score, sum(n_iks) AS n_iks, sum(sum_iks) AS sum_iks,
			sum(n_ike) AS n_ike, sum(sum_ike) AS sum_ike, sum(n_ikl) AS n_ikl, sum(sum_ikl) AS sum_ikl
		FROM (SELECT *, unnest(${PLACE_AREAS}) AS area FROM fine)
		GROUP BY area, tahun
		ORDER BY area, tahun`,
	`CREATE OR REPLACE TABLE status_agg AS
		WITH classified AS (${CLASSIFIED}),
		statuses AS (
			SELECT scheme_id, place, tahun, status, 1 AS counted, 0 AS published,
				(status_computed IS NOT NULL AND status_published IS NOT NULL
					AND status_computed <> status_published)::INTEGER AS differs
			FROM classified
			UNION ALL
			SELECT scheme_id, place, tahun, status_published, 0, 1, 0 FROM classified WHERE status_published IS NOT NULL
		),
		fine AS (
			SELECT scheme_id, place, tahun, status, sum(counted) AS counted, sum(published) AS published, sum(differs) AS differs
			FROM statuses GROUP BY ALL
		)
		SELECT area, scheme_id, tahun, status,
			sum(counted)::INTEGER AS jumlah, sum(published)::INTEGER AS jumlah_terbit, sum(differs)::INTEGER AS berbeda
		FROM (SELECT *, unnest(${PLACE_AREAS}) AS area FROM fine)
		GROUP BY area, scheme_id, tahun, status
		ORDER BY area, scheme_id, tahun`
];

const MOVES = [
	// Movements along consecutive years with coded villages (village_moves with NULL years);
	// valid for an area whose coded years are all of them, which statusIndicators checks.
	`CREATE OR REPLACE TABLE move_agg AS
		WITH classified AS (SELECT * FROM (${CLASSIFIED}) WHERE kode_desa IS NOT NULL),
		years AS (
			SELECT tahun, lead(tahun) OVER (ORDER BY tahun) AS next
			FROM (SELECT DISTINCT tahun FROM village_score WHERE kode_desa IS NOT NULL)
		),
		moves AS (
			SELECT a.scheme_id, a.place, y.tahun AS dari_tahun, y.next AS ke_tahun, a.status AS dari, b.status AS ke, b.rank AS rank_ke
			FROM classified a
			JOIN years y ON y.tahun = a.tahun AND y.next IS NOT NULL
			LEFT JOIN classified b ON b.scheme_id = a.scheme_id AND b.kode_desa = a.kode_desa AND b.tahun = y.next
		),
		fine AS (
			SELECT scheme_id, place, dari_tahun, ke_tahun,
				count(*) FILTER (WHERE dari = 'TERTINGGAL') AS tertinggal_awal,
				count(*) FILTER (WHERE dari = 'TERTINGGAL'
					AND rank_ke >= (SELECT rank FROM status_rank WHERE status = 'BERKEMBANG')) AS tertinggal_naik,
				count(*) FILTER (WHERE dari = 'BERKEMBANG') AS berkembang_awal,
				count(*) FILTER (WHERE dari IS DISTINCT FROM 'MANDIRI' AND ke = 'MANDIRI') AS jadi_mandiri
			FROM moves GROUP BY ALL
		)
		SELECT area, scheme_id, dari_tahun, ke_tahun,
			sum(tertinggal_awal)::INTEGER AS tertinggal_awal, sum(tertinggal_naik)::INTEGER AS tertinggal_naik,
			sum(berkembang_awal)::INTEGER AS berkembang_awal, sum(jadi_mandiri)::INTEGER AS jadi_mandiri
		FROM (SELECT *, unnest(${PLACE_AREAS}) AS area FROM fine)
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
 * The derived tables in the order they build, each with the statements that need it: a
 * statement gets fresh exactly the tables it reads (and what they are built from), so the first
 * view after a load does not wait for tables it does not use.
 */
// Every village's class in each pair of consecutive years (village_moves with NULL years),
// appearing and vanishing villages included; valid for an area whose coded years are all of them.
const PAIRS = [
	`CREATE OR REPLACE TABLE pair_agg AS
		WITH classified AS (SELECT * FROM (${CLASSIFIED}) WHERE kode_desa IS NOT NULL),
		years AS (
			SELECT tahun, lead(tahun) OVER (ORDER BY tahun) AS next
			FROM (SELECT DISTINCT tahun FROM village_score WHERE kode_desa IS NOT NULL)
		),
		a AS (SELECT c.*, y.tahun AS dari_tahun, y.next AS ke_tahun FROM classified c JOIN years y ON c.tahun = y.tahun AND y.next IS NOT NULL),
		b AS (SELECT c.*, y.tahun AS dari_tahun, y.next AS ke_tahun FROM classified c JOIN years y ON c.tahun = y.next),
		moves AS (
			SELECT coalesce(a.scheme_id, b.scheme_id) AS scheme_id, coalesce(b.place, a.place) AS place,
				coalesce(a.dari_tahun, b.dari_tahun) AS dari_tahun, coalesce(a.ke_tahun, b.ke_tahun) AS ke_tahun,
				a.status AS dari, b.status AS ke, a.kode_desa IS NOT NULL AS ada_dari, b.kode_desa IS NOT NULL AS ada_ke,
				movement(a.kode_desa IS NOT NULL, b.kode_desa IS NOT NULL, a.rank, b.rank) AS gerak
			FROM a FULL OUTER JOIN b ON a.scheme_id = b.scheme_id AND a.kode_desa = b.kode_desa AND a.dari_tahun = b.dari_tahun
		),
		fine AS (SELECT *, count(*) AS jumlah FROM moves GROUP BY ALL)
		SELECT area, scheme_id, dari_tahun, ke_tahun, dari, ke, ada_dari, ada_ke, gerak, sum(jumlah)::INTEGER AS jumlah
		FROM (SELECT *, unnest(${PLACE_AREAS}) AS area FROM fine)
		GROUP BY ALL
		ORDER BY area, scheme_id, dari_tahun`
];

const GROUPS = [
	{ statements: BASE, readBy: /\b(village_score|village_class|status_counts|village_moves)\b/i, schemes: false },
	{ statements: CLASSES, readBy: /\b(score_class|village_class|status_counts|village_moves)\b/i, schemes: true },
	{ statements: COUNTS, readBy: /\b(status_agg|area_year|village_kab_year)\b/i, schemes: true },
	{ statements: MOVES, readBy: /\bmove_agg\b/i, schemes: true },
	{ statements: PAIRS, readBy: /\bpair_agg\b/i, schemes: true }
] as const;
/** Groups built from the classes as well as from the base. */
const FROM_CLASSES = 2;
/** Schema statements mention them too, but define rather than read them. */
const DEFINES = /^\s*CREATE\s+(OR\s+REPLACE\s+)?(MACRO|VIEW|TABLE\s+IF\s+NOT\s+EXISTS)\b/i;

/**
 * The database with its derived tables kept fresh: before a statement that reads them, a cheap
 * stamp of the loaded data is compared with the one they were built from, and they are rebuilt
 * if it moved. Concurrent reads share one check, and so do reads with no write between them; a
 * check never outlives a write that finished after it started.
 */
export function withDerivedTables(db: Database): Database {
	const builtFrom = GROUPS.map((): string | null => null);
	let writes = 0;
	const checks = new Map<string, { writes: number; done: Promise<void> }>();
	let chain: Promise<void> = Promise.resolve();

	async function ensureFresh(needed: readonly number[]): Promise<void> {
		const row = (await db.query(STAMP)).toArray()[0];
		const data = String(row?.data ?? '');
		const stamps = GROUPS.map((group) => (group.schemes ? `${data}|${String(row?.schemes ?? '')}` : data));
		// A rebuilt group makes every later one stale: they are built from it.
		let rebuilt = false;
		for (const index of needed) {
			if (!rebuilt && builtFrom[index] === stamps[index]) continue;
			for (const statement of GROUPS[index]!.statements) await db.query(statement);
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
				// The base always, the classes for whatever is built from them, then what is read.
				const needed = [0, ...(read.some((i) => i >= 1) ? [1] : []), ...read.filter((i) => i >= FROM_CLASSES)];
				await fresh(needed);
				return db.query(sql, params);
			}
			try {
				return await db.query(sql, params);
			} finally {
				// A read leaves the stamp where it was: the next derived read needs no new check.
				if (!readsOnly(sql)) writes++;
			}
		},
		registerFile: (name, bytes) => db.registerFile(name, bytes)
	};
}
