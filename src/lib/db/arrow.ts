import type { Table } from 'apache-arrow';

/** DuckDB hands back counts as BigInt; the UI and charts want numbers. */
function plain(value: unknown): unknown {
	return typeof value === 'bigint' ? Number(value) : value;
}

/** The rows of a query result as plain objects (BigInt counts turned into numbers). */
export function rowsOf<T>(table: Table): T[] {
	return table.toArray().map((row) => {
		const object = row.toJSON() as Record<string, unknown>;
		for (const key of Object.keys(object)) object[key] = plain(object[key]);
		return object as T;
	});
}

/** One column of a query result as an array. */
export function columnValues<T>(table: Table, name: string): T[] {
	const column = table.getChild(name);
	if (!column) throw new Error(`query result has no column "${name}"`);
	return column.toArray() as T[];
}
