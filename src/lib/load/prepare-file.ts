// Never imported statically by the page: in the browser this module and the workbook reader are a
// chunk of their own, fetched when a file is first read, and the reading worker imports that same
// chunk by its address (prepare.worker.ts), so they ship once and not with the first view.
import { prepareText, prepareTextFile, type PreparedTable, type UnreadableFile } from './prepare';
import { isWorkbook } from './text';
import { readWorkbook } from './xlsx';

/** Where this module is served from, for the reading worker to import it (prepare.worker.ts). */
export const PREPARE_FILE_URL = import.meta.url;

/**
 * Reads a file (CSV in any of the encodings and delimiters seen, or an .xlsx workbook, every
 * sheet) into tables ready to load. Nothing leaves the browser.
 */
export async function prepareFile(name: string, bytes: Uint8Array): Promise<(PreparedTable | UnreadableFile)[]> {
	if (!isWorkbook(bytes)) return [prepareTextFile(name, bytes)];
	let sheets;
	try {
		sheets = await readWorkbook(bytes);
	} catch {
		return [{ name, reason: 'unreadable-workbook' }];
	}
	return sheets.map((sheet) => prepareText(`${name} › ${sheet.sheet}`, sheet.csv, 'xlsx'));
}
