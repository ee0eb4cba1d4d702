import type { DatasetKind, StagedColumn } from '../db/load-queries';
import { recognizeColumns, recognizeRecapColumns } from './columns';
import { MAX_COLUMNS } from './limits';
import { shapeRows, type RowIssue } from './rows';
import { decodeBytes, isWorkbook, linesOf, locateHeader, sniffFormat, spanHeader, type Delimiter } from './text';

/** A table ready to load: its text from the header line on, and what was recognised in it. */
export interface PreparedTable {
	/** The file name, with ` › sheet` for a workbook's sheet. */
	name: string;
	text: string;
	delimiter: Delimiter;
	headerLine: number;
	/** Lines the header takes: 2 where merged cells split it. */
	headerRows: number;
	/** How the file ends its lines (Excel on Windows: CR LF). */
	lineBreak: '\n' | '\r\n';
	encoding: string;
	headers: string[];
	/** The lines above the header (a report's title: "… KABUPATEN WAY KANAN TAHUN 2023"). */
	preamble: string;
	/** The kind its columns suggest; null when nothing fits. */
	kind: DatasetKind | null;
	mapping: StagedColumn[];
	/** Rows set aside for their shape before loading (an unclosed quote, too many cells). */
	rowIssues: RowIssue[];
	/**
	 * Set when the table was prepared from the head of a large file only: the whole file, which
	 * DuckDB reads itself when it can (load-file.ts), else which is prepared whole before loading.
	 */
	whole?: Blob;
}

/** Why a file gives no table (a reason code; i18n/load-report.ts words it). */
export type RefusalReason =
	| 'no-header'
	| 'empty'
	| 'no-rows'
	| 'unreadable-workbook'
	| 'wrong-format'
	| 'too-many-columns'
	| 'too-large'
	| 'worker-crashed';

/** A file that gave no table, and why, with what the message needs (a format, a size, a count). */
export interface UnreadableFile {
	name: string;
	reason: RefusalReason;
	detail?: Record<string, string | number>;
}

/**
 * The kind of table its columns say: villages with scores, villages with a status only, or counts
 * per status without villages.
 * @example guessKind(['NAMA DESA', 'KECAMATAN', 'STATUS IDM']) // 'status'
 */
export function guessKind(headers: readonly string[]): DatasetKind | null {
	const fields = new Set(recognizeColumns(headers).map((c) => c.field));
	const village = fields.has('kode_desa') || fields.has('nama_desa');
	if (village && ['idm', 'iks', 'ike', 'ikl'].some((f) => fields.has(f as never))) return 'scores';
	if (village && fields.has('status')) return 'status';
	const recap = recognizeRecapColumns(headers);
	const statusColumns = recap.filter((c) => c.field.startsWith('status:')).length;
	if (statusColumns >= 2 || (recap.some((c) => c.field === 'status') && recap.some((c) => c.field === 'jumlah'))) return 'recap';
	return null;
}

/** The columns of a table as the given kind reads them. */
export function mappingFor(kind: DatasetKind | null, headers: readonly string[]): StagedColumn[] {
	return kind === 'recap' ? recognizeRecapColumns(headers) : recognizeColumns(headers);
}

/** A table from its text: the header found, the rows shaped, the columns recognised. */
export function prepareText(name: string, text: string, encoding: string): PreparedTable | UnreadableFile {
	if (text.trim() === '') return { name, reason: 'empty' };
	const found = locateHeader(text);
	if (!found) return { name, reason: 'no-header' };
	const lines = linesOf(text);
	const header = spanHeader(lines, found);
	if (header.headers.length > MAX_COLUMNS) return { name, reason: 'too-many-columns', detail: { columns: header.headers.length, limit: MAX_COLUMNS } };
	const shaped = shapeRows(lines.slice(header.dataLine), header.delimiter, header.headers);
	if (shaped.rows === 0) return { name, reason: 'no-rows' };
	const kind = guessKind(header.headers);
	return {
		name,
		text: shaped.text,
		delimiter: header.delimiter,
		headerLine: header.firstLine + 1,
		headerRows: header.dataLine - header.firstLine,
		lineBreak: text.includes('\r\n') ? '\r\n' : '\n',
		encoding,
		headers: header.headers,
		preamble: lines.slice(0, header.firstLine).join('\n'),
		kind,
		mapping: mappingFor(kind, header.headers),
		rowIssues: shaped.issues
	};
}

/**
 * Reads a delimited text file (CSV in any of the encodings and delimiters seen) into a table
 * ready to load; prepare-file.ts also reads workbooks.
 */
export function prepareTextFile(name: string, bytes: Uint8Array): PreparedTable | UnreadableFile {
	if (bytes.length === 0) return { name, reason: 'empty' };
	const format = sniffFormat(bytes);
	if (format) return { name, reason: 'wrong-format', detail: { format } };
	const { text, encoding } = decodeBytes(bytes);
	return prepareText(name, text, encoding);
}

/** Reads a file into tables, as prepareFile (prepare-file.ts) does: in a worker in the browser (prepare-off-thread.ts). */
export type Preparer = (name: string, bytes: Uint8Array, signal?: AbortSignal) => Promise<(PreparedTable | UnreadableFile)[]>;

/** How much of a large file is read to recognise it: its title, its header and its first rows. */
export const HEAD_BYTES = 256 * 1024;

/**
 * The table of a large CSV file, recognised from its head alone, with the file for DuckDB to
 * read whole; null when the file has to be prepared whole (a workbook, another encoding than
 * UTF-8, a file that is not a table, or one small enough to read at once).
 */
export async function prepareHead(name: string, file: Blob, head = HEAD_BYTES): Promise<PreparedTable | null> {
	if (file.size <= head) return null;
	const bytes = new Uint8Array(await file.slice(0, head).arrayBuffer());
	if (isWorkbook(bytes) || sniffFormat(bytes)) return null;
	// Whole lines only: a character is never cut in two, and no row is read half.
	const { text, encoding } = decodeBytes(bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1));
	if (encoding !== 'utf-8') return null;
	const table = prepareText(name, text, encoding);
	if (!isPrepared(table) || !(await endsClosed(file, head))) return null;
	return { ...table, whole: file };
}

/**
 * Whether the file's last lines close every quote they open. DuckDB reads a quote left open at
 * the very end as the end of the file, without a word; the validated loader names the row.
 */
async function endsClosed(file: Blob, head: number): Promise<boolean> {
	const tail = new Uint8Array(await file.slice(Math.max(0, file.size - head)).arrayBuffer());
	let quotes = 0;
	for (let i = tail.indexOf(0x0a) + 1; i > 0 && i < tail.length; i++) if (tail[i] === 0x22) quotes++;
	return quotes % 2 === 0;
}

/**
 * The whole table a head stood for, prepared (in a worker in the browser) from the whole file.
 * @param prepare reads a file into tables, as prepareFile (prepare-file.ts) does
 */
export async function prepareWhole(table: PreparedTable, prepare: Preparer, signal?: AbortSignal): Promise<PreparedTable | UnreadableFile> {
	if (!table.whole) return table;
	const tables = await prepare(table.name, new Uint8Array(await table.whole.arrayBuffer()), signal);
	return tables.find((t) => t.name === table.name) ?? tables[0] ?? { name: table.name, reason: 'empty' };
}

/** A file as the page has it: a chosen file, a fetched body, or one kept in the browser. */
export interface NamedFile {
	name: string;
	blob: Blob;
}

/**
 * The tables of a file: a large CSV is recognised from its head, and DuckDB reads the rest
 * itself (load-file.ts); anything else is read whole by `prepare`.
 */
export async function prepareTables(file: NamedFile, prepare: Preparer, signal?: AbortSignal): Promise<(PreparedTable | UnreadableFile)[]> {
	const head = await prepareHead(file.name, file.blob);
	if (head) return [head];
	return prepare(file.name, new Uint8Array(await file.blob.arrayBuffer()), signal);
}

export function isPrepared(table: PreparedTable | UnreadableFile): table is PreparedTable {
	return 'text' in table;
}
