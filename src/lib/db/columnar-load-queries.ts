import type { Database } from './database';
import { columnValues, rowsOf } from './arrow';
import {
	NOT_A_VILLAGE_YEAR,
	VILLAGE_FIELDS,
	rejectRecordsWithoutVillageYear,
	villagePlaceColumns,
	type StagedCounts,
	type StagedDefaults
} from './load-queries';

/**
 * The village loader of load-queries.ts (insertStagedVillages), column by column: the same rules,
 * the same findings and the same `staging_records`, without turning the file into one row per
 * cell first. A 750,000-row release has ten million cells: unpivoted they cost seconds and
 * gigabytes, read as columns they cost one pass. Columns are addressed by position (`#3`), never
 * by their header text; header text only ever travels as a bound parameter.
 */

/** The fields a village table can map: aliases are built from these. */
const FIELDS = new Set<string>(VILLAGE_FIELDS);
const SCORES = new Set(['iks', 'ike', 'ikl', 'idm']);

interface MappedColumn {
	header: string;
	field: string;
	yearKey: number;
	position: number;
}

/** The staged file's mapped columns by position; null when a field is mapped twice for a year (the cell-wise loader handles that). */
async function mappedColumns(db: Database): Promise<MappedColumn[] | null> {
	const columns = rowsOf<{ header: string; field: string; year_key: number; position: number }>(
		await db.query(
			`SELECT m.header, m.field, coalesce(m.tahun, 0)::INTEGER AS year_key, c.column_index::INTEGER AS position
			FROM staging_mapping m
			JOIN duckdb_columns() c ON c.table_name = 'staging_raw' AND c.column_name = m.header
			ORDER BY position`
		)
	);
	const keys = new Set<string>();
	for (const column of columns) {
		const key = `${column.field}|${column.year_key}`;
		if (!FIELDS.has(column.field) || keys.has(key) || !Number.isInteger(column.position)) return null;
		keys.add(key);
	}
	return columns.map((c) => ({ header: c.header, field: c.field, yearKey: Number(c.year_key), position: Number(c.position) }));
}

/** An alias made of a known field name and a year: never input text. */
const alias = (column: MappedColumn, suffix = '') => `${column.field}_${column.yearKey}${suffix}`;

/** The parsed value of a cell, as insertStagedVillages parses it (`cell` is the trimmed text). */
function parsed(field: string, cell: string): string {
	if (SCORES.has(field)) return `CASE WHEN TRY_CAST(replace(${cell}, ',', '.') AS DOUBLE) BETWEEN 0 AND 1 THEN replace(${cell}, ',', '.') END`;
	if (field === 'kode_desa')
		return `CASE WHEN regexp_full_match(${cell}, '[0-9]{10}') THEN ${cell}
			WHEN length(regexp_replace(${cell}, '[^0-9]', '', 'g')) = 10 THEN regexp_replace(${cell}, '[^0-9]', '', 'g') END`;
	if (field === 'tahun')
		return `CASE WHEN TRY_CAST(${cell} AS DOUBLE) = TRY_CAST(TRY_CAST(${cell} AS DOUBLE) AS INTEGER)
			AND TRY_CAST(TRY_CAST(${cell} AS DOUBLE) AS INTEGER) BETWEEN 1990 AND 2100
			THEN TRY_CAST(TRY_CAST(${cell} AS DOUBLE) AS INTEGER)::VARCHAR END`;
	return cell;
}

/** Why a cell's value is refused, as insertStagedVillages words it; null when it never is. */
function refusal(field: string, value: string): { when: string; reason: string } | null {
	if (SCORES.has(field))
		return {
			when: `${value} IS NOT NULL AND NOT coalesce(TRY_CAST(replace(${value}, ',', '.') AS DOUBLE) BETWEEN 0 AND 1, false)`,
			reason: `CASE WHEN NOT coalesce(isfinite(TRY_CAST(replace(${value}, ',', '.') AS DOUBLE)), false) THEN 'not-a-number' ELSE 'out-of-range' END`
		};
	if (field === 'kode_desa')
		return {
			when: `${value} IS NOT NULL AND NOT regexp_full_match(${value}, '[0-9]{10}') AND length(regexp_replace(${value}, '[^0-9]', '', 'g')) <> 10`,
			reason: `'bad-code'`
		};
	if (field === 'tahun')
		return {
			when: `${value} IS NOT NULL AND NOT coalesce(TRY_CAST(TRY_CAST(${value} AS DOUBLE) AS INTEGER) BETWEEN 1990 AND 2100
				AND TRY_CAST(${value} AS DOUBLE) = TRY_CAST(TRY_CAST(${value} AS DOUBLE) AS INTEGER), false)`,
			reason: `'bad-year'`
		};
	if (field === 'status')
		return {
			when: `${value} IS NOT NULL AND ${value} IN (SELECT raw FROM staging_status WHERE status IS NULL)`,
			reason: `'unknown-status'`
		};
	return null;
}

const RECORD_FIELDS = ['kode_prov', 'nama_provinsi', 'kode_kab', 'nama_kabupaten', 'kode_kec', 'nama_kecamatan', 'kode_desa', 'nama_desa', 'keterangan'];
const YEAR_FIELDS = ['iks', 'ike', 'ikl', 'idm', 'status'];

/**
 * Loads the staged village file (`staging_raw`, `staging_mapping`) as insertStagedVillages does;
 * returns null, having done nothing, when the mapping needs the cell-wise loader.
 */
export async function insertStagedVillagesByColumn(db: Database, source: string, defaults: StagedDefaults): Promise<StagedCounts | null> {
	const columns = await mappedColumns(db);
	if (!columns || columns.length === 0) return null;
	const yearKeys = [...new Set(columns.map((c) => c.yearKey))].filter((y) => y !== 0).sort((a, b) => a - b);
	const fileYears = rowsOf<{ tahun: number }>(await db.query('SELECT DISTINCT tahun FROM staging_mapping WHERE tahun IS NOT NULL ORDER BY tahun')).map((r) =>
		Number(r.tahun)
	);
	// Header texts are bound parameters: the only text of the file that reaches SQL is bound.
	const param = (c: MappedColumn) => `$${columns.indexOf(c) + 1}`;

	const trimmed = columns.map((c) => `nullif(trim(#${c.position}), '') AS ${alias(c)}`);
	// A row that only repeats the header: every mapped cell with a value equals its header.
	const repeatsHeader = `(${columns.map((c) => `${alias(c)} IS NOT NULL`).join(' OR ')})
		AND ${columns.map((c) => `(${alias(c)} IS NULL OR upper(${alias(c)}) = ${param(c)})`).join(' AND ')}`;
	await db.query(
		`CREATE OR REPLACE TABLE staging_repeated AS
		SELECT source_row FROM (SELECT (rowid + 1)::INTEGER AS source_row, ${trimmed.join(', ')} FROM staging_raw)
		WHERE ${repeatsHeader}`,
		columns.map((c) => c.header.trim().toUpperCase())
	);
	// The cells as the rules read them, computed as each statement scans: a view, not a copy of
	// the file (a 750,000-row copy costs more than trimming twice).
	await db.query(
		`CREATE OR REPLACE VIEW staging_typed AS
		SELECT *, source_row IN (SELECT source_row FROM staging_repeated) AS repeated_header,
			${columns.map((c) => alias(c, '_cell')).join(' OR ')} AS any_cell
		FROM (
			SELECT (rowid + 1)::INTEGER AS source_row, ${trimmed.join(', ')},
				${columns.map((c) => `#${c.position} IS NOT NULL AS ${alias(c, '_cell')}`).join(', ')}
			FROM staging_raw
		)`
	);
	const repeated = await db.query(
		`INSERT INTO load_issue SELECT $1, source_row, NULL, NULL, 'repeated-header' FROM staging_repeated ORDER BY source_row`,
		[source]
	);
	// Status spellings are few: each distinct one is folded and looked up once, not once a row.
	const statusColumns = columns.filter((c) => c.field === 'status');
	await db.query(
		`CREATE OR REPLACE TABLE staging_status AS
		SELECT raw, a.status
		FROM (${statusColumns.length > 0 ? statusColumns.map((c) => `SELECT DISTINCT ${alias(c)} AS raw FROM staging_typed`).join(' UNION ') : 'SELECT NULL::VARCHAR AS raw'}) s
		LEFT JOIN status_alias a ON a.written = regexp_replace(trim(regexp_replace(upper(s.raw), '[^A-Z]+', ' ', 'g')), '^DESA ', '')
		WHERE raw IS NOT NULL`
	);
	const checked = columns.flatMap((c) => {
		const rule = refusal(c.field, alias(c));
		return rule ? [{ column: c, rule }] : [];
	});
	if (checked.length > 0) {
		// Every finding of a row in one pass over the file: a list of them, unnested.
		const findings = checked.map(
			({ column, rule }, i) =>
				`CASE WHEN ${rule.when} THEN {'kolom': $${i + 2}::VARCHAR, 'nilai': ${alias(column)}, 'alasan': ${rule.reason}} END`
		);
		await db.query(
			`INSERT INTO load_issue
			SELECT $1, source_row, finding.kolom, finding.nilai, finding.alasan
			FROM (
				SELECT source_row, unnest(list_filter([${findings.join(', ')}], f -> f IS NOT NULL)) AS finding
				FROM staging_typed WHERE NOT repeated_header
			)
			ORDER BY source_row`,
			[source, ...checked.map(({ column }) => column.header)]
		);
	}

	const at = (field: string, yearKey: number) => columns.find((c) => c.field === field && c.yearKey === yearKey);
	const value = (field: string, yearKey: number) => {
		const column = at(field, yearKey);
		return column ? parsed(field, alias(column)) : 'NULL::VARCHAR';
	};
	const rowFields = [
		...RECORD_FIELDS.map((f) => `${value(f, 0)} AS ${f}`),
		`${at('kode_desa', 0) ? alias(at('kode_desa', 0)!) : 'NULL::VARCHAR'} AS kode_desa_written`,
		`${value('tahun', 0)} AS tahun_row`
	];
	const yearCell = (yearKey: number) =>
		columns
			.filter((c) => c.yearKey === yearKey)
			.map((c) => alias(c, '_cell'))
			.join(' OR ');
	// A row speaks of each year it has a cell for; a row with none is listed, unscored, in every
	// year of the file; a file without per-year columns gives one record per row.
	const perYear = yearKeys.map(
		(y) => `SELECT source_row, ${y} AS year_key, ${rowFields.join(', ')},
			${YEAR_FIELDS.map((f) => `coalesce(${value(f, y)}, ${value(f, 0)}) AS ${f}`).join(', ')}
		FROM staging_typed WHERE NOT repeated_header AND any_cell AND (${yearCell(y)})`
	);
	const noYear = yearKeys.length > 0 ? `NOT (${yearKeys.map(yearCell).join(' OR ')})` : 'true';
	const listed = (fileYears.length > 0 ? fileYears : [0]).map(
		(y) => `SELECT source_row, ${y} AS year_key, ${rowFields.join(', ')}, ${YEAR_FIELDS.map((f) => `${value(f, 0)} AS ${f}`).join(', ')}
		FROM staging_typed WHERE NOT repeated_header AND any_cell AND ${noYear}`
	);
	await db.query(
		`CREATE OR REPLACE TABLE staging_records AS
		SELECT source_row,
			coalesce(nullif(year_key, 0), TRY_CAST(tahun_row AS INTEGER), $1::INTEGER) AS tahun,
			kode_prov, nama_provinsi, kode_kab, nama_kabupaten, kode_kec, nama_kecamatan,
			kode_desa, kode_desa_written, nama_desa, keterangan, iks, ike, ikl, idm, status
		FROM (${[...perYear, ...listed].join(' UNION ALL ')})`,
		[defaults.tahun]
	);
	const rejected = await rejectRecordsWithoutVillageYear(db, source);
	const loaded = await db.query(
		`INSERT INTO village_year
		SELECT $1, source_row, ${villagePlaceColumns('$2', '$3')}, tahun,
			iks::DOUBLE, ike::DOUBLE, ikl::DOUBLE, idm::DOUBLE,
			records.status,
			s.status,
			keterangan
		FROM staging_records records
		LEFT JOIN staging_status s ON s.raw = records.status
		WHERE NOT ${NOT_A_VILLAGE_YEAR}`,
		[source, defaults.kodeKab, defaults.namaKabupaten]
	);
	const read = Number(columnValues<number | bigint>(await db.query('SELECT count(*) AS n FROM staging_raw'), 'n')[0]);
	// The file's copies are done with: their memory goes back to DuckDB for the next load.
	for (const statement of ['DROP VIEW staging_typed', 'DROP TABLE staging_records', 'DROP TABLE staging_status', 'DROP TABLE staging_repeated']) {
		await db.query(statement);
	}
	await db.query('CREATE OR REPLACE TABLE staging_raw AS SELECT * FROM staging_raw LIMIT 0');
	return { read, repeatedHeaders: insertedCount(repeated), rejected: insertedCount(rejected), loaded: insertedCount(loaded) };
}

function insertedCount(result: import('apache-arrow').Table): number {
	return Number(columnValues<number | bigint>(result, 'Count')[0] ?? 0);
}
