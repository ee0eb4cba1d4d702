import Papa from 'papaparse';
import type { TypedField, TypedLayout } from '../db/typed-load-queries';
import { VILLAGE_FIELDS, type StagedColumn } from '../db/load-queries';
import type { PreparedTable } from './prepare';

const TYPED_FIELDS: ReadonlySet<string> = new Set<TypedField>(VILLAGE_FIELDS);
const SCORES = ['iks', 'ike', 'ikl', 'idm'];
/** Rows of the head looked at to tell a decimal comma from a decimal point. */
const SAMPLE_ROWS = 200;

/**
 * How DuckDB can read a scores table straight from its file (db/typed-load-queries.ts), or null
 * when the table needs the validated loader: a header over two lines, rows set aside already in
 * the head, another encoding than UTF-8, decimal commas in lines ended CR LF, a field mapped twice or a year's columns beside a year
 * column, several years in columns, or no score column (a repeated header line then reads as a
 * row of text, which only the validated loader notices).
 */
export function typedReadOf(table: PreparedTable, kind: string, mapping: readonly StagedColumn[]): TypedLayout | null {
	if (kind !== 'scores' || table.encoding !== 'utf-8' || table.headerRows !== 1 || table.rowIssues.length > 0) return null;
	const columns: { position: number; field: TypedField }[] = [];
	const years = new Set<number>();
	for (const column of mapping) {
		const position = table.headers.indexOf(column.header);
		const twice = table.headers.lastIndexOf(column.header) !== position;
		if (position < 0 || twice || !TYPED_FIELDS.has(column.field) || columns.some((c) => c.field === column.field)) return null;
		columns.push({ position, field: column.field as TypedField });
		if (column.tahun !== null) years.add(column.tahun);
	}
	if (years.size > 1 || (years.size === 1 && columns.some((c) => c.field === 'tahun'))) return null;
	const scores = columns.filter((c) => SCORES.includes(c.field));
	if (scores.length === 0) return null;
	const decimalComma = writesDecimalComma(table, scores.map((c) => c.position));
	if (decimalComma === null || (decimalComma && table.delimiter === ',')) return null;
	// DuckDB 1.4's reader, told the layout, reads a CR LF file with decimal commas as no rows at all.
	if (decimalComma && table.lineBreak !== '\n') return null;
	return {
		delimiter: table.delimiter,
		skip: table.headerLine - 1,
		decimalComma,
		width: table.headers.length,
		columns,
		year: years.size === 1 ? [...years][0]! : null
	};
}

/** Whether the head's scores are written with a decimal comma; null when it writes both. */
function writesDecimalComma(table: PreparedTable, positions: readonly number[]): boolean | null {
	const rows = Papa.parse<string[]>(table.text, { delimiter: table.delimiter, preview: SAMPLE_ROWS + 1 }).data.slice(1);
	const cells = rows.flatMap((row) => positions.map((p) => row[p] ?? ''));
	const comma = cells.some((cell) => cell.includes(','));
	const point = cells.some((cell) => cell.includes('.'));
	return comma && point ? null : comma;
}
