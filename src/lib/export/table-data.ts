/** A table as it leaves the dashboard: raw values at full precision, labels in the UI language. */
export type Cell = string | number | null;

export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
	/** How the screen (and a pasted table) shows a number; files keep the number itself. */
	format?: (value: number) => string;
}

export interface TableData {
	title: string;
	/** The line under a table in a report: "Sumber: IDM 2024, Kemendes PDTT". */
	source?: string;
	columns: readonly TableColumn[];
	rows: readonly Record<string, Cell>[];
	/** A totals row, written after the rows. */
	footer?: Record<string, Cell>;
}

/** The rows with the footer, as arrays in column order. */
export function tableMatrix(table: TableData): Cell[][] {
	const rows = table.footer ? [...table.rows, table.footer] : table.rows;
	return rows.map((row) => table.columns.map((column) => row[column.key] ?? null));
}

/** A file name from a title: lower case, ASCII, dashes ("Jumlah desa per status" → "jumlah-desa-per-status"). */
export function fileStem(title: string): string {
	const stem = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return stem || 'tabel';
}
