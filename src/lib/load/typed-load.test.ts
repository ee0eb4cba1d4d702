import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../tests/helpers/bundled-db';
import { BAD_CASES } from '../../../tests/fixtures/bad/cases';
import { generatePanel, panelCsv, readRelease, releaseCsv } from '../../../scripts/synthetic-panel.mjs';
import { rowsOf } from '../db/arrow';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { NATIONAL_FILE } from './bundled';
import { loadPreparedTable, NO_DEFAULTS, prepareDatabase } from './load-file';
import { isPrepared, prepareHead, type PreparedTable, type Preparer } from './prepare';
import { prepareFile } from './prepare-file';
import { loadFileAsSuggested } from './load-user-file';

const BAD_DIR = new URL('../../../tests/fixtures/bad/', import.meta.url);

/** Everything a load leaves in the tables, in a stable order. */
async function loaded(db: Database) {
	const all = async (sql: string) => rowsOf<Record<string, unknown>>(await db.query(sql)).map((row) => JSON.stringify(row));
	return {
		villages: await all('SELECT * FROM village_year ORDER BY source, source_row, tahun'),
		issues: await all('SELECT * FROM load_issue ORDER BY ALL'),
		datasets: await all('SELECT source, kind, role, rows_read FROM dataset ORDER BY source'),
		matches: await all('SELECT * FROM name_match ORDER BY ALL')
	};
}

/** Whether the last file loaded from its head was read typed, without staging its text. */
let typedWay = false;

/**
 * Loads a file's first table whole (validated) and from its head (typed when clean), each in a
 * fresh database. The typed read takes the file in about five parts, as it takes a large file.
 */
async function loadBoth(name: string, bytes: Uint8Array<ArrayBuffer>, head: number, partBytes = Math.ceil(bytes.length / 5)) {
	const whole = (await prepareFile(name, bytes)).find(isPrepared) as PreparedTable;
	const fromHead = await prepareHead(name, new Blob([bytes]), head);
	expect(fromHead?.whole, 'prepared from its head').toBeDefined();
	const kind = whole.kind ?? 'scores';
	const results = [];
	for (const table of [whole, fromHead!]) {
		const inner = await openNodeDatabase();
		let stagedAsText = false;
		const db: Database = {
			...inner,
			query(sql, params) {
				stagedAsText ||= sql.includes('TABLE staging_raw AS');
				return inner.query(sql, params);
			}
		};
		await prepareDatabase(db);
		const choice = { kind, role: 'primary', defaults: { ...NO_DEFAULTS, tahun: 2023 } } as const;
		const counts = await loadPreparedTable(db, name, table, choice, { partBytes }).catch((e: Error) => e.message);
		results.push({ counts, ...(await loaded(db)) });
		if (table === fromHead) typedWay = !stagedAsText;
	}
	return results;
}

describe('reading a large file straight into DuckDB', () => {
	it('loads the 2024 national release exactly as the validated loader does', async () => {
		const bytes = new Uint8Array(await readFile(DATA_DIR + NATIONAL_FILE));
		const [validated, typed] = await loadBoth(NATIONAL_FILE, bytes, 256 * 1024);
		expect(validated!.counts).toEqual({ read: 75265, repeatedHeaders: 0, rejected: 0, loaded: 75265 });
		expect(typed).toEqual(validated);
		expect(typedWay).toBe(true);
	});

	it('loads a long multi-year panel exactly as the validated loader does', async () => {
		const release = readRelease(await readFile(DATA_DIR + NATIONAL_FILE, 'utf8'));
		const panel = generatePanel(release, { seed: 7, villages: 3000 });
		const [validated, typed] = await loadBoth('panel.csv', new TextEncoder().encode(panelCsv(panel)), 16 * 1024);
		expect(typed).toEqual(validated);
		expect(typedWay).toBe(true);
		// And a 2023-layout yearly file: the year in its columns' names, no regency names.
		const [validated2023, typed2023] = await loadBoth('idm-2023.csv', new TextEncoder().encode(releaseCsv(2023, panel)), 16 * 1024);
		expect(typed2023).toEqual(validated2023);
		expect(typedWay).toBe(true);
	});

	it.each([
		['release-2023-way-kanan-dagri-tab.tsv', true],
		// Rows of notes under the table and scores written as text: the validated way names them.
		['release-2023-lampung-notes-and-line-breaks.csv', false],
		['long-2023-2024-way-kanan.csv', true],
		['components-2024-way-kanan.csv', true],
		// Decimal commas in lines ended CR LF, several years in columns, and a title above a header over two lines: the validated way.
		['release-2023-way-kanan-semicolon.csv', false],
		['wide-2023-2024-way-kanan.csv', false],
		['seed-003-way-kanan-2023-pages.csv', false]
	])('%s, the layouts seen, loads from its head as the validated loader loads it (typed: %s)', async (file, typed) => {
		const bytes = new Uint8Array(await readFile(new URL(`../../../tests/fixtures/layouts/${file}`, import.meta.url)));
		const [validated, fromHead] = await loadBoth(file, bytes, 1024);
		expect(fromHead).toEqual(validated);
		expect(typedWay).toBe(typed);
	});

	it('reads decimal commas typed in a semicolon file with plain line ends', async () => {
		const text = await readFile(new URL('../../../tests/fixtures/layouts/release-2023-way-kanan-semicolon.csv', import.meta.url), 'utf8');
		const [validated, fromHead] = await loadBoth('semicolon-lf.csv', new TextEncoder().encode(text.replace(/\r\n/g, '\n')), 1024);
		expect(fromHead).toEqual(validated);
		expect(typedWay).toBe(true);
	});

	it('keeps a line break inside quotes whole where a part would end on it', async () => {
		const release = readRelease(await readFile(DATA_DIR + NATIONAL_FILE, 'utf8'));
		const lines = panelCsv(generatePanel(release, { seed: 7, villages: 300 })).split('\n');
		// A village name over two lines, its line break the first one past the first part's size.
		const row = 1500;
		const cells = lines[row]!.split(',');
		cells[7] = '"SUKA\nMAJU"';
		lines[row] = cells.join(',');
		const text = lines.join('\n');
		const cut = new TextEncoder().encode(text.slice(0, text.indexOf('SUKA\nMAJU') + 4)).length;
		const [validated, typed] = await loadBoth('quoted-break.csv', new TextEncoder().encode(text), 16 * 1024, cut - 1);
		expect(typed).toEqual(validated);
		expect(validated!.villages.some((row) => row.includes('SUKA\\nMAJU'))).toBe(true);
	});

	it('names what became of a large file whose head looked clean when the whole file gives no table', async () => {
		const text = await readFile(DATA_DIR + NATIONAL_FILE, 'utf8');
		// A score out of range near the end: the typed read declines, and the whole file is prepared.
		const lines = text.split('\n');
		const cells = lines[lines.length - 5]!.split(',');
		cells[8] = '1.5'; // IKS_2024
		lines[lines.length - 5] = cells.join(',');
		const broken = lines.join('\n');
		expect(broken).not.toBe(text);
		const db = await openNodeDatabase();
		await prepareDatabase(db);
		const crashed: Preparer = async (name) => [{ name, reason: 'worker-crashed' }];
		const outcomes = await loadFileAsSuggested(db, { name: NATIONAL_FILE, blob: new Blob([broken]) }, { prepare: crashed });
		expect(outcomes).toEqual([{ table: NATIONAL_FILE, outcome: 'refused', reason: 'worker-crashed' }]);
		expect(rowsOf(await db.query('SELECT count(*)::INTEGER AS n FROM village_year'))).toEqual([{ n: 0 }]);
	});

	it.each(BAD_CASES.filter((c) => c.file.endsWith('.csv') && !c.claimedSize).map((c) => c.file))(
		'%s: a broken file read from its head ends as the validated loader ends it',
		async (file) => {
			const bytes = new Uint8Array(await readFile(new URL(file, BAD_DIR)));
			const whole = (await prepareFile(file, bytes)).find(isPrepared);
			const head = await prepareHead(file, new Blob([bytes]), Math.min(2048, bytes.length - 1));
			if (!whole || !head) return;
			const [validated, typed] = await loadBoth(file, bytes, Math.min(2048, bytes.length - 1));
			expect(typed).toEqual(validated);
		}
	);
});
