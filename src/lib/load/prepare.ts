import type { DatasetKind, StagedColumn } from '../db/load-queries';
import { recognizeColumns, recognizeRecapColumns } from './columns';
import { MAX_COLUMNS } from './limits';
import { shapeRows, type RowIssue } from './rows';
import { decodeBytes, linesOf, locateHeader, sniffFormat, spanHeader, type Delimiter } from './text';
import { isWorkbook, readWorkbook } from './xlsx';

/** A table ready to load: its text from the header line on, and what was recognised in it. */
export interface PreparedTable {
	/** The file name, with ` › sheet` for a workbook's sheet. */
	name: string;
	text: string;
	delimiter: Delimiter;
	headerLine: number;
	encoding: string;
	headers: string[];
	/** The lines above the header (a report's title: "… KABUPATEN WAY KANAN TAHUN 2023"). */
	preamble: string;
	/** The kind its columns suggest; null when nothing fits. */
	kind: DatasetKind | null;
	mapping: StagedColumn[];
	/** Rows set aside for their shape before loading (an unclosed quote, too many cells). */
	rowIssues: RowIssue[];
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

function prepareText(name: string, text: string, encoding: string): PreparedTable | UnreadableFile {
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
		encoding,
		headers: header.headers,
		preamble: lines.slice(0, header.firstLine).join('\n'),
		kind,
		mapping: mappingFor(kind, header.headers),
		rowIssues: shaped.issues
	};
}

/**
 * Reads a file (CSV in any of the encodings and delimiters seen, or an .xlsx workbook, every
 * sheet) into tables ready to load. Nothing leaves the browser.
 */
export async function prepareFile(name: string, bytes: Uint8Array): Promise<(PreparedTable | UnreadableFile)[]> {
	if (bytes.length === 0) return [{ name, reason: 'empty' }];
	if (isWorkbook(bytes)) {
		let sheets;
		try {
			sheets = await readWorkbook(bytes);
		} catch {
			return [{ name, reason: 'unreadable-workbook' }];
		}
		return sheets.map((sheet) => prepareText(`${name} › ${sheet.sheet}`, sheet.csv, 'xlsx'));
	}
	const format = sniffFormat(bytes);
	if (format) return [{ name, reason: 'wrong-format', detail: { format } }];
	const { text, encoding } = decodeBytes(bytes);
	return [prepareText(name, text, encoding)];
}

export function isPrepared(table: PreparedTable | UnreadableFile): table is PreparedTable {
	return 'text' in table;
}
