/**
 * The largest file read in the browser. The whole 2024 national release is 8 MB as CSV; reading
 * keeps the bytes, their text and DuckDB's copy in memory at once, and a tab holds about 2 to 4 GB.
 */
export const MAX_FILE_BYTES = 100_000_000;

/** The widest table read: wide files give five columns a year, so this is far beyond any release. */
export const MAX_COLUMNS = 2_000;

/** Why a file is refused before it is read, with its size and the limit for the message. */
export interface SizeRefusal {
	name: string;
	reason: 'too-large';
	detail: { size: number; limit: number };
}

/**
 * Refuses a file larger than the limit from its reported size alone, before a byte is read.
 * @example checkFileSize({ name: 'besar.csv', size: 2_147_483_648 })?.detail // { size: 2147483648, limit: 100000000 }
 */
export function checkFileSize(file: { name: string; size: number }, limit = MAX_FILE_BYTES): SizeRefusal | null {
	return file.size > limit ? { name: file.name, reason: 'too-large', detail: { size: file.size, limit } } : null;
}
