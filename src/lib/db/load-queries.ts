import type { ColumnMapping } from '../load/columns';
import type { StatusScheme } from '../domain/schemes';
import type { Database } from './database';
import { columnValues } from './arrow';

/** Rows a dataset gives: village scores, village statuses, regency counts, or indicator targets. */
export type DatasetKind = 'scores' | 'status' | 'recap' | 'targets';
/** Primary datasets feed the figures; reconciliation ones are kept to compare against them. */
export type DatasetRole = 'primary' | 'reconciliation';

export async function registerDataset(
	db: Database,
	source: string,
	kind: DatasetKind,
	role: DatasetRole
): Promise<void> {
	await db.query('INSERT OR REPLACE INTO dataset VALUES ($1, $2, $3)', [source, kind, role]);
}

/** Reads a registered CSV file into `staging_raw`, every cell as text, and returns its headers. */
export async function stageCsv(db: Database, fileName: string): Promise<string[]> {
	await db.query(
		'CREATE OR REPLACE TABLE staging_raw AS SELECT * FROM read_csv($1, header = true, all_varchar = true)',
		[fileName]
	);
	const described = await db.query('DESCRIBE staging_raw');
	return columnValues<string>(described, 'column_name');
}

export async function stageMapping(db: Database, mapping: readonly ColumnMapping[]): Promise<void> {
	await db.query('CREATE OR REPLACE TABLE staging_mapping (header VARCHAR, field VARCHAR, tahun INTEGER)');
	for (const { header, field, tahun } of mapping) {
		await db.query('INSERT INTO staging_mapping VALUES ($1, $2, $3)', [header, field, tahun]);
	}
}

/** What a file does not say and its manifest does: the year and regency of a printed table. */
export interface StagedDefaults {
	tahun: number | null;
	kodeKab: string | null;
	namaKabupaten: string | null;
}

/**
 * Turns the staged cells into village-year rows: each cell goes through the mapping, wide files'
 * per-year columns become one row per year, codes fill in the area codes they contain, and scores
 * are read with a decimal point or a decimal comma.
 */
export async function insertStagedVillages(
	db: Database,
	source: string,
	defaults: StagedDefaults
): Promise<number> {
	const inserted = await db.query(
		`INSERT INTO village_year
		WITH cells AS (
			UNPIVOT (SELECT (rowid + 1)::INTEGER AS source_row, * FROM staging_raw)
			ON COLUMNS(* EXCLUDE (source_row))
			INTO NAME header VALUE value
		),
		mapped AS (
			SELECT source_row, field, coalesce(m.tahun, 0) AS year_key, nullif(trim(value), '') AS value
			FROM cells JOIN staging_mapping m USING (header)
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
				max(value) FILTER (WHERE field = 'nama_desa') AS nama_desa,
				max(value) FILTER (WHERE field = 'tahun') AS tahun,
				max(value) FILTER (WHERE field = 'iks') AS iks,
				max(value) FILTER (WHERE field = 'ike') AS ike,
				max(value) FILTER (WHERE field = 'ikl') AS ikl,
				max(value) FILTER (WHERE field = 'idm') AS idm,
				max(value) FILTER (WHERE field = 'status') AS status,
				max(value) FILTER (WHERE field = 'keterangan') AS keterangan
			FROM mapped
			GROUP BY source_row, year_key
		),
		file_years AS (SELECT DISTINCT tahun FROM staging_mapping WHERE tahun IS NOT NULL),
		row_years AS (
			-- A row speaks of each year it has a value for; a row with none is listed, unscored, in
			-- every year of the file; a file without per-year columns gives one record per row.
			SELECT source_row, year_key FROM fields WHERE year_key <> 0
			UNION
			SELECT rows.source_row, coalesce(file_years.tahun, 0)
			FROM (SELECT DISTINCT source_row FROM mapped) rows
			LEFT JOIN file_years ON true
			WHERE NOT EXISTS (SELECT 1 FROM fields f WHERE f.source_row = rows.source_row AND f.year_key <> 0)
		),
		records AS (
			SELECT ry.source_row,
				coalesce(nullif(ry.year_key, 0), TRY_CAST(r.tahun AS INTEGER), $2::INTEGER) AS tahun,
				r.kode_prov, r.nama_provinsi, r.kode_kab, r.nama_kabupaten, r.kode_kec, r.nama_kecamatan,
				r.kode_desa, r.nama_desa, r.keterangan,
				coalesce(y.iks, r.iks) AS iks,
				coalesce(y.ike, r.ike) AS ike,
				coalesce(y.ikl, r.ikl) AS ikl,
				coalesce(y.idm, r.idm) AS idm,
				coalesce(y.status, r.status) AS status
			FROM row_years ry
			LEFT JOIN fields r ON r.source_row = ry.source_row AND r.year_key = 0
			-- For a row without per-year columns this joins its own row-level fields again: harmless,
			-- and a pure equi-join keeps it a hash join (a condition on ry alone made it a nested loop).
			LEFT JOIN fields y ON y.source_row = ry.source_row AND y.year_key = ry.year_key
		)
		SELECT $1 AS source, source_row,
			coalesce(kode_prov, substr(kode_desa, 1, 2)),
			nama_provinsi,
			coalesce(kode_kab, substr(kode_desa, 1, 4), $3),
			coalesce(nama_kabupaten, $4),
			coalesce(kode_kec, substr(kode_desa, 1, 6)),
			nama_kecamatan, kode_desa, nama_desa, tahun,
			TRY_CAST(replace(iks, ',', '.') AS DOUBLE),
			TRY_CAST(replace(ike, ',', '.') AS DOUBLE),
			TRY_CAST(replace(ikl, ',', '.') AS DOUBLE),
			TRY_CAST(replace(idm, ',', '.') AS DOUBLE),
			records.status,
			a.status,
			keterangan
		FROM records
		LEFT JOIN status_alias a
			ON a.written = regexp_replace(trim(regexp_replace(upper(records.status), '[^A-Z]+', ' ', 'g')), '^DESA ', '')`,
		[source, defaults.tahun, defaults.kodeKab, defaults.namaKabupaten]
	);
	return Number(columnValues<number | bigint>(inserted, 'Count')[0] ?? 0);
}

/**
 * Loads a status-count file in this project's recap layout (data/rekap-status-desa.csv):
 * one row per regency and year, a column per status.
 */
export async function insertRecapCsv(db: Database, fileName: string, source: string): Promise<number> {
	const inserted = await db.query(
		`INSERT INTO status_recap
		SELECT $2, KODE_KAB, KABUPATEN, TAHUN::INTEGER, status, villages::INTEGER
		FROM (
			UNPIVOT (SELECT * FROM read_csv($1, header = true, all_varchar = true))
			ON MANDIRI, MAJU, BERKEMBANG, TERTINGGAL, "SANGAT TERTINGGAL"
			INTO NAME status VALUE villages
		)`,
		[fileName, source]
	);
	return Number(columnValues<number | bigint>(inserted, 'Count')[0] ?? 0);
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
	return Number(columnValues<number | bigint>(inserted, 'Count')[0] ?? 0);
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
