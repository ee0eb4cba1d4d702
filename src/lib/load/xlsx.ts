import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';

/** One sheet of a workbook, written as CSV text so it loads like any CSV. */
export interface WorkbookSheet {
	sheet: string;
	csv: string;
	rows: number;
}

/**
 * Every sheet of an .xlsx workbook as CSV. Numbers are kept as the text the workbook stores
 * (10-digit codes keep their digits, scores their decimals); formulas give their saved values.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookSheet[]> {
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const sheets = await readXlsxFile<string>(buffer, { parseNumber: (text) => text });
	return sheets.map(({ sheet, data }) => ({
		sheet,
		rows: data.length,
		csv: Papa.unparse(
			data.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)))),
			{ newline: '\n' }
		)
	}));
}
