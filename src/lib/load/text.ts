import Papa from 'papaparse';
import { recognizeColumns, recognizeRecapColumns } from './columns';

/** Text a file holds and how it was read. */
export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * Bytes as text, whatever Excel or a regency's PC saved them as: UTF-8 with or without its BOM,
 * UTF-16 with a BOM, or else Windows-1252 (Latin-1) when the bytes are not valid UTF-8.
 * @example decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text // 'A'
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	const utf16 = utf16WithoutBom(bytes);
	if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
	}
}

/**
 * UTF-16 saved without its byte-order mark: text of Latin letters has a zero byte in every other
 * place, odd places for little-endian, even for big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const pairs = Math.min(bytes.length, 2048) >> 1;
	if (pairs < 4) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < pairs; i++) {
		if (bytes[2 * i] === 0) evenZeros++;
		if (bytes[2 * i + 1] === 0) oddZeros++;
	}
	if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
	if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
	return null;
}

const SIGNATURES: [string, number[]][] = [
	['PNG', [0x89, 0x50, 0x4e, 0x47]],
	['JPEG', [0xff, 0xd8, 0xff]],
	['GIF', [0x47, 0x49, 0x46, 0x38]],
	['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
	['WEBP', [0x52, 0x49, 0x46, 0x46]],
	['XLS', [0xd0, 0xcf, 0x11, 0xe0]],
	['GZIP', [0x1f, 0x8b]]
];

/** Whether bytes are a zip archive, as every .xlsx is. */
export function isWorkbook(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * What a file that is not a table is, from its first bytes: an image, a PDF, an old .xls, a web
 * page, JSON, or binary data; null for text that may be a table.
 * @example sniffFormat(new TextEncoder().encode('<!DOCTYPE html><html>')) // 'HTML'
 */
export function sniffFormat(bytes: Uint8Array): string | null {
	for (const [format, signature] of SIGNATURES) if (signature.every((byte, i) => bytes[i] === byte)) return format;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return null;
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return null;
	if (utf16WithoutBom(bytes)) return null;
	const head = bytes.subarray(0, 4096);
	let control = 0;
	for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
	if (control > 0 && control >= head.length * 0.01) return 'binary';
	const start = new TextDecoder('utf-8').decode(head.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
	if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<?xml') || start.startsWith('<svg')) return 'HTML';
	if (/^[[{]\s*["{[]/.test(start)) return 'JSON';
	return null;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Where a table's header is: the line, the delimiter, the header cells. */
export interface HeaderLocation {
	line: number;
	delimiter: Delimiter;
	headers: string[];
}

/** How many header lines to look through for the header: title rows and blank lines come first. */
const HEADER_SEARCH_LINES = 50;

function recognised(headers: string[]): number {
	return Math.max(recognizeColumns(headers).length, recognizeRecapColumns(headers).length);
}

/**
 * Finds the header of a table saved as text: the first line, among the first 50, where the most
 * columns are recognised (at least two), under the delimiter that recognises most.
 * @example locateHeader('LAPORAN IDM\n\nNAMA DESA;KECAMATAN;IDM\nA;B;0,7')?.line // 2
 */
export function locateHeader(text: string): HeaderLocation | null {
	const lines = text.split(/\r?\n/, HEADER_SEARCH_LINES);
	let best: HeaderLocation | null = null;
	let bestScore = 1;
	lines.forEach((line, index) => {
		for (const delimiter of DELIMITERS) {
			if (!line.includes(delimiter)) continue;
			const headers = (Papa.parse<string[]>(line, { delimiter }).data[0] ?? []).map((cell) => cell.trim());
			const score = recognised(headers);
			if (score > bestScore) {
				best = { line: index, delimiter, headers };
				bestScore = score;
			}
		}
	});
	return best;
}

/** The lines of a text, with Windows and old Mac line ends made plain. */
export function linesOf(text: string): string[] {
	return text.replace(/\r\n?/g, '\n').split('\n');
}

/** A header as found, and the lines it spans (one, or two when cells were merged). */
export interface SpannedHeader extends HeaderLocation {
	/** The first line of the header, where the title above it ends. */
	firstLine: number;
	/** The first line under the header. */
	dataLine: number;
}

/**
 * A header over two rows, as reports print it and as merged cells leave it: "NILAI" over IKS, IKE,
 * IKL and IDM, "NAMA DESA" merged down over an empty cell. Empty cells of the header found are
 * taken from the row above or below when that recognises more columns; otherwise the header
 * stays one line.
 * @example spanHeader(['KODE DESA;NAMA DESA;NILAI;', ';;IKS;IKE', '1808;A;0,7;0,6'], { line: 1, delimiter: ';', headers: ['', '', 'IKS', 'IKE'] }).headers // ['KODE DESA', 'NAMA DESA', 'IKS', 'IKE']
 */
export function spanHeader(lines: readonly string[], location: HeaderLocation): SpannedHeader {
	const cells = (line: number) => (Papa.parse<string[]>(lines[line] ?? '', { delimiter: location.delimiter }).data[0] ?? []).map((cell) => cell.trim());
	const known = (cell: string) => cell !== '' && recognised([cell]) > 0;
	// A merged cell's title ("NILAI") gives way to the recognised name under or over it ("IKS").
	const fill = (other: string[]) => location.headers.map((cell, i) => (!known(cell) && known(other[i] ?? '') ? other[i]! : cell || other[i] || ''));
	let best: SpannedHeader = { ...location, firstLine: location.line, dataLine: location.line + 1 };
	let score = recognised(location.headers);
	if (location.line > 0) {
		const headers = fill(cells(location.line - 1));
		if (recognised(headers) > score) {
			best = { ...location, headers, firstLine: location.line - 1, dataLine: location.line + 1 };
			score = recognised(headers);
		}
	}
	if (location.line + 1 < lines.length) {
		const headers = fill(cells(location.line + 1));
		if (recognised(headers) > score) best = { ...location, headers, firstLine: location.line, dataLine: location.line + 2 };
	}
	return best;
}
