import type { Data, Float, Table, Vector } from 'apache-arrow';

/** DuckDB hands back counts as BigInt; the UI and charts want numbers. */
function plain(value: unknown): unknown {
	return typeof value === 'bigint' ? Number(value) : value;
}

/**
 * Arrow's type ids (its `Type` enum) for the columns read in bulk. Written out, not imported:
 * this module is in the first view's code, which must not carry Arrow itself (arrow.test.ts
 * checks them against Arrow's enum).
 */
export const ARROW_TYPE = { Int: 2, Float: 3, Utf8: 5 } as const;
/** Arrow's `Precision.HALF`: 16-bit floats, whose values are raw bits. */
const HALF_PRECISION = 0;

const utf8 = new TextDecoder();

/**
 * The text values of one chunk of a Utf8 column, decoded in one call. Decoding each value on its
 * own costs a call per row (in Chromium, most of what turning a national kecamatan list into
 * rows took). Where a byte is not ASCII, a value’s bytes are not its characters: each value is
 * then decoded on its own.
 */
function texts(data: Data, at: (i: number) => unknown): unknown[] {
	const offsets = data.valueOffsets as Int32Array;
	const first = offsets[0] ?? 0;
	const all = utf8.decode((data.values as Uint8Array).subarray(first, offsets[data.length] ?? first));
	const ascii = all.length === (offsets[data.length] ?? first) - first && !all.includes('\uFFFD');
	const values = new Array<unknown>(data.length);
	for (let i = 0; i < data.length; i++) {
		if (data.nullCount > 0 && !data.getValid(i)) values[i] = null;
		else values[i] = ascii ? all.slice(offsets[i]! - first, offsets[i + 1]! - first) : at(i);
	}
	return values;
}

/** The numbers of one chunk of an integer or floating-point column without nulls, read from its buffer. */
function numbers(data: Data): unknown[] {
	const values = data.values as ArrayLike<number | bigint>;
	const out = new Array<unknown>(data.length);
	for (let i = 0; i < data.length; i++) out[i] = plain(values[i]);
	return out;
}

/** Whether a chunk's buffer holds its numbers as they are: integers or floats of 32 or 64 bits, none null. */
function plainNumbers(data: Data): boolean {
	const { typeId } = data.type;
	const float = typeId === ARROW_TYPE.Float && (data.type as Float).precision !== HALF_PRECISION;
	return data.nullCount === 0 && (typeId === ARROW_TYPE.Int || float);
}

/** One column's values, chunk by chunk: text and numbers from their buffers, anything else value by value. */
function columnArray(vector: Vector): unknown[] {
	const chunks: unknown[][] = [];
	let start = 0;
	for (const data of vector.data) {
		const first = start;
		const at = (i: number) => plain(vector.get(first + i));
		if (data.type.typeId === ARROW_TYPE.Utf8) chunks.push(texts(data, at));
		else if (plainNumbers(data)) chunks.push(numbers(data));
		else chunks.push(Array.from({ length: data.length }, (_, i) => at(i)));
		start += data.length;
	}
	return chunks.length === 1 ? chunks[0]! : chunks.flat();
}

/**
 * The rows of a query result as plain objects (BigInt counts turned into numbers). Built column by
 * column: a national village list has 75,000 rows, and row-by-row conversion is several times slower.
 */
export function rowsOf<T>(table: Table): T[] {
	const columns = table.schema.fields.map((field) => {
		const vector = table.getChild(field.name);
		return [field.name, vector ? columnArray(vector) : []] as const;
	});
	const rows: Record<string, unknown>[] = [];
	for (let i = 0; i < table.numRows; i++) {
		const row: Record<string, unknown> = {};
		for (const [name, values] of columns) row[name] = values[i] ?? null;
		rows.push(row);
	}
	return rows as T[];
}

/** One column of a query result as an array. */
export function columnValues<T>(table: Table, name: string): T[] {
	const column = table.getChild(name);
	if (!column) throw new Error(`query result has no column "${name}"`);
	return column.toArray() as T[];
}

/**
 * Each row's list of a column of 32-bit integer lists (INTEGER[], no null lists), as views of
 * Arrow's own buffer: a national list of 750,000 codes is read without copying a number.
 */
export function intLists(table: Table, name: string): Int32Array[] {
	const column = table.getChild(name);
	if (!column) throw new Error(`query result has no column "${name}"`);
	const lists: Int32Array[] = [];
	for (const data of column.data) {
		const offsets = data.valueOffsets as Int32Array;
		const values = data.children[0]?.values;
		if (!(values instanceof Int32Array)) throw new Error(`column "${name}" is not a list of INTEGER`);
		for (let i = 0; i < data.length; i++) lists.push(values.subarray(offsets[i]!, offsets[i + 1]!));
	}
	return lists;
}
