/**
 * A large file cut into parts of about `partBytes`, each ending at a line break, for DuckDB to
 * read a part per statement. DuckDB's read buffers are a statement's, and its wasm heap never
 * shrinks: an 82 MB panel read in one statement leaves the heap at 455 MiB, read in 8 MB parts
 * (one transaction) at 312 MiB (duckdb-wasm's Node build). Parts are views of the file, never copies.
 */
export async function lineParts(file: Blob, partBytes: number): Promise<Blob[]> {
	const parts: Blob[] = [];
	let start = 0;
	while (file.size - start > partBytes) {
		const cut = await nextLineStart(file, start + partBytes);
		if (cut === null) break;
		parts.push(file.slice(start, cut));
		start = cut;
	}
	parts.push(file.slice(start));
	return parts;
}

/** How much is read at a time to find the end of a line. */
const WINDOW = 64 * 1024;

/** Where the line after `from` starts, or null when the file ends first. */
async function nextLineStart(file: Blob, from: number): Promise<number | null> {
	for (let at = from; at < file.size; at += WINDOW) {
		const bytes = new Uint8Array(await file.slice(at, at + WINDOW).arrayBuffer());
		const newline = bytes.indexOf(0x0a);
		if (newline >= 0) return at + newline + 1 < file.size ? at + newline + 1 : null;
	}
	return null;
}
