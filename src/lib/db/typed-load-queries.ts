import { inTransaction, type Database } from './database';
import { columnValues } from './arrow';
import { VILLAGE_FIELDS, villagePlaceColumns, type StagedCounts, type StagedDefaults } from './load-queries';

/**
 * The fast way in for a clean village release: DuckDB reads the file straight into `village_year`
 * with typed columns, in one pass, and a second pass over the loaded rows checks them by the rules
 * of load-queries.ts (insertStagedVillages). A file that breaks any rule, or that DuckDB cannot
 * read as typed, leaves nothing behind and goes the validated way, which finds and words each
 * problem. A 740,000-row panel then costs one typed read instead of staging ten million cells
 * as text, checking each and copying them twice.
 *
 * Columns are named by position (`c0`, `c1`, …) and typed from a fixed list: no text of the file
 * reaches the SQL; the file's name, delimiter and defaults are bound parameters.
 */

/** The fields a typed read fills: a village file's; the others of `village_year` are derived or NULL. */
export type TypedField = (typeof VILLAGE_FIELDS)[number];

const NUMBERS: ReadonlySet<TypedField> = new Set(['iks', 'ike', 'ikl', 'idm']);

/** How a file is written: where its header is, how it is written, and which column is which field. */
export interface TypedLayout {
	delimiter: string;
	/** Lines above the header (a report's title). */
	skip: number;
	/** Scores written with a decimal comma (`0,7274`). */
	decimalComma: boolean;
	/** Columns of the header: every one is read, mapped or not. */
	width: number;
	/** The mapped columns by position, each field once. */
	columns: readonly { position: number; field: TypedField }[];
	/** The one year a wide file's columns name (`IKS_2024`), which every row is of. */
	year: number | null;
}

/** A file to read: its layout, and the names its parts are registered under, in order (the first holds the header). */
export interface TypedRead extends TypedLayout {
	files: readonly string[];
}

/** The type a column is read as: scores as numbers, the year as a whole number, the rest as text. */
function typeOf(field: TypedField | undefined): 'DOUBLE' | 'INTEGER' | 'VARCHAR' {
	if (field && NUMBERS.has(field)) return 'DOUBLE';
	return field === 'tahun' ? 'INTEGER' : 'VARCHAR';
}

/** What a field is in the statement: its column, trimmed like the validated loader trims, or NULL. */
function fieldValue(read: TypedRead, field: TypedField): string {
	const column = read.columns.find((c) => c.field === field);
	if (!column) return field === 'tahun' || NUMBERS.has(field) ? `NULL::${typeOf(field)}` : 'NULL::VARCHAR';
	return typeOf(field) === 'VARCHAR' ? `nullif(trim(c${column.position}), '')` : `c${column.position}`;
}

/** DuckDB's read buffer: its default (32 MB) would stay in the wasm heap, which never shrinks. */
const READ_BUFFER_BYTES = 4 * 1024 * 1024;

/** A part DuckDB could not read as typed: the file goes the validated way. */
class NotTyped extends Error {
	constructor(cause: unknown) {
		super('not readable as typed', { cause });
	}
}

/** The fields read as text, in `village_year`'s order. */
const TEXT_FIELDS = VILLAGE_FIELDS.filter((field) => field !== 'tahun' && !NUMBERS.has(field));

/** A row the validated loader would report or reject: any one sends the file that way. */
const BROKEN = `(iks IS NOT NULL AND NOT iks BETWEEN 0 AND 1)
	OR (ike IS NOT NULL AND NOT ike BETWEEN 0 AND 1)
	OR (ikl IS NOT NULL AND NOT ikl BETWEEN 0 AND 1)
	OR (idm IS NOT NULL AND NOT idm BETWEEN 0 AND 1)
	OR (kode_desa IS NOT NULL AND NOT regexp_full_match(kode_desa, '[0-9]{10}'))
	OR (kode_desa IS NULL AND nama_desa IS NULL)
	OR tahun IS NULL OR NOT tahun BETWEEN 1990 AND 2100
	OR (status_text IS NOT NULL AND status_published IS NULL)`;

/**
 * Reads a registered file, part after part, into `village_year` as `source`, typed, and checks
 * the rows. Returns the counts, or null, having kept nothing, when the file has to be loaded the
 * validated way. `signal` is looked at between parts.
 * `statuses` are the domain's own status names (a written status equal to one of them, in any
 * case, is that status; other spellings are looked up as the validated loader looks them up).
 */
export async function insertTypedVillages(
	db: Database,
	source: string,
	read: TypedRead,
	defaults: StagedDefaults,
	statuses: readonly string[],
	signal?: AbortSignal
): Promise<StagedCounts | null> {
	const columns = Array.from({ length: read.width }, (_, position) => {
		const field = read.columns.find((c) => c.position === position)?.field;
		return `'c${position}': '${typeOf(field)}'`;
	});
	const fields = TEXT_FIELDS.map((field) => `${fieldValue(read, field)} AS ${field}`);
	const numbers = [...NUMBERS].map((field) => `${fieldValue(read, field)} AS ${field}`);
	const tahun = read.year !== null ? '$5::INTEGER' : `coalesce(${fieldValue(read, 'tahun')}, $5::INTEGER)`;
	const known = statuses.map((_, i) => `$${i + 6}`).join(', ');
	// Row numbers as the validated loader counts them: DuckDB reads each part on one thread, in
	// order, the parts one after another, and the sequence numbers the rows as they come.
	await db.query('CREATE OR REPLACE SEQUENCE staging_row START 1');
	// One transaction (a statement per part): DuckDB's read buffers are a part's, and the rows are
	// compressed once, at the end (a commit per part would recompress the table's last row group).
	const readParts = async () => {
		for (const [index, file] of read.files.entries()) {
			// Between parts, so that Cancel does not wait for the whole file.
			signal?.throwIfAborted();
			try {
				await db.query(
					`INSERT INTO village_year
					SELECT $1, source_row, ${villagePlaceColumns('$3', '$4')},
						tahun, iks, ike, ikl, idm,
						status, CASE WHEN upper(status) IN (${known}) THEN upper(status) END, keterangan
					FROM (
						SELECT nextval('staging_row')::INTEGER AS source_row, ${fields.join(', ')}, ${numbers.join(', ')}, ${tahun} AS tahun
						FROM read_csv($2, header = $${statuses.length + 9}, skip = $${statuses.length + 6}, auto_detect = false,
							delim = $${statuses.length + 7}, quote = '"', escape = '"', decimal_separator = $${statuses.length + 8},
							strict_mode = true, null_padding = false, parallel = false, buffer_size = ${READ_BUFFER_BYTES},
							columns = {${columns.join(', ')}})
					)`,
					[
						source,
						file,
						defaults.kodeKab,
						defaults.namaKabupaten,
						read.year ?? defaults.tahun,
						...statuses,
						index === 0 ? read.skip : 0,
						read.delimiter,
						read.decimalComma ? ',' : '.',
						index === 0
					]
				);
			} catch (error) {
				// Not readable as typed (a cell that is not a number, a row of another width, bytes
				// that are not UTF-8): nothing of the file is kept.
				throw new NotTyped(error);
			}
		}
	};
	try {
		await inTransaction(db, readParts);
	} catch (error) {
		if (error instanceof NotTyped) return null;
		throw error;
	}
	// Other spellings of a status ("Desa Mandiri", "Sangat-Tertinggal") are few: each distinct one
	// is folded and looked up once, as the validated loader does.
	await db.query(
		`UPDATE village_year v SET status_published = a.status
		FROM (SELECT DISTINCT status_text FROM village_year WHERE source = $1 AND status_text IS NOT NULL AND status_published IS NULL) s
		JOIN status_alias a ON a.written = regexp_replace(trim(regexp_replace(upper(s.status_text), '[^A-Z]+', ' ', 'g')), '^DESA ', '')
		WHERE v.source = $1 AND v.status_text = s.status_text AND v.status_published IS NULL`,
		[source]
	);
	const counted = await db.query(
		`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE ${BROKEN})::INTEGER AS broken FROM village_year WHERE source = $1`,
		[source]
	);
	const rows = Number(columnValues<number>(counted, 'n')[0] ?? 0);
	const broken = Number(columnValues<number>(counted, 'broken')[0] ?? 0);
	if (broken > 0 || rows === 0) {
		await db.query('DELETE FROM village_year WHERE source = $1', [source]);
		return null;
	}
	return { read: rows, repeatedHeaders: 0, rejected: 0, loaded: rows };
}
