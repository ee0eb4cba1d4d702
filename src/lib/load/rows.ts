import Papa from 'papaparse';

/** A row set aside before the table reaches DuckDB, with what was wrong with its shape. */
export interface RowIssue {
	/** The data row, counted as the load report counts it (1 = the first row under the header). */
	row: number;
	reason: RowShapeReason;
	/** What was seen: the number of cells, or the delimiter the row used. */
	value: string;
}

/** Row shapes that cannot be read safely: the row is rejected whole. */
export const ROW_SHAPE_REASONS = ['unbalanced-quote', 'too-many-fields', 'wrong-delimiter'] as const;
export type RowShapeReason = (typeof ROW_SHAPE_REASONS)[number];

/** A quoted cell may hold line breaks (names in the 2023 release do); one longer than this is an unclosed quote. */
const MAX_LINES_PER_ROW = 20;

interface Parsed {
	fields: string[];
	/** The physical lines the row took. */
	lines: number;
	closed: boolean;
}

/**
 * Reads one row starting at `lines[start]`, following a quoted cell across line breaks, as
 * papaparse and DuckDB read it: a quote opens a cell only at its start, `""` is a quote inside.
 */
function parseRow(lines: readonly string[], start: number, delimiter: string): Parsed {
	const fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let atStart = true;
	for (let index = start; index < lines.length && index - start < MAX_LINES_PER_ROW; index++) {
		const line = lines[index]!;
		for (let i = 0; i < line.length; i++) {
			const c = line[i]!;
			if (inQuotes) {
				if (c !== '"') field += c;
				else if (line[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else if (line.startsWith(delimiter, i)) {
				fields.push(field);
				field = '';
				atStart = true;
				i += delimiter.length - 1;
			} else if (c === '"' && atStart) {
				inQuotes = true;
				atStart = false;
			} else {
				field += c;
				atStart = false;
			}
		}
		if (!inQuotes) {
			fields.push(field);
			return { fields, lines: index - start + 1, closed: true };
		}
		field += '\n';
	}
	return { fields, lines: 1, closed: false };
}

const OTHER_DELIMITERS = [',', ';', '\t', '|'];

/** The rows of a table under its header, each cut to the header's width, and the rows set aside. */
export interface ShapedRows {
	/** The rows as CSV text under the same delimiter, header first; a row set aside is left blank so rows keep their numbers. */
	text: string;
	rows: number;
	issues: RowIssue[];
}

/**
 * Puts every row of a delimited table in the header's shape before DuckDB reads it, so one bad
 * row costs only itself: an unclosed quote no longer swallows the rows after it, a row with more
 * cells than the header (unquoted decimal commas, a 10,000-cell row) does not shift values into
 * the wrong columns, and a row written with another delimiter is named as such. Blank lines are
 * skipped, as DuckDB skips them; extra cells that are empty (Excel's trailing delimiters) are
 * dropped silently; missing cells at the end are empty.
 * @example shapeRows(['1;2;3', '4,5,6'], ';', ['A', 'B', 'C']).issues // [{ row: 2, reason: 'wrong-delimiter', value: ',' }]
 */
export function shapeRows(lines: readonly string[], delimiter: string, header: readonly string[]): ShapedRows {
	const width = header.length;
	const serialise = (fields: readonly string[]) => Papa.unparse([fields as string[]], { delimiter, newline: '\n' });
	const blank = serialise(Array<string>(width).fill(''));
	const out: string[] = [serialise(header)];
	const issues: RowIssue[] = [];
	let index = 0;
	while (index < lines.length) {
		const line = lines[index]!;
		if (line.trim() === '') {
			index++;
			continue;
		}
		const row = out.length;
		// Most rows have no quote at all: split them directly and keep their text as it is.
		const parsed = line.includes('"') ? parseRow(lines, index, delimiter) : { fields: line.split(delimiter), lines: 1, closed: true };
		index += parsed.lines;
		if (!parsed.closed) {
			issues.push({ row, reason: 'unbalanced-quote', value: line.slice(0, 80) });
			out.push(blank);
			continue;
		}
		const { fields } = parsed;
		if (fields.length > width && fields.slice(width).some((cell) => cell.trim() !== '')) {
			issues.push({ row, reason: 'too-many-fields', value: String(fields.length) });
			out.push(blank);
			continue;
		}
		const other = width >= 3 && fields.length === 1 ? OTHER_DELIMITERS.find((d) => d !== delimiter && fields[0]!.split(d).length >= Math.min(width, 3)) : undefined;
		if (other) {
			issues.push({ row, reason: 'wrong-delimiter', value: other === '\t' ? 'tab' : other });
			out.push(blank);
			continue;
		}
		if (fields.length === width && parsed.lines === 1 && !line.includes('"')) out.push(line);
		else out.push(serialise(fields.length >= width ? fields.slice(0, width) : [...fields, ...Array<string>(width - fields.length).fill('')]));
	}
	return { text: out.join('\n') + '\n', rows: out.length - 1, issues };
}
