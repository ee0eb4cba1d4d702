import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadFile, openBundledDatabase, openLongPanelDatabase, openPanelDatabase } from '../../../tests/helpers/bundled-db';
import { readsOf } from '../../../tests/helpers/reads-of';
import { NATIONAL_FILE } from '../load/bundled';
import { parseScheme } from '../domain/schemes';
import { countScores } from '../domain/score-counts';
import { statusYears, type StatusCount } from '../domain/status-counts';
import { insertScheme, removeDataset } from './load-queries';
import { latestScores, transitionFlows, transitionFlowsFromRows } from './area-queries';
import {
	movementByArea,
	movementByAreaFromRows,
	movementByYearPair,
	movementByYearPairFromRows,
	transitionFigures,
	transitionMatrix,
	transitionMatrixFromRows,
	transitionYears,
	transitionYearsFromRows,
	type MovementLevel
} from './transition-queries';
import { rowsOf } from './arrow';
import { buildDerivedTables } from './derived';
import { howKept, type Database } from './database';
import { meanScores, meanScoresFromRows, statusIndicators, statusIndicatorsFromRows } from './indicator-queries';
import { statusCountsByYear, statusCountsFromRows } from './status-queries';

/**
 * Rows of a result, numbers as JSON gives them, in a stable order: a year can have a regency's
 * recap and another's village rows, so (tahun, status) alone does not order every row.
 */
async function rows(result: Promise<import('apache-arrow').Table>) {
	return rowsOf<Record<string, unknown>>(await result)
		.map((row) => JSON.stringify(row))
		.sort()
		.map((row) => JSON.parse(row) as Record<string, unknown>);
}

/** Every pre-aggregated answer of an area equals the same query over its village rows. */
async function expectAggregatesMatchRows(db: Database, area: string, scheme: string) {
	const counts = await rows(statusCountsByYear(db, area, scheme));
	expect(counts).toEqual(await rows(statusCountsFromRows(db, area, scheme)));
	expect(await rows(statusIndicators(db, area, scheme))).toEqual(await rows(statusIndicatorsFromRows(db, area, scheme)));
	expect(await rows(meanScores(db, area, 'wilayah'))).toEqual(await rows(meanScoresFromRows(db, area, 'wilayah')));
	expect(await rows(movementByYearPair(db, area, scheme))).toEqual(await rows(movementByYearPairFromRows(db, area, scheme)));
	expect(await rows(transitionFlows(db, area, scheme))).toEqual(await rows(transitionFlowsFromRows(db, area, scheme)));
	const latest = await latestScores(db, area);
	const fromRows = rowsOf<{ tahun: number; score: number }>(
		await db.query(`SELECT tahun, score FROM village_class($1, '') WHERE score IS NOT NULL ORDER BY tahun DESC, score`, [area])
	);
	expect(latest).toEqual({ tahun: fromRows[0]?.tahun ?? null, ...countScores(fromRows.filter((r) => r.tahun === fromRows[0]?.tahun).map((r) => r.score)) });
	// Any two years, the same year twice, and years without villages (all new, all gone).
	const years = await transitionYears(db, area);
	const first = years[0] ?? 2024;
	const last = years.at(-1) ?? 2024;
	expect(years).toEqual(await transitionYearsFromRows(db, area));
	for (const [from, to] of [[first, last], [last, last], [first - 1, first], [last, last + 1], [last, first]]) {
		await expectTransitionsMatchRows(db, area, scheme, from!, to!);
	}
	return counts;
}

/** The matrix and the movements between two years, alone and in one read, equal them from village rows. */
async function expectTransitionsMatchRows(db: Database, area: string, scheme: string, from: number, to: number) {
	const args = [db, area, scheme, from, to] as const;
	const figures = await transitionFigures(...args);
	const matrix = await rows(transitionMatrixFromRows(...args));
	expect(await rows(transitionMatrix(...args)), `${area} ${scheme} ${from} → ${to}`).toEqual(matrix);
	// In the order the view shows them, which is the SQL's.
	expect(figures.matrix, `${area} ${scheme} ${from} → ${to} counted together`).toEqual(rowsOf(await transitionMatrixFromRows(...args)));
	for (const level of ['kecamatan', 'kabupaten', 'wilayah'] as const) {
		const byArea = await rows(movementByAreaFromRows(...args, level));
		expect(await rows(movementByArea(...args, level)), `${area} ${level} ${from} → ${to}`).toEqual(byArea);
		if (level !== 'kabupaten') expect(figures.byArea[level], `${area} ${level} ${from} → ${to} counted together`).toEqual(rowsOf(await movementByAreaFromRows(...args, level)));
	}
}

describe('pre-aggregated answers on the bundled data', () => {
	let db: Database;
	beforeAll(async () => {
		db = await openBundledDatabase();
	}, 60_000);

	// The nation, the three provinces, the four regencies (Way Kanan with two coded years, the
	// others with one, Balangan with status lists and recaps), and a kecamatan of each.
	const areas = ['', '16', '18', '62', '63', '1808', '1607', '6311', '6213', '180805', '160701', '631101', '621301'];
	it.each(['resmi', 'bulat'])('equal the queries over village rows for every area under the %s scheme', async (scheme) => {
		for (const area of areas) await expectAggregatesMatchRows(db, area, scheme);
		const wayKanan2024 = (await rows(statusCountsByYear(db, '1808', scheme))).filter((row) => row.tahun === 2024);
		expect(wayKanan2024.reduce((sum, row) => sum + Number(row.jumlah), 0)).toBe(221);
	}, 60_000);

	it('are rebuilt when data is added: the national release changes the nation’s counts', async () => {
		const before = await rows(statusCountsByYear(db, '', 'resmi'));
		await loadFile(db, NATIONAL_FILE, new Uint8Array(await readFile(DATA_DIR + NATIONAL_FILE)));
		const after = await expectAggregatesMatchRows(db, '', 'resmi');
		expect(after).not.toEqual(before);
		const mandiri2024 = after.find((row) => row.tahun === 2024 && row.status === 'MANDIRI');
		expect(mandiri2024?.jumlah).toBe(17_203);
	}, 60_000);
});

describe('pre-aggregated answers on three years of the synthetic panel', () => {
	it('equal the queries over village rows, movements along 2016 → 2020 → 2024 included', async () => {
		const db = await openPanelDatabase([2016, 2020, 2024]);
		// 350819 is a kecamatan with two of the sample's villages; 9471 a regency with none of them;
		// 35070320 (a village's first eight digits) is finer than any table keeps: all is read from the village rows.
		for (const area of ['', '11', '35', '3507', '9471', '350819', '35070320']) {
			for (const scheme of ['resmi', 'bulat']) await expectAggregatesMatchRows(db, area, scheme);
		}
		const villagesByYear = async (area: string) =>
			Object.fromEntries(statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, area, 'resmi'))).map((year) => [year.tahun, year.total]));
		// The kecamatan is not empty: one of its two villages is gone by 2024.
		expect(await villagesByYear('350819')).toEqual({ 2016: 2, 2020: 2, 2024: 1 });
		expect(await villagesByYear('9471')).toEqual({});
		// The 2016 and 2020 releases do not name the regency; Transisi names only kecamatan: counted from the paths.
		for (const area of ['', '35', '3507']) expect(await readsOfYearChange(db, area, 'resmi'), area).toEqual(['path_panel']);
		const indicators = rowsOf<{ indikator: string; tahun: number; dasar: string }>(await statusIndicators(db, '', 'resmi'));
		expect(indicators.filter((i) => i.indikator === 'peningkatan-mandiri').map((i) => [i.tahun, i.dasar])).toEqual([
			[2020, 'villages'],
			[2024, 'villages']
		]);
	}, 60_000);

	it('follow a removed year when the pairs or the paths are read before the counts they take their years from', async () => {
		const db = await openPanelDatabase([2016, 2020, 2024]);
		// Straight from the tables, so that no other read (of the counts) comes first.
		const pairs = async () =>
			rowsOf<{ pair: string }>(await db.query(`SELECT DISTINCT dari_tahun || '→' || ke_tahun AS pair FROM pair_agg WHERE area = '' ORDER BY pair`)).map((row) => row.pair);
		const pathYears = async () => rowsOf<{ tahun: number }>(await db.query('SELECT tahun FROM path_year ORDER BY i')).map((row) => row.tahun);
		expect(await pairs()).toEqual(['2016→2020', '2020→2024']);
		expect(await pathYears()).toEqual([2016, 2020, 2024]);
		await removeDataset(db, 'idm-2024-sintetis.csv');
		expect(await pairs()).toEqual(['2016→2020']);
		await removeDataset(db, 'idm-2016-sintetis.csv');
		expect(await pathYears()).toEqual([2020]);
		await expectAggregatesMatchRows(db, '', 'resmi');
	}, 60_000);
});

describe('the merged scores, kept uncompressed, read through or copied in parts', () => {
	const allScores = (db: Database) => rows(db.query('SELECT * FROM village_score'));

	it('are the same rows and answers whether copied or read through from the village rows', async () => {
		const whole = await openPanelDatabase([2016, 2020, 2024]);
		const viewed = await openPanelDatabase([2016, 2020, 2024], { scorePartRows: 1000 });
		const scores = await allScores(whole);
		expect(scores).toHaveLength(4437);
		expect(await allScores(viewed)).toEqual(scores);
		expect(await howKept(whole, 'village_score')).toEqual(['temp:TABLE']);
		// More rows than one part, none of them merged: nothing to copy.
		expect(await howKept(viewed, 'village_score')).toEqual(['temp:VIEW']);
		for (const area of ['', '35', '3507']) await expectAggregatesMatchRows(viewed, area, 'resmi');
	}, 60_000);

	it('copy the few merged village-years and read the rest through, or copy everything in parts where many merge', async () => {
		// The national release has the panel's villages of 2024 again (1,490 of its 1,500 are in 2024): their two rows merge.
		for (const [scorePartRows, kept] of [[5000, 'temp:VIEW'], [1000, 'idm:TABLE']] as const) {
			const db = await openPanelDatabase([2016, 2020, 2024], { scorePartRows });
			await loadFile(db, NATIONAL_FILE, new Uint8Array(await readFile(DATA_DIR + NATIONAL_FILE)));
			const after = await expectAggregatesMatchRows(db, '', 'resmi');
			expect(await howKept(db, 'village_score'), `${scorePartRows} rows a part`).toEqual([kept]);
			expect(Number((await db.query('SELECT count(*) AS n FROM village_several')).toArray()[0].n)).toBe(1490);
			expect(after.find((row) => row.tahun === 2024 && row.status === 'MANDIRI')?.jumlah).toBe(17_203);
			if (kept === 'idm:TABLE') {
				// Without the national file nothing merges: the copy goes, the view comes back.
				await removeDataset(db, NATIONAL_FILE);
				await expectAggregatesMatchRows(db, '', 'resmi');
				expect(await howKept(db, 'village_score')).toEqual(['temp:VIEW']);
			}
		}
	}, 120_000);
});

describe('Transisi between any two years of the ten-year panel as one file', () => {
	/** Pairs of years in and out of 2015–2024: apart, backwards, the same year, all new, all gone. */
	const PAIRS = [[2015, 2024], [2019, 2017], [2020, 2020], [2014, 2015], [2024, 2025], [2016, 2017]] as const;

	it('answers a change of years from the paths, equal to the village rows', async () => {
		const db = await openLongPanelDatabase();
		const userScheme = parseScheme('0.45],0.55),0.7],0.8)')!;
		await insertScheme(db, userScheme);
		for (const area of ['', '35', '3507', '350819']) {
			expect(await readsOfYearChange(db, area, 'resmi'), area).toEqual(['path_panel']);
			for (const [from, to] of PAIRS) await expectTransitionsMatchRows(db, area, 'resmi', from, to);
		}
		for (const scheme of ['bulat', userScheme.id]) {
			for (const area of ['', '350819']) {
				expect(await readsOfYearChange(db, area, scheme), `${area} ${scheme}`).toEqual(['path_panel']);
				for (const [from, to] of PAIRS) await expectTransitionsMatchRows(db, area, scheme, from, to);
			}
		}
		// The classes as published are no scheme the paths know: the village rows answer.
		expect(await readsOfYearChange(db, '', 'terbit')).toEqual(['village_moves', 'village_moves', 'village_moves']);
		for (const [from, to] of PAIRS.slice(0, 2)) await expectTransitionsMatchRows(db, '350819', 'terbit', from, to);
	}, 120_000);

	it('reads the village rows for the names where a kecamatan is not named alike in every village and year', async () => {
		// One village of a kecamatan with others spells its kecamatan its own way in every year;
		// another village's regency is spelt otherwise in one year.
		let renamed = '';
		let respelt = '';
		const db = await openLongPanelDatabase((rows) => {
			const villagesOf = new Map<string, typeof rows>();
			for (const row of rows) villagesOf.set(row.kodeKec, [...(villagesOf.get(row.kodeKec) ?? []), row]);
			const [kecamatan, villages] = [...villagesOf].find(([, v]) => new Set(v.map((row) => row.kodeDesa)).size > 1)!;
			renamed = kecamatan;
			respelt = [...villagesOf.keys()].find((code) => code.slice(0, 4) !== kecamatan.slice(0, 4))!;
			const odd = villages[0]!.kodeDesa;
			const once = villagesOf.get(respelt)![0]!;
			return rows.map((row) =>
				row.kodeDesa === odd
					? { ...row, namaKecamatan: `${row.namaKecamatan} LAMA` }
					: row === once
						? { ...row, namaKabupaten: `KAB. ${row.namaKabupaten}` }
						: row
			);
		});
		for (const area of ['', renamed.slice(0, 4), renamed, respelt.slice(0, 4), respelt]) {
			for (const [from, to] of PAIRS.slice(0, 3)) await expectTransitionsMatchRows(db, area, 'resmi', from, to);
		}
		// The paths (kept by the read cache in the page) say the kecamatan is not named alike: the three reads name it.
		expect(await readsOfYearChange(db, renamed, 'resmi')).toEqual(['path_moves', 'path_moves', 'path_moves', 'path_panel']);
		// Transisi reads no regency's name: the respelt regency is counted from the paths, unless its movements are asked for per regency.
		expect(await readsOfYearChange(db, respelt, 'resmi')).toEqual(['path_panel']);
		const perRegency = (level: MovementLevel) => (recording: Database) => movementByArea(recording, respelt.slice(0, 4), 'resmi', 2015, 2024, level);
		expect(await readsOf(db, perRegency('kabupaten'))).toEqual(['village_moves']);
		expect(await readsOf(db, perRegency('kecamatan'))).toEqual(['path_moves']);
	}, 120_000);
});

/** Which table functions the reads of one change of years (transitionFigures, 2015 → 2024) go through. */
function readsOfYearChange(db: Database, area: string, scheme: string): Promise<string[]> {
	return readsOf(db, (recording) => transitionFigures(recording, area, scheme, 2015, 2024));
}
