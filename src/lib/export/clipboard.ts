import type { TableData } from './table-data';
import { tableToHtml, tableToTsv } from './table-export';

/**
 * Puts a table on the clipboard as HTML (Word, Excel and Google Docs keep its columns) and as
 * tab-separated text, with numbers as the screen shows them (a column's `format`; plain otherwise,
 * as for years).
 */
export async function copyTable(table: TableData): Promise<void> {
	const formats = new Map(table.columns.map((c) => [c.key, c.format ?? String]));
	const format = (value: number, key: string) => (formats.get(key) ?? String)(value);
	const html = tableToHtml(table, format);
	const text = tableToTsv(table, format);
	if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
		await navigator.clipboard.write([
			new ClipboardItem({
				'text/html': new Blob([html], { type: 'text/html' }),
				'text/plain': new Blob([text], { type: 'text/plain' })
			})
		]);
		return;
	}
	// Older browsers and plain-http hosts: the copy event still lets a page set both formats.
	const onCopy = (event: ClipboardEvent) => {
		event.clipboardData?.setData('text/html', html);
		event.clipboardData?.setData('text/plain', text);
		event.preventDefault();
	};
	document.addEventListener('copy', onCopy);
	try {
		if (!document.execCommand('copy')) throw new Error('copy refused');
	} finally {
		document.removeEventListener('copy', onCopy);
	}
}
