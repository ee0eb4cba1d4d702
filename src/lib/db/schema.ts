import type { Database } from './database';

/**
 * The tables every query reads. `village_year` holds one row per village per year per source file,
 * as read (names and codes as text, scores as numbers); `status_recap` holds counts printed without
 * villages; `status_band` and `status_alias` carry the domain's schemes and status spellings as data.
 */
/**
 * The pairs of years a movement macro compares, from its `years`: the pair asked for, or (NULL
 * years) every consecutive pair. One rule for the moves from village rows and from village paths.
 */
const YEAR_PAIRS = `SELECT from_year::INTEGER AS dari_tahun, to_year::INTEGER AS ke_tahun WHERE from_year IS NOT NULL
			UNION ALL
			SELECT dari_tahun, ke_tahun
			FROM (SELECT lag(tahun) OVER (ORDER BY tahun) AS dari_tahun, tahun AS ke_tahun FROM years)
			WHERE from_year IS NULL AND dari_tahun IS NOT NULL`;

/**
 * IDM from the three components exactly as domain/idm.ts idmFromComponents computes it: through
 * the indicator points when the components are whole points over 175, 60 and 15, else from the
 * components as published.
 */
// Written twice in village_scored, not once in a subquery: `score` then computes it only for the
// few rows without a published IDM, and a read that does not ask for the column never computes it
// (it was a third of a pass over 740,000 rows).
const IDM_FROM_COMPONENTS = `CASE
			WHEN iks IS NULL OR ike IS NULL OR ikl IS NULL THEN NULL
			WHEN abs(round(iks * 175) / 175 - iks) <= 0.0000500001
				AND abs(round(ike * 60) / 60 - ike) <= 0.0000500001
				AND abs(round(ikl * 15) / 15 - ikl) <= 0.0000500001
			THEN floor((200 * (12 * round(iks * 175) + 35 * round(ike * 60) + 140 * round(ikl * 15)) + 63) / 126) / 10000
			ELSE round((round(iks * 10000) + round(ike * 10000) + round(ikl * 10000)) / 3) / 10000
		END`;

/** The village rows' columns: the table is created in the database and as a temporary one (village-storage.ts). */
export const VILLAGE_YEAR_COLUMNS = `
		source VARCHAR NOT NULL,
		source_row INTEGER NOT NULL,
		kode_prov VARCHAR,
		nama_provinsi VARCHAR,
		kode_kab VARCHAR,
		nama_kabupaten VARCHAR,
		kode_kec VARCHAR,
		nama_kecamatan VARCHAR,
		kode_desa VARCHAR,
		nama_desa VARCHAR,
		tahun INTEGER,
		iks DOUBLE,
		ike DOUBLE,
		ikl DOUBLE,
		idm DOUBLE,
		status_text VARCHAR,
		status_published VARCHAR,
		keterangan VARCHAR
`;

const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS dataset (
		source VARCHAR PRIMARY KEY,
		kind VARCHAR NOT NULL,
		role VARCHAR NOT NULL,
		seq INTEGER NOT NULL,
		rows_read INTEGER,
		-- What its rows hold, noted once they are in (load-queries.ts recordDatasetRows): a
		-- dataset's rows never change after its load, and counting them again for every list of
		-- datasets read every village row. Named apart from village_year's columns, which
		-- statements joining the two name bare.
		rows_loaded INTEGER,
		has_codes BOOLEAN,
		loaded_years VARCHAR
	)`,
	// What a load found wrong with a file, row by row: kept so the report can show it.
	`CREATE TABLE IF NOT EXISTS load_issue (
		source VARCHAR NOT NULL,
		source_row INTEGER,
		kolom VARCHAR,
		nilai VARCHAR,
		alasan VARCHAR NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS kecamatan_alias (
		kode_kab VARCHAR NOT NULL,
		alias VARCHAR NOT NULL,
		nama VARCHAR NOT NULL
	)`,
	// A user's answer to "which village is this?" for a name that matched none or several.
	`CREATE TABLE IF NOT EXISTS name_resolution (
		kode_kab VARCHAR NOT NULL,
		kecamatan_key VARCHAR NOT NULL,
		desa_key VARCHAR NOT NULL,
		kode_desa VARCHAR NOT NULL
	)`,
	// The code each row without one was matched to by name (refreshed after every load).
	`CREATE TABLE IF NOT EXISTS name_match (
		source VARCHAR NOT NULL,
		source_row INTEGER NOT NULL,
		kode_desa VARCHAR,
		kandidat VARCHAR[]
	)`,
	// Means of scores summed as whole hundred-millionths: exact, so the same in whatever order or
	// grouping the rows are added (a float sum is not), and exact for scores of up to 8 decimals.
	`CREATE OR REPLACE MACRO exact_units(x) AS round(x * 100000000)::BIGINT`,
	`CREATE OR REPLACE MACRO exact_mean(units, n) AS CASE WHEN n > 0 THEN units::DOUBLE / n / 100000000 END`,
	// domain/names.ts nameKey, in SQL.
	// How a village moved between two years, one wording for every query that counts moves.
	`CREATE OR REPLACE MACRO movement(ada_dari, ada_ke, rank_dari, rank_ke) AS CASE
		WHEN NOT ada_dari THEN 'baru'
		WHEN NOT ada_ke THEN 'hilang'
		WHEN rank_dari IS NULL OR rank_ke IS NULL THEN 'tanpa_nilai'
		WHEN rank_ke > rank_dari THEN 'naik'
		WHEN rank_ke < rank_dari THEN 'turun'
		ELSE 'tetap'
	END`,
	`CREATE OR REPLACE MACRO name_key(name) AS regexp_replace(upper(coalesce(name, '')), '[^A-Z0-9]+', '', 'g')`,
	`CREATE TABLE IF NOT EXISTS village_year (${VILLAGE_YEAR_COLUMNS})`,
	`CREATE TABLE IF NOT EXISTS status_recap (
		source VARCHAR NOT NULL,
		kode_kab VARCHAR NOT NULL,
		nama_kabupaten VARCHAR,
		tahun INTEGER NOT NULL,
		status VARCHAR NOT NULL,
		jumlah INTEGER NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS indicator_target (
		source VARCHAR NOT NULL,
		kode_kab VARCHAR NOT NULL,
		indikator VARCHAR NOT NULL,
		tahun INTEGER NOT NULL,
		target DOUBLE,
		realisasi_tercetak DOUBLE,
		capaian_tercetak DOUBLE,
		sumber VARCHAR
	)`,
	`CREATE TABLE IF NOT EXISTS status_band (
		scheme_id VARCHAR NOT NULL,
		rank INTEGER NOT NULL,
		status VARCHAR NOT NULL,
		lower DOUBLE NOT NULL,
		upper DOUBLE NOT NULL,
		lower_inclusive BOOLEAN NOT NULL,
		upper_inclusive BOOLEAN NOT NULL,
		PRIMARY KEY (scheme_id, rank)
	)`,
	`CREATE TABLE IF NOT EXISTS status_alias (
		written VARCHAR PRIMARY KEY,
		status VARCHAR NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS status_rank (
		status VARCHAR PRIMARY KEY,
		rank INTEGER NOT NULL
	)`,
	// One record per village and year, whatever files it came from: rows join on the village code
	// (a row without one on the code its names matched); where files disagree the latest loaded
	// wins, field by field, and a field only one file gives is taken from it.
	// Every row of the primary datasets with the identity it merges under: its code, the code its
	// names matched, or (unmatched) the row itself.
	`CREATE OR REPLACE VIEW village_rows AS
		SELECT v.*, d.seq,
			coalesce(v.kode_desa, nm.kode_desa) AS kode,
			coalesce(v.kode_desa, nm.kode_desa, v.source || '#' || v.source_row) AS identity
		FROM village_year v
		JOIN dataset d USING (source)
		LEFT JOIN name_match nm USING (source, source_row)
		WHERE d.role = 'primary'`,
	// The village-years several rows give, by a hash of (identity, year): a number groups faster
	// than text, and a collision only sends single rows through the merge, which gives them
	// unchanged. Built by derived.ts before the merge, from the rows as they are then.
	`CREATE TABLE IF NOT EXISTS village_several (h UBIGINT)`,
	// The merged village-years: with `first` NULL, those several rows give, merged; else the
	// village-years a single row gives (the common case: one file per year), of the rows numbered
	// `first` to `last` in their files. Only the few village-years several rows give are merged,
	// which at 750,000 rows is the difference between one pass and a twelve-aggregate GROUP BY
	// over everything; and the single rows are copied a range of rows at a time (derived.ts).
	`CREATE OR REPLACE MACRO village_merged(first, last) AS TABLE
		SELECT identity, tahun,
			kode AS kode_desa,
			coalesce(substr(kode, 1, 2), kode_prov) AS kode_prov,
			nama_provinsi,
			coalesce(substr(kode, 1, 4), kode_kab) AS kode_kab,
			nama_kabupaten,
			coalesce(substr(kode, 1, 6), kode_kec) AS kode_kec,
			nama_kecamatan, nama_desa, iks, ike, ikl, idm, status_published, keterangan,
			1::INTEGER AS rows_merged,
			[source] AS sources
		FROM village_rows r ANTI JOIN village_several s ON hash(r.identity, r.tahun) = s.h
		WHERE first IS NOT NULL AND r.source_row BETWEEN first AND last
		UNION ALL
		SELECT identity, tahun,
			any_value(kode) AS kode_desa,
			coalesce(substr(any_value(kode), 1, 2), arg_max(kode_prov, seq) FILTER (WHERE kode_prov IS NOT NULL)) AS kode_prov,
			arg_max(nama_provinsi, seq) FILTER (WHERE nama_provinsi IS NOT NULL) AS nama_provinsi,
			coalesce(substr(any_value(kode), 1, 4), arg_max(kode_kab, seq) FILTER (WHERE kode_kab IS NOT NULL)) AS kode_kab,
			arg_max(nama_kabupaten, seq) FILTER (WHERE nama_kabupaten IS NOT NULL) AS nama_kabupaten,
			coalesce(substr(any_value(kode), 1, 6), arg_max(kode_kec, seq) FILTER (WHERE kode_kec IS NOT NULL)) AS kode_kec,
			arg_max(nama_kecamatan, seq) FILTER (WHERE nama_kecamatan IS NOT NULL) AS nama_kecamatan,
			arg_max(nama_desa, seq) FILTER (WHERE nama_desa IS NOT NULL) AS nama_desa,
			arg_max(iks, seq) FILTER (WHERE iks IS NOT NULL) AS iks,
			arg_max(ike, seq) FILTER (WHERE ike IS NOT NULL) AS ike,
			arg_max(ikl, seq) FILTER (WHERE ikl IS NOT NULL) AS ikl,
			arg_max(idm, seq) FILTER (WHERE idm IS NOT NULL) AS idm,
			arg_max(status_published, seq) FILTER (WHERE status_published IS NOT NULL) AS status_published,
			arg_max(keterangan, seq) FILTER (WHERE keterangan IS NOT NULL) AS keterangan,
			count(*)::INTEGER AS rows_merged,
			list(DISTINCT source ORDER BY source) AS sources
		FROM village_rows r SEMI JOIN village_several s ON hash(r.identity, r.tahun) = s.h
		WHERE first IS NULL
		GROUP BY identity, tahun`,
	// The merged village-years with the score a class is computed from: the published IDM, else
	// IDM from the components. Queries read it as `village_score` (derived.ts: a copy, or for large
	// data with few merges a view), rebuilt after a change.
	`CREATE OR REPLACE MACRO village_scored(first, last) AS TABLE
		SELECT m.*, ${IDM_FROM_COMPONENTS} AS idm_from_components, coalesce(idm, ${IDM_FROM_COMPONENTS}) AS score
		FROM village_merged(first, last) m`,
	// Empty until derived.ts builds them; the macros below need them to exist.
	`CREATE TABLE IF NOT EXISTS village_score AS SELECT * FROM village_scored(NULL, NULL) LIMIT 0`,
	`CREATE TABLE IF NOT EXISTS score_class (scheme_id VARCHAR, score DOUBLE, status VARCHAR)`,
	`CREATE TABLE IF NOT EXISTS code_class (code INTEGER, scheme_id VARCHAR, status_computed VARCHAR, status VARCHAR, rank INTEGER)`,
	`CREATE TABLE IF NOT EXISTS code_move (
		scheme_id VARCHAR,
		a INTEGER,
		b INTEGER,
		ada_dari BOOLEAN,
		ada_ke BOOLEAN,
		dari VARCHAR,
		ke VARCHAR,
		rank_dari INTEGER,
		rank_ke INTEGER,
		gerak VARCHAR
	)`,
	`CREATE TABLE IF NOT EXISTS path_year (tahun INTEGER, i INTEGER)`,
	`CREATE TABLE IF NOT EXISTS village_path (
		kode_desa VARCHAR,
		kecamatan INTEGER,
		codes INTEGER[],
		nama_kecamatan VARCHAR,
		kecamatan_seragam BOOLEAN,
		nama_kabupaten VARCHAR,
		kabupaten_seragam BOOLEAN
	)`,
	`CREATE TABLE IF NOT EXISTS path_kecamatan (kecamatan INTEGER, kode_kec VARCHAR, nama_kecamatan VARCHAR, kecamatan_seragam BOOLEAN)`,
	// Every village-year of an area (a code prefix: '' for the nation, 2 digits a province, 4 a
	// regency, 6 a kecamatan) with its class under a scheme. \`status\` is the class of the score,
	// or the published status where there is no score at all; \`rank\` is its place, 0 = Sangat Tertinggal.
	// The class of each distinct score is looked up in score_class (derived.ts): a 4-decimal score
	// has at most 10,001 values, so a hash join replaces a range join over every village row.
	`CREATE OR REPLACE MACRO village_class(area, scheme) AS TABLE
		SELECT v.*,
			c.status AS status_computed,
			coalesce(c.status, CASE WHEN v.score IS NULL THEN v.status_published END) AS status,
			r.rank
		FROM village_score v
		LEFT JOIN score_class c ON c.scheme_id = scheme AND c.score = v.score
		LEFT JOIN status_rank r ON r.status = coalesce(c.status, CASE WHEN v.score IS NULL THEN v.status_published END)
		WHERE starts_with(coalesce(v.kode_desa, v.kode_kec, v.kode_kab, v.kode_prov, ''), area)`,
	// Villages per status per year of an area: from village rows, and for a regency-year without
	// any, from the counts a report printed.
	`CREATE OR REPLACE MACRO status_counts(area, scheme) AS TABLE
		WITH classified AS (SELECT * FROM village_class(area, scheme)),
		statuses AS (
			SELECT tahun, status, 1 AS counted, 0 AS published,
				(status_computed IS NOT NULL AND status_published IS NOT NULL
					AND status_computed <> status_published)::INTEGER AS differs
			FROM classified
			UNION ALL
			SELECT tahun, status_published, 0, 1, 0 FROM classified WHERE status_published IS NOT NULL
		),
		basis AS (
			SELECT tahun, CASE WHEN count(score) > 0 THEN 'scores' ELSE 'status' END AS basis
			FROM classified GROUP BY tahun
		)
		SELECT tahun, status, sum(counted)::INTEGER AS jumlah, sum(published)::INTEGER AS jumlah_terbit,
			sum(differs)::INTEGER AS berbeda, basis
		FROM statuses JOIN basis USING (tahun)
		GROUP BY tahun, status, basis
		UNION ALL
		SELECT tahun, status, jumlah, jumlah, 0, 'recap'
		FROM status_recap r
		WHERE starts_with(r.kode_kab, area)
			AND NOT EXISTS (SELECT 1 FROM classified c WHERE c.kode_kab = r.kode_kab AND c.tahun = r.tahun)`,
	// Each village with a code between two years (or, with NULL years, along every consecutive
	// pair of years the area has): its class in each year, and whether it was there at all.
	`CREATE OR REPLACE MACRO village_moves(area, scheme, from_year, to_year) AS TABLE
		WITH v AS (SELECT * FROM village_class(area, scheme) WHERE kode_desa IS NOT NULL),
		years AS (SELECT DISTINCT tahun FROM v),
		pairs AS (${YEAR_PAIRS}),
		ids AS (
			SELECT DISTINCT p.dari_tahun, p.ke_tahun, v.kode_desa
			FROM pairs p JOIN v ON v.tahun = p.dari_tahun OR v.tahun = p.ke_tahun
		)
		SELECT ids.dari_tahun, ids.ke_tahun, ids.kode_desa,
			coalesce(b.nama_desa, a.nama_desa) AS nama_desa,
			coalesce(b.kode_kec, a.kode_kec) AS kode_kec,
			coalesce(b.nama_kecamatan, a.nama_kecamatan) AS nama_kecamatan,
			coalesce(b.kode_kab, a.kode_kab) AS kode_kab,
			coalesce(b.nama_kabupaten, a.nama_kabupaten) AS nama_kabupaten,
			a.kode_desa IS NOT NULL AS ada_dari,
			b.kode_desa IS NOT NULL AS ada_ke,
			a.status AS dari, b.status AS ke, a.rank AS rank_dari, b.rank AS rank_ke,
			movement(a.kode_desa IS NOT NULL, b.kode_desa IS NOT NULL, a.rank, b.rank) AS gerak
		FROM ids
		LEFT JOIN v a ON a.kode_desa = ids.kode_desa AND a.tahun = ids.dari_tahun
		LEFT JOIN v b ON b.kode_desa = ids.kode_desa AND b.tahun = ids.ke_tahun`,
	// Each village with a code of an area, between two years (or, with NULL years, along every
	// consecutive pair of years the area has): its codes in each year (derived.ts village_path, 0
	// where it is absent), a village absent from both included. A year's code is the list element
	// at the year's place in path_year, not a search of the village's years. (The nation is every
	// village: no code is compared.)
	`CREATE OR REPLACE MACRO path_codes(area, from_year, to_year) AS TABLE
		WITH v AS (SELECT * FROM village_path WHERE area = '' OR starts_with(kode_desa, area)),
		years AS (SELECT DISTINCT y.tahun FROM path_year y JOIN v ON v.codes[y.i] <> 0),
		pairs AS (${YEAR_PAIRS}),
		places AS (
			SELECT p.dari_tahun, p.ke_tahun, a.i AS ia, b.i AS ib
			FROM pairs p LEFT JOIN path_year a ON a.tahun = p.dari_tahun LEFT JOIN path_year b ON b.tahun = p.ke_tahun
		)
		SELECT p.dari_tahun, p.ke_tahun, v.kode_desa, v.kecamatan, v.nama_kecamatan, v.nama_kabupaten,
			coalesce(v.codes[p.ia], 0) AS a, coalesce(v.codes[p.ib], 0) AS b
		FROM places p CROSS JOIN v`,
	// Each kecamatan of the villages' paths (derived.ts path_kecamatan) with its villages' codes one
	// after another, path_year's count of them per village, by name as the movements per kecamatan
	// are listed: what Transisi counts a change of years from in the page (domain/transitions.ts
	// transitionsAlongPaths). A row per kecamatan, not per village: few enough rows for the read
	// cache to keep, so a change of years reads nothing.
	`CREATE OR REPLACE MACRO path_panel() AS TABLE
		SELECT k.kode_kec, k.nama_kecamatan, k.kecamatan_seragam, p.codes
		FROM (SELECT kecamatan, flatten(list(codes))::INTEGER[] AS codes FROM village_path GROUP BY kecamatan) p
		JOIN path_kecamatan k USING (kecamatan)
		ORDER BY k.nama_kecamatan, k.kode_kec`,
	// village_moves from the villages' paths instead of their rows, for a known scheme: the same
	// villages, classes and movements, each a lookup of its two codes in code_move (derived.ts),
	// which has no row for a village absent from both years. The kecamatan's and regency's names
	// are the village's where they are the same in every year (village_path's `kecamatan_seragam`,
	// `kabupaten_seragam`); elsewhere only village_moves has them.
	`CREATE OR REPLACE MACRO path_moves(area, scheme, from_year, to_year) AS TABLE
		SELECT c.dari_tahun, c.ke_tahun, c.kode_desa,
			substr(c.kode_desa, 1, 6) AS kode_kec, c.nama_kecamatan,
			substr(c.kode_desa, 1, 4) AS kode_kab, c.nama_kabupaten,
			m.ada_dari, m.ada_ke, m.dari, m.ke, m.rank_dari, m.rank_ke, m.gerak
		FROM path_codes(area, from_year, to_year) c
		JOIN code_move m ON m.scheme_id = scheme AND m.a = c.a AND m.b = c.b`
] as const;

export async function createSchema(db: Database): Promise<void> {
	for (const statement of SCHEMA) await db.query(statement);
}
