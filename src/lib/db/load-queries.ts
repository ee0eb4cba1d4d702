import type { Table } from 'apache-arrow';
import type { StatusScheme } from '../domain/schemes';
import type { Database } from './database';
import { columnValues, rowsOf } from './arrow';

/** What a column of a village file holds, whatever its header says. */
export const VILLAGE_FIELDS = [
	'kode_prov',
	'nama_provinsi',
	'kode_kab',
	'nama_kabupaten',
	'kode_kec',
	'nama_kecamatan',
	'kode_desa',
	'nama_desa',
	'tahun',
	'iks',
	'ike',
	'ikl',
	'idm',
	'status',
	'keterangan'
] as const;

/** Rows a dataset gives: village scores, village statuses, regency counts, or indicator targets. */
export type DatasetKind = 'scores' | 'status' | 'recap' | 'targets';
/** Primary datasets feed the figures; reconciliation ones are kept to compare against them. */
export type DatasetRole = 'primary' | 'reconciliation';

/** A header recognised as a field (a village field, or a recap one such as `status:MANDIRI`). */
export interface StagedColumn {
	header: string;
	field: string;
	tahun: number | null;
}

/** What a file does not say and the user (or the bundle's manifest) does. */
export interface StagedDefaults {
	tahun: number | null;
	kodeKab: string | null;
	namaKabupaten: string | null;
}

/** Rows of a staged file: read, set aside as repeated headers, rejected, and loaded. */
export interface StagedCounts {
	read: number;
	repeatedHeaders: number;
	rejected: number;
	loaded: number;
}

/**
 * Reasons for which a row was set aside whole before DuckDB read it (load/rows.ts): such a row is
 * rejected once, for its shape, not again for the village or year it then lacks. A fixed list of
 * this module's own words, never input.
 */
export const ROW_SHAPE_REASONS = ['unbalanced-quote', 'too-many-fields', 'wrong-delimiter'] as const;
const SHAPE_REASONS_SQL = `(${ROW_SHAPE_REASONS.map((reason) => `'${reason}'`).join(', ')})`;
/** A staged row not already rejected for its shape, in a statement whose `$1` is the file's source. */
const NOT_REJECTED_FOR_SHAPE = `source_row NOT IN (SELECT source_row FROM load_issue WHERE source = $1 AND alasan IN ${SHAPE_REASONS_SQL})`;
/** Reasons that reject a row whole; the others leave the row loaded without one value. */
export const REJECTING_REASONS = ['no-village', 'no-year', 'no-regency', ...ROW_SHAPE_REASONS] as const;

/** Records rows set aside before staging (their shape), with the row, the column count or delimiter seen. */
export async function insertRowIssues(db: Database, source: string, issues: readonly { row: number; reason: string; value: string }[]): Promise<void> {
	for (const issue of issues) {
		await db.query('INSERT INTO load_issue VALUES ($1, $2, NULL, $3, $4)', [source, issue.row, issue.value, issue.reason]);
	}
}

/**
 * The place columns of a village_year row, in its order (`kode_prov` to `nama_desa`), from rows
 * that name them as village_year does: a code a file leaves out is its village code's prefix, a
 * regency it does not name the one the user chose (`kodeKab`, `namaKabupaten`: the statement's
 * placeholders for them). Every loader's final INSERT takes its places from here.
 */
export function villagePlaceColumns(kodeKab: string, namaKabupaten: string): string {
	return `coalesce(kode_prov, substr(kode_desa, 1, 2)), nama_provinsi,
		coalesce(kode_kab, substr(kode_desa, 1, 4), ${kodeKab}), coalesce(nama_kabupaten, ${namaKabupaten}),
		coalesce(kode_kec, substr(kode_desa, 1, 6)), nama_kecamatan, kode_desa, nama_desa`;
}

/** A staged village record that names no village: no code, as read or as written, and no name. */
const NAMES_NO_VILLAGE = '(kode_desa IS NULL AND kode_desa_written IS NULL AND nama_desa IS NULL)';

/** A staged village record that is no village-year (no village, or no year): reported, never loaded. */
export const NOT_A_VILLAGE_YEAR = `(${NAMES_NO_VILLAGE} OR tahun IS NULL)`;

/**
 * Reports, once a row, the records of `staging_records` that are no village-year ('no-village' or
 * 'no-year'), but for rows already rejected for their shape. Both village loaders report them so
 * before their final INSERT leaves them out (`NOT_A_VILLAGE_YEAR`).
 */
export function rejectRecordsWithoutVillageYear(db: Database, source: string): Promise<Table> {
	return db.query(
		`INSERT INTO load_issue
		SELECT DISTINCT $1, source_row, NULL, NULL, CASE WHEN ${NAMES_NO_VILLAGE} THEN 'no-village' ELSE 'no-year' END
		FROM staging_records
		WHERE ${NOT_A_VILLAGE_YEAR}
			AND ${NOT_REJECTED_FOR_SHAPE}`,
		[source]
	);
}

/** Registers a dataset after the ones already loaded: later datasets win where files disagree. */
export async function registerDataset(db: Database, source: string, kind: DatasetKind, role: DatasetRole): Promise<void> {
	await db.query(
		`INSERT OR REPLACE INTO dataset (source, kind, role, seq)
		SELECT $1, $2, $3, coalesce((SELECT max(seq) FROM dataset), 0) + 1`,
		[source, kind, role]
	);
}

/**
 * Notes, once a dataset's rows are in, how many data rows its file had (`rows_read`) and what its
 * rows hold: how many (`rows_loaded`), whether any has a village code (`has_codes`), their years
 * (`loaded_years`).
 */
export async function recordDatasetRows(db: Database, source: string, rowsRead: number): Promise<void> {
	await db.query(
		`UPDATE dataset SET rows_read = $2, rows_loaded = coalesce(f.n, 0), has_codes = coalesce(f.coded, false), loaded_years = f.tahun
		FROM (
			SELECT sum(n)::INTEGER AS n, bool_or(coded) AS coded, string_agg(tahun::VARCHAR, ', ' ORDER BY tahun::VARCHAR) AS tahun
			FROM (
				SELECT tahun, count(*) AS n, bool_or(kode_desa IS NOT NULL) AS coded FROM village_year WHERE source = $1 GROUP BY tahun
				UNION ALL
				SELECT tahun, count(*), false FROM status_recap WHERE source = $1 GROUP BY tahun
			)
		) f
		WHERE dataset.source = $1`,
		[source, rowsRead]
	);
}

/**
 * Once a dataset with village codes covers a regency-year, an earlier dataset of the same
 * regency-year without any codes (a report's table, a status list) would count its unmatched names
 * as extra villages: it becomes a reconciliation dataset, compared with the coded one instead, and
 * its load report says so. Returns the datasets that changed role.
 */
export async function demoteCodelessDatasets(db: Database, source: string): Promise<string[]> {
	const demoted = rowsOf<{ source: string }>(
		await db.query(
			// The code-less datasets' few regency-years first, then the new rows joined to them: one
			// EXISTS per dataset over the new rows joined every village row of both (~40 ms at 750k
			// in the Node build; ~4 ms this way).
			`UPDATE dataset SET role = 'reconciliation'
			WHERE source IN (
				SELECT DISTINCT c.source
				FROM (
					SELECT DISTINCT v.source, v.kode_kab, v.tahun
					FROM village_year v JOIN dataset d USING (source)
					WHERE d.role = 'primary' AND d.source <> $1 AND d.kind IN ('scores', 'status') AND NOT d.has_codes
				) c
				JOIN village_year n ON n.kode_kab = c.kode_kab AND n.tahun = c.tahun
				WHERE n.source = $1 AND n.kode_desa IS NOT NULL
			)
			RETURNING source`,
			[source]
		)
	);
	for (const { source: changed } of demoted) {
		await db.query(`INSERT INTO load_issue VALUES ($1, NULL, NULL, $2, 'became-reconciliation')`, [changed, source]);
	}
	return demoted.map((d) => d.source);
}

/** Forgets everything a dataset put in the tables. */
export async function removeDataset(db: Database, source: string): Promise<void> {
	for (const table of ['village_year', 'status_recap', 'indicator_target', 'load_issue', 'name_match', 'dataset']) {
		// The table names are this module's own constants, never input.
		await db.query(`DELETE FROM ${table} WHERE source = $1`, [source]);
	}
}

/**
 * Reads a registered CSV into `staging_raw`, every cell as text (codes keep their zeros), and
 * returns its headers. The text given starts at its header line (load/text.ts).
 */
export async function stageCsv(db: Database, fileName: string, delimiter: string): Promise<string[]> {
	await db.query(
		`CREATE OR REPLACE TABLE staging_raw AS
		SELECT * FROM read_csv($1, header = true, all_varchar = true, delim = $2, quote = '"', escape = '"',
			parallel = false, null_padding = true, strict_mode = false)`,
		[fileName, delimiter]
	);
	return columnValues<string>(await db.query('DESCRIBE staging_raw'), 'column_name');
}

export async function stageMapping(db: Database, mapping: readonly StagedColumn[]): Promise<void> {
	await db.query('CREATE OR REPLACE TABLE staging_mapping (header VARCHAR, field VARCHAR, tahun INTEGER)');
	for (const { header, field, tahun } of mapping) {
		await db.query('INSERT INTO staging_mapping VALUES ($1, $2, $3)', [header, field, tahun]);
	}
}

/**
 * Every mapped cell of the staged file, one row per (row, column), rows that only repeat the
 * header set aside and reported.
 */
async function stageCells(db: Database, source: string): Promise<number> {
	await db.query(
		`CREATE OR REPLACE TABLE staging_cells AS
		SELECT source_row, m.header, m.field, coalesce(m.tahun, 0) AS year_key, nullif(trim(cell), '') AS value
		FROM (
			UNPIVOT (SELECT (rowid + 1)::INTEGER AS source_row, * FROM staging_raw)
			ON COLUMNS(* EXCLUDE (source_row))
			INTO NAME staged_header VALUE cell
		) cells
		JOIN staging_mapping m ON m.header = cells.staged_header`
	);
	const repeated = await db.query(
		`INSERT INTO load_issue
		SELECT $1, source_row, NULL, NULL, 'repeated-header'
		FROM staging_cells
		GROUP BY source_row
		HAVING bool_and(upper(value) = upper(trim(header)))`,
		[source]
	);
	await db.query(
		`DELETE FROM staging_cells WHERE source_row IN (
			SELECT source_row FROM load_issue WHERE source = $1 AND alasan = 'repeated-header'
		)`,
		[source]
	);
	return insertedCount(repeated);
}

function insertedCount(result: import('apache-arrow').Table): number {
	return Number(columnValues<number | bigint>(result, 'Count')[0] ?? 0);
}

/**
 * Turns the staged cells into village-year rows: wide files' per-year columns become one row per
 * year; scores are read with a decimal point or comma; codes keep their digits; area codes come
 * from the village code. A row without a village or a year is rejected; a score that is not a
 * number, or outside [0, 1], a code that is not 10 digits, a status no one writes: the row loads
 * without that value, and the issue is reported with its row and column.
 */
export async function insertStagedVillages(db: Database, source: string, defaults: StagedDefaults): Promise<StagedCounts> {
	const repeatedHeaders = await stageCells(db, source);
	await db.query(
		`INSERT INTO load_issue
		SELECT $1, source_row, header, value,
			CASE
				WHEN field IN ('iks', 'ike', 'ikl', 'idm') AND NOT coalesce(isfinite(TRY_CAST(replace(value, ',', '.') AS DOUBLE)), false) THEN 'not-a-number'
				WHEN field IN ('iks', 'ike', 'ikl', 'idm') THEN 'out-of-range'
				WHEN field = 'kode_desa' THEN 'bad-code'
				WHEN field = 'tahun' THEN 'bad-year'
				ELSE 'unknown-status'
			END
		FROM staging_cells c
		WHERE value IS NOT NULL AND (
			(field IN ('iks', 'ike', 'ikl', 'idm') AND NOT coalesce(TRY_CAST(replace(value, ',', '.') AS DOUBLE) BETWEEN 0 AND 1, false))
			OR (field = 'kode_desa' AND length(regexp_replace(value, '[^0-9]', '', 'g')) <> 10)
			OR (field = 'tahun' AND NOT coalesce(TRY_CAST(TRY_CAST(value AS DOUBLE) AS INTEGER) BETWEEN 1990 AND 2100
				AND TRY_CAST(value AS DOUBLE) = TRY_CAST(TRY_CAST(value AS DOUBLE) AS INTEGER), false))
			OR (field = 'status' AND NOT EXISTS (
				SELECT 1 FROM status_alias a
				WHERE a.written = regexp_replace(trim(regexp_replace(upper(c.value), '[^A-Z]+', ' ', 'g')), '^DESA ', '')))
		)`,
		[source]
	);
	await db.query(
		`CREATE OR REPLACE TABLE staging_records AS
		WITH parsed AS (
			SELECT source_row, year_key, field,
				CASE
					WHEN field IN ('iks', 'ike', 'ikl', 'idm') THEN
						CASE WHEN TRY_CAST(replace(value, ',', '.') AS DOUBLE) BETWEEN 0 AND 1 THEN replace(value, ',', '.') END
					WHEN field = 'kode_desa' THEN
						CASE WHEN length(regexp_replace(value, '[^0-9]', '', 'g')) = 10 THEN regexp_replace(value, '[^0-9]', '', 'g') END
					WHEN field = 'tahun' THEN
						CASE WHEN TRY_CAST(value AS DOUBLE) = TRY_CAST(TRY_CAST(value AS DOUBLE) AS INTEGER)
							AND TRY_CAST(TRY_CAST(value AS DOUBLE) AS INTEGER) BETWEEN 1990 AND 2100
							THEN TRY_CAST(TRY_CAST(value AS DOUBLE) AS INTEGER)::VARCHAR END
					ELSE value
				END AS value,
				value AS written
			FROM staging_cells
		),
		fields AS (
			SELECT source_row, year_key,
				max(value) FILTER (WHERE field = 'kode_prov') AS kode_prov,
				max(value) FILTER (WHERE field = 'nama_provinsi') AS nama_provinsi,
				max(value) FILTER (WHERE field = 'kode_kab') AS kode_kab,
				max(value) FILTER (WHERE field = 'nama_kabupaten') AS nama_kabupaten,
				max(value) FILTER (WHERE field = 'kode_kec') AS kode_kec,
				max(value) FILTER (WHERE field = 'nama_kecamatan') AS nama_kecamatan,
				max(value) FILTER (WHERE field = 'kode_desa') AS kode_desa,
				max(written) FILTER (WHERE field = 'kode_desa') AS kode_desa_written,
				max(value) FILTER (WHERE field = 'nama_desa') AS nama_desa,
				max(value) FILTER (WHERE field = 'tahun') AS tahun,
				max(value) FILTER (WHERE field = 'iks') AS iks,
				max(value) FILTER (WHERE field = 'ike') AS ike,
				max(value) FILTER (WHERE field = 'ikl') AS ikl,
				max(value) FILTER (WHERE field = 'idm') AS idm,
				max(value) FILTER (WHERE field = 'status') AS status,
				max(value) FILTER (WHERE field = 'keterangan') AS keterangan
			FROM parsed
			GROUP BY source_row, year_key
		),
		file_years AS (SELECT DISTINCT tahun FROM staging_mapping WHERE tahun IS NOT NULL),
		row_years AS (
			-- A row speaks of each year it has a value for; a row with none is listed, unscored, in
			-- every year of the file; a file without per-year columns gives one record per row.
			SELECT source_row, year_key FROM fields WHERE year_key <> 0
			UNION
			SELECT rows.source_row, coalesce(file_years.tahun, 0)
			FROM (SELECT DISTINCT source_row FROM parsed) rows
			LEFT JOIN file_years ON true
			WHERE NOT EXISTS (SELECT 1 FROM fields f WHERE f.source_row = rows.source_row AND f.year_key <> 0)
		)
		SELECT ry.source_row,
			coalesce(nullif(ry.year_key, 0), TRY_CAST(r.tahun AS INTEGER), $1::INTEGER) AS tahun,
			r.kode_prov, r.nama_provinsi, r.kode_kab, r.nama_kabupaten, r.kode_kec, r.nama_kecamatan,
			r.kode_desa, r.kode_desa_written, r.nama_desa, r.keterangan,
			coalesce(y.iks, r.iks) AS iks,
			coalesce(y.ike, r.ike) AS ike,
			coalesce(y.ikl, r.ikl) AS ikl,
			coalesce(y.idm, r.idm) AS idm,
			coalesce(y.status, r.status) AS status
		FROM row_years ry
		LEFT JOIN fields r ON r.source_row = ry.source_row AND r.year_key = 0
		-- For a row without per-year columns this joins its own row-level fields again: harmless,
		-- and a pure equi-join keeps it a hash join (a condition on ry alone made it a nested loop).
		LEFT JOIN fields y ON y.source_row = ry.source_row AND y.year_key = ry.year_key`,
		[defaults.tahun]
	);
	const rejected = await rejectRecordsWithoutVillageYear(db, source);
	const loaded = await db.query(
		`INSERT INTO village_year
		SELECT $1, source_row, ${villagePlaceColumns('$2', '$3')}, tahun,
			iks::DOUBLE, ike::DOUBLE, ikl::DOUBLE, idm::DOUBLE,
			records.status,
			a.status,
			keterangan
		FROM staging_records records
		LEFT JOIN status_alias a
			ON a.written = regexp_replace(trim(regexp_replace(upper(records.status), '[^A-Z]+', ' ', 'g')), '^DESA ', '')
		WHERE NOT ${NOT_A_VILLAGE_YEAR}`,
		[source, defaults.kodeKab, defaults.namaKabupaten]
	);
	const read = Number(columnValues<number | bigint>(await db.query('SELECT count(*) AS n FROM staging_raw'), 'n')[0]);
	return { read, repeatedHeaders, rejected: insertedCount(rejected), loaded: insertedCount(loaded) };
}

/**
 * Loads a staged recap: counts per status per regency and year, either a column per status (as
 * the reports print them) or a status and a count column. A printed total that differs from the
 * sum of the statuses is reported.
 */
export async function insertStagedRecap(db: Database, source: string, defaults: StagedDefaults): Promise<StagedCounts> {
	const repeatedHeaders = await stageCells(db, source);
	await db.query(
		`CREATE OR REPLACE TABLE staging_records AS
		WITH rows AS (
			SELECT source_row,
				max(value) FILTER (WHERE field = 'kode_kab') AS kode_kab,
				max(value) FILTER (WHERE field = 'nama_kabupaten') AS nama_kabupaten,
				max(value) FILTER (WHERE field = 'tahun') AS tahun,
				max(value) FILTER (WHERE field = 'status') AS status,
				max(value) FILTER (WHERE field = 'jumlah') AS jumlah
			FROM staging_cells WHERE year_key = 0
			GROUP BY source_row
		),
		counts AS (
			SELECT source_row, year_key, substr(field, 8) AS status, header, value AS jumlah
			FROM staging_cells WHERE field LIKE 'status:%'
			UNION ALL
			SELECT r.source_row, 0, a.status, 'jumlah', r.jumlah
			FROM rows r
			JOIN status_alias a
				ON a.written = regexp_replace(trim(regexp_replace(upper(r.status), '[^A-Z]+', ' ', 'g')), '^DESA ', '')
		)
		SELECT c.source_row, c.header, c.status, c.jumlah,
			coalesce(r.kode_kab,
				(SELECT any_value(v.kode_kab) FROM village_year v WHERE name_key(v.nama_kabupaten) = name_key(r.nama_kabupaten)),
				$2) AS kode_kab,
			coalesce(r.nama_kabupaten, $3) AS nama_kabupaten,
			coalesce(nullif(c.year_key, 0), TRY_CAST(TRY_CAST(r.tahun AS DOUBLE) AS INTEGER), $1::INTEGER) AS tahun,
			r.jumlah AS total_tercetak,
			r.status IS NULL AS wide
		FROM counts c LEFT JOIN rows r USING (source_row)`,
		[defaults.tahun, defaults.kodeKab, defaults.namaKabupaten]
	);
	await db.query(
		`INSERT INTO load_issue
		SELECT $1, source_row, header, jumlah, 'not-a-number' FROM staging_records
		WHERE jumlah IS NOT NULL AND TRY_CAST(jumlah AS INTEGER) IS NULL
		UNION ALL
		SELECT DISTINCT $1, source_row, NULL, NULL, CASE WHEN kode_kab IS NULL THEN 'no-regency' ELSE 'no-year' END
		FROM staging_records WHERE (kode_kab IS NULL OR tahun IS NULL)
			AND ${NOT_REJECTED_FOR_SHAPE}
		UNION ALL
		SELECT $1, source_row, 'JUMLAH', any_value(total_tercetak) || ' ≠ ' || sum(TRY_CAST(jumlah AS INTEGER)), 'total-mismatch'
		FROM staging_records WHERE wide AND total_tercetak IS NOT NULL
		GROUP BY source_row
		HAVING TRY_CAST(any_value(total_tercetak) AS INTEGER) <> sum(TRY_CAST(jumlah AS INTEGER))`,
		[source]
	);
	const loaded = await db.query(
		`INSERT INTO status_recap
		SELECT $1, kode_kab, nama_kabupaten, tahun, status, TRY_CAST(jumlah AS INTEGER)
		FROM staging_records
		WHERE kode_kab IS NOT NULL AND tahun IS NOT NULL AND TRY_CAST(jumlah AS INTEGER) IS NOT NULL`,
		[source]
	);
	const counts = rowsOf<{ read: number; rejected: number }>(
		await db.query(
			`SELECT (SELECT count(*) FROM staging_raw)::INTEGER AS read,
				(SELECT count(DISTINCT source_row) FROM staging_records WHERE (kode_kab IS NULL OR tahun IS NULL)
					AND ${NOT_REJECTED_FOR_SHAPE})::INTEGER AS rejected`,
			[source]
		)
	)[0]!;
	return { read: counts.read, repeatedHeaders, rejected: counts.rejected, loaded: insertedCount(loaded) };
}

/**
 * Loads targets in this project's layout (data/target-indikator.csv): one row per regency,
 * indicator and year, with the realisasi and capaian a report printed beside the target.
 */
export async function insertTargetCsv(db: Database, fileName: string, source: string): Promise<number> {
	const inserted = await db.query(
		`INSERT INTO indicator_target
		SELECT $2, KODE_KAB, INDIKATOR, TAHUN::INTEGER, TRY_CAST(TARGET AS DOUBLE),
			TRY_CAST(REALISASI AS DOUBLE), TRY_CAST(CAPAIAN AS DOUBLE), SUMBER
		FROM read_csv($1, header = true, all_varchar = true)`,
		[fileName, source]
	);
	return insertedCount(inserted);
}

/** Puts a scheme's bands where SQL can classify with them. */
export async function insertScheme(db: Database, scheme: StatusScheme): Promise<void> {
	await db.query('DELETE FROM status_band WHERE scheme_id = $1', [scheme.id]);
	for (const [rank, band] of scheme.bands.entries()) {
		await db.query('INSERT INTO status_band VALUES ($1, $2, $3, $4, $5, $6, $7)', [
			scheme.id,
			rank,
			band.status,
			band.lower,
			band.upper,
			band.lowerInclusive,
			band.upperInclusive
		]);
	}
}

/** Written forms of statuses (already folded) and the status each means. */
export async function insertStatusAliases(db: Database, aliases: Readonly<Record<string, string>>): Promise<void> {
	for (const [written, status] of Object.entries(aliases)) {
		await db.query('INSERT OR REPLACE INTO status_alias VALUES ($1, $2)', [written, status]);
	}
}

/** The order of statuses, lowest first, so SQL can tell a rise from a fall. */
export async function insertStatusRanks(db: Database, order: readonly string[]): Promise<void> {
	for (const [rank, status] of order.entries()) {
		await db.query('INSERT OR REPLACE INTO status_rank VALUES ($1, $2)', [status, rank]);
	}
}
