import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadFile, openBundledDatabase, openPanelDatabase } from '../../../tests/helpers/bundled-db';
import { NATIONAL_FILE } from '../load/bundled';
import { latestScores, transitionFlows, transitionFlowsFromRows } from './area-queries';
import {
	movementByArea,
	movementByAreaFromRows,
	movementByYearPair,
	movementByYearPairFromRows,
	transitionMatrix,
	transitionMatrixFromRows,
	transitionYears
} from './transition-queries';
import { rowsOf } from './arrow';
import type { Database } from './database';
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
	expect(latest.values).toEqual(fromRows.filter((r) => r.tahun === fromRows[0]?.tahun).map((r) => r.score));
	// Any two years, the same year twice, and years without villages (all new, all gone).
	const years = await transitionYears(db, area);
	const first = years[0] ?? 2024;
	const last = years.at(-1) ?? 2024;
	for (const [from, to] of [[first, last], [last, last], [first - 1, first], [last, last + 1], [last, first]]) {
		const args = [db, area, scheme, from!, to!] as const;
		expect(await rows(transitionMatrix(...args))).toEqual(await rows(transitionMatrixFromRows(...args)));
		for (const level of ['kecamatan', 'kabupaten'] as const) {
			expect(await rows(movementByArea(...args, level))).toEqual(await rows(movementByAreaFromRows(...args, level)));
		}
	}
	return counts;
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
		for (const area of ['', '11', '35', '3507', '9471', '350701']) {
			for (const scheme of ['resmi', 'bulat']) await expectAggregatesMatchRows(db, area, scheme);
		}
		const indicators = rowsOf<{ indikator: string; tahun: number; dasar: string }>(await statusIndicators(db, '', 'resmi'));
		expect(indicators.filter((i) => i.indikator === 'peningkatan-mandiri').map((i) => [i.tahun, i.dasar])).toEqual([
			[2020, 'villages'],
			[2024, 'villages']
		]);
	}, 60_000);
});
