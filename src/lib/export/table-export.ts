import Papa from 'papaparse';
import { tableMatrix, type Cell, type TableData } from './table-data';

/**
 * The table as CSV, header first. Text cells that a spreadsheet would run as a formula
 * (= + - @, tab, CR) get a leading apostrophe; numbers stay numbers, at full precision.
 */
export function tableToCsv(table: TableData): string {
	return Papa.unparse(
		{ fields: table.columns.map((c) => c.label), data: tableMatrix(table).map((row) => row.map((cell) => cell ?? '')) },
		{ escapeFormulae: true, newline: '\r\n' }
	);
}

/**
 * The table as an .xlsx workbook: numbers as numbers, text as literal text (never a formula). The
 * workbook writer is fetched on the first export, not with every page that shows a table.
 */
export async function tableToXlsx(table: TableData): Promise<Blob> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const header = table.columns.map((column) => ({ value: column.label, fontWeight: 'bold' as const }));
	const body = tableMatrix(table).map((row) =>
		row.map((cell: Cell) => {
			if (cell === null) return null;
			return typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String };
		})
	);
	const sheetName = table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Tabel';
	return writeXlsxFile([header, ...body], { sheet: sheetName }).toBlob();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The table as HTML for the clipboard: Word, Excel and Google Docs paste it with its columns.
 * Numbers are written as shown on screen (`format`), so a pasted table reads like the report's.
 */
export function tableToHtml(table: TableData, format: (value: number, key: string) => string): string {
	const head = table.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('');
	const cell = (value: Cell, key: string, numeric: boolean | undefined) => {
		const text = value === null ? '–' : typeof value === 'number' ? format(value, key) : value;
		return `<td${numeric ? ' style="text-align:right"' : ''}>${escapeHtml(text)}</td>`;
	};
	const rows = tableMatrix(table)
		.map((row) => `<tr>${row.map((value, i) => cell(value, table.columns[i]?.key ?? '', table.columns[i]?.numeric)).join('')}</tr>`)
		.join('');
	const source = table.source ? `<p>${escapeHtml(table.source)}</p>` : '';
	return `<table border="1" style="border-collapse:collapse"><caption>${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${source}`;
}

/** The same table as tab-separated text, for pasting where HTML is not understood. */
export function tableToTsv(table: TableData, format: (value: number, key: string) => string): string {
	const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
	const lines = [table.columns.map((c) => clean(c.label)), ...tableMatrix(table).map((row) => row.map((value, i) => (value === null ? '' : typeof value === 'number' ? format(value, table.columns[i]?.key ?? '') : clean(value))))];
	return lines.map((line) => line.join('\t')).join('\n');
}
