import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CASES, type ExpectedTable, type Finding } from '../../../tests/fixtures/bad/cases';
import { rowsOf } from '../db/arrow';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { loadReport } from '../db/report-queries';
import { statusCountsByYear } from '../db/status-queries';
import { statusYears, type StatusCount } from '../domain/status-counts';
import { findingText, formatBytes, refusalText, type FindingRow } from '../i18n/load-report';
import { removeDataset } from '../db/load-queries';
import { refreshNameMatches } from '../db/match-queries';
import { prepareDatabase } from './load-file';
import { checkFileSize } from './limits';
import { loadFileAsSuggested, type TableOutcome } from './load-user-file';

const BAD = new URL('../../../tests/fixtures/bad/', import.meta.url);
const WAY_KANAN = new URL('../../../tests/fixtures/layouts/release-2024-way-kanan.csv', import.meta.url);

/** A database holding Way Kanan 2024 as loaded earlier by the user. */
async function withEarlierData(): Promise<Database> {
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	const [earlier] = await loadFileAsSuggested(db, { name: 'release-2024-way-kanan.csv', blob: new Blob([new Uint8Array(readFileSync(WAY_KANAN))]) });
	expect(earlier).toMatchObject({ outcome: 'loaded', counts: { loaded: 221 } });
	return db;
}

async function wayKanan2024(db: Database): Promise<string> {
	const [year] = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '1808', 'resmi')));
	return year ? [year.counts.MANDIRI, year.counts.MAJU, year.counts.BERKEMBANG, year.counts.TERTINGGAL, year.counts['SANGAT TERTINGGAL']].join(' / ') : '';
}

async function asExpected(db: Database, outcome: TableOutcome): Promise<{ actual: ExpectedTable; findings: FindingRow[] }> {
	switch (outcome.outcome) {
		case 'refused':
			return { actual: { refused: outcome.reason, ...(outcome.detail ? { detail: outcome.detail } : {}) }, findings: [] };
		case 'needs-input':
			return { actual: { needs: outcome.missing }, findings: [] };
		case 'failed':
			throw new Error(`${outcome.table}: ${outcome.reason} ${outcome.detail.message}`);
		case 'loaded': {
			const findings = rowsOf<FindingRow>(await loadReport(db, outcome.source, 'resmi'));
			const { read, loaded, rejected } = outcome.counts;
			return { actual: { read, loaded, rejected, findings: findings.map((f): Finding => [f.source_row, f.kolom, f.alasan]) }, findings };
		}
	}
}

describe('every file of the bad-input corpus gives the outcome its manifest states', () => {
	it('has at least 40 files, each with a case', () => {
		expect(new Set(BAD_CASES.map((c) => c.file)).size).toBeGreaterThanOrEqual(40);
	});

	// One database for the corpus, as one visit: each case's datasets are removed after it.
	let db: Database;
	beforeAll(async () => {
		db = await withEarlierData();
	}, 60_000);
	afterEach(async () => {
		const sources = rowsOf<{ source: string }>(await db.query('SELECT source FROM dataset'));
		for (const { source } of sources) if (source !== 'release-2024-way-kanan.csv') await removeDataset(db, source);
		await refreshNameMatches(db);
	});

	it.each(BAD_CASES.map((c) => [c.file, c] as const))('%s', async (file, badCase) => {
		const bytes = new Uint8Array(readFileSync(new URL(file, BAD)));
		// A file over the limit is refused from the size the browser reports, before it is read.
		const refusal = checkFileSize({ name: file, size: badCase.claimedSize ?? bytes.length });
		const outcomes: TableOutcome[] = refusal
			? [{ table: refusal.name, outcome: 'refused', reason: refusal.reason, detail: refusal.detail }]
			: await loadFileAsSuggested(db, { name: file, blob: new Blob([bytes]) });

		const actual = [];
		for (const outcome of outcomes) {
			const { actual: table, findings } = await asExpected(db, outcome);
			actual.push(outcome.table === file ? table : { table: outcome.table, ...table });
			// Every message names the file, and the row and column where the finding has them.
			for (const lang of ['id', 'en'] as const) {
				if (outcome.outcome === 'refused') {
					expect(refusalText(outcome.table, outcome.reason, outcome.detail, lang)).toMatch(new RegExp(`^${outcome.table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\. .+`));
				}
				for (const finding of findings) {
					const text = findingText(outcome.table, finding, lang);
					expect(text.startsWith(outcome.table)).toBe(true);
					if (finding.source_row !== null) expect(text).toContain(` ${finding.source_row}`);
					if (finding.kolom !== null) expect(text).toContain(finding.kolom);
					expect(text).not.toMatch(/: [a-z]+(-[a-z]+)+$/);
				}
			}
		}
		expect(actual).toEqual(badCase.tables);
		// What the user loaded before is untouched.
		expect(await wayKanan2024(db)).toBe('47 / 127 / 47 / 0 / 0');
	}, 30_000);
});

describe('the messages', () => {
	it('give a refused file’s size and the limit the Indonesian way', () => {
		expect(formatBytes(2_147_483_648, 'id')).toBe('2,1 GB');
		expect(formatBytes(100_000_000, 'id')).toBe('100 MB');
		expect(refusalText('besar.csv', 'too-large', { size: 2_147_483_648, limit: 100_000_000 }, 'id')).toBe(
			'besar.csv: berkas terlalu besar untuk dibaca di peramban (2,1 GB; batas 100 MB). Pisahkan per kabupaten atau per tahun, atau hapus kolom yang tidak diperlukan, lalu muat bagian-bagiannya.'
		);
		expect(refusalText('besar.csv', 'too-large', { size: 2_147_483_648, limit: 100_000_000 }, 'en')).toContain('(2.1 GB; the limit is 100 MB)');
		expect(refusalText('lebar.csv', 'too-many-columns', { columns: 10_000, limit: 2_000 }, 'id')).toContain('(10.000 kolom; batas 2.000)');
		expect(refusalText('foto.csv', 'wrong-format', { format: 'PNG' }, 'en')).toBe('foto.csv: not a CSV or Excel (.xlsx) table: this file is a PNG image. Export the data as CSV or .xlsx and load that file.');
	});

	it('name the file, the data row, the column and the value of a finding', () => {
		expect(findingText('idm.csv', { source_row: 1204, kolom: 'IKS_2024', nilai: 'NaN', alasan: 'not-a-number' }, 'id')).toBe(
			'idm.csv, baris data 1.204, kolom IKS_2024 («NaN»): bukan angka; baris dimuat tanpa nilai ini. Perbaiki sel bila seharusnya angka'
		);
	});
});

describe('names carrying markup, script and SQL', () => {
	it('are stored verbatim, and the quotes and keywords in them change no query', async () => {
		const db = await withEarlierData();
		const file = 'hostile-names.csv';
		await loadFileAsSuggested(db, { name: file, blob: new Blob([new Uint8Array(readFileSync(new URL(file, BAD)))]) });
		const names = rowsOf<{ nama_desa: string; nama_kecamatan: string }>(
			await db.query('SELECT nama_desa, nama_kecamatan FROM village_year WHERE source = $1 ORDER BY source_row', [file])
		);
		expect(names.map((n) => n.nama_desa)).toContain("O'Brien \"Quoted\" ; DROP TABLE village_year; --");
		expect(names.map((n) => n.nama_kecamatan)).toContain("'); DELETE FROM dataset; --");
		expect(names[0]!.nama_desa).toBe('<img src=x onerror="window.__xss=1;alert(1)">');
		const datasets = rowsOf<{ source: string }>(await db.query('SELECT source FROM dataset ORDER BY seq'));
		expect(datasets.map((d) => d.source)).toEqual(['release-2024-way-kanan.csv', file]);
		expect(await wayKanan2024(db)).toBe('47 / 127 / 47 / 0 / 0');
	}, 30_000);
});

describe('a workbook with merged header cells, formulas without saved values and several sheets', () => {
	it('reads IKS, IKE and IKL under the merged "NILAI", and classes the villages from them as the release does', async () => {
		const db = await openNodeDatabase();
		await prepareDatabase(db);
		const file = 'workbook-merged-formulas-sheets.xlsx';
		await loadFileAsSuggested(db, { name: file, blob: new Blob([new Uint8Array(readFileSync(new URL(file, BAD)))]) });
		const scores = rowsOf<{ iks: number; ike: number; ikl: number; idm: number }>(
			await db.query('SELECT count(iks)::INTEGER AS iks, count(ike)::INTEGER AS ike, count(ikl)::INTEGER AS ikl, count(idm)::INTEGER AS idm FROM village_year')
		);
		expect(scores).toEqual([{ iks: 10, ike: 10, ikl: 10, idm: 0 }]);
		const [year] = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '1809', 'resmi')));
		expect([year?.tahun, year?.counts.MANDIRI, year?.counts.MAJU, year?.counts.BERKEMBANG]).toEqual([2024, 7, 2, 1]);
	}, 30_000);
});

describe('cancelling a running load', () => {
	it.each([3, 12, 25])('after its %i-th statement leaves no trace of the file and the earlier data whole', async (statements) => {
		const inner = await withEarlierData();
		const controller = new AbortController();
		let count = 0;
		const db: Database = {
			registerFile: inner.registerFile,
			registerBlob: inner.registerBlob,
			async query(sql, params) {
				if (++count === statements) controller.abort();
				return inner.query(sql, params);
			}
		};
		const file = 'release-2023-line-breaks.csv';
		const [outcome] = await loadFileAsSuggested(db, { name: file, blob: new Blob([new Uint8Array(readFileSync(new URL(file, BAD)))]) }, { signal: controller.signal });
		expect(count).toBeGreaterThanOrEqual(statements);
		expect(outcome).toMatchObject({ outcome: 'failed', reason: 'cancelled' });
		const left = rowsOf<{ source: string }>(await inner.query('SELECT DISTINCT source FROM village_year UNION SELECT source FROM dataset UNION SELECT source FROM load_issue'));
		expect(left.map((l) => l.source)).toEqual(['release-2024-way-kanan.csv']);
		expect(await wayKanan2024(inner)).toBe('47 / 127 / 47 / 0 / 0');
	}, 30_000);
});
