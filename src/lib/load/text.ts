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
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
	}
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

/** The text from its header line on, with Windows line ends made plain, ready for read_csv. */
export function fromHeader(text: string, location: HeaderLocation): string {
	return text.replace(/\r\n?/g, '\n').split('\n').slice(location.line).join('\n');
}
