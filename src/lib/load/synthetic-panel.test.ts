import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadFile } from '../../../tests/helpers/bundled-db';
import {
	distribution,
	generatePanel,
	panelCsv,
	readRelease,
	releaseCsv,
	YEARS
} from '../../../scripts/synthetic-panel.mjs';
import { rowsOf } from '../db/arrow';
import { openNodeDatabase } from '../db/node';
import { statusCountsByYear } from '../db/status-queries';
import { idmFromComponents } from '../domain/idm';
import { classify, OFFICIAL_SCHEME } from '../domain/schemes';
import { statusYears, type StatusCount } from '../domain/status-counts';
import { prepareDatabase } from './load-file';

type Panel = ReturnType<typeof generatePanel>;
const release = readRelease(readFileSync(`${DATA_DIR}idm-2024-nasional.csv`, 'utf8'));
let panel: Panel;
beforeAll(() => {
	panel = generatePanel(release, { seed: 2015, villages: 2000 });
});

describe('the synthetic national panel (2,000 villages of the 2024 release)', () => {
	it('is the same for the same seed and differs for another', () => {
		expect(panelCsv(generatePanel(release, { seed: 2015, villages: 2000 }))).toBe(panelCsv(panel));
		expect(panelCsv(generatePanel(release, { seed: 7, villages: 2000 }))).not.toBe(panelCsv(panel));
	});

	it('covers 2015–2024 with 10-digit codes, one row per village-year', () => {
		expect([...new Set(panel.map((r) => r.tahun))].sort()).toEqual(YEARS);
		expect(panel.every((r) => /^\d{10}$/.test(r.kodeDesa) && r.kodeDesa.startsWith(r.kodeKec))).toBe(true);
		expect(new Set(panel.map((r) => `${r.kodeDesa}|${r.tahun}`)).size).toBe(panel.length);
		expect(panel.length).toBeGreaterThan(2000 * 9.7);
		expect(panel.length).toBeLessThan(2000 * 10.1);
	});

	it('has scores in [0, 1], IDM the ministry’s mean of the components and the official class of it', () => {
		const scored = panel.filter((r) => r.idm !== null);
		expect(scored.length).toBeGreaterThan(panel.length - 20);
		for (const r of scored) {
			for (const value of [r.iks, r.ike, r.ikl, r.idm]) expect(value).toBeGreaterThanOrEqual(0), expect(value).toBeLessThanOrEqual(1);
			expect(r.idm).toBe(idmFromComponents(r.iks!, r.ike!, r.ikl!));
			expect(r.status).toBe(classify(r.idm, OFFICIAL_SCHEME));
		}
	});

	it('keeps the real 2024 scores', () => {
		const real = new Map(release.map((v) => [v.kodeDesa, v]));
		const rows2024 = panel.filter((r) => r.tahun === 2024);
		for (const r of rows2024) expect([r.iks, r.ike, r.ikl]).toEqual([real.get(r.kodeDesa)!.iks, real.get(r.kodeDesa)!.ike, real.get(r.kodeDesa)!.ikl]);
	});

	it('moves from mostly (Sangat) Tertinggal in 2015 towards Maju and Mandiri in 2024', () => {
		const share = (tahun: number, statuses: string[]) => {
			const year = distribution(panel)[tahun]!;
			const total = Object.values(year).reduce((a, b) => a + b, 0);
			return statuses.reduce((sum, s) => sum + (year[s] ?? 0), 0) / total;
		};
		expect(share(2015, ['SANGAT TERTINGGAL', 'TERTINGGAL'])).toBeGreaterThan(0.55);
		expect(share(2015, ['MANDIRI'])).toBeLessThan(0.01);
		expect(share(2024, ['MAJU', 'MANDIRI'])).toBeGreaterThan(0.5);
		const minimalMaju = YEARS.map((y) => share(y, ['MAJU', 'MANDIRI']));
		expect(minimalMaju.every((s, i) => i === 0 || s > minimalMaju[i - 1]! - 0.01)).toBe(true);
	});

	it('is untidy like the releases: missing years, villages new in later years, villages merged away', () => {
		const years = new Map<string, number[]>();
		for (const r of panel) years.set(r.kodeDesa, [...(years.get(r.kodeDesa) ?? []), r.tahun]);
		const histories = [...years.values()];
		expect(histories.filter((y) => Math.min(...y) > 2015).length).toBeGreaterThan(10);
		expect(histories.filter((y) => Math.max(...y) < 2024).length).toBeGreaterThan(3);
		expect(histories.filter((y) => y.length < Math.max(...y) - Math.min(...y) + 1).length).toBeGreaterThan(50);
	});

	it('writes releases the loader recognises, and DuckDB counts what the generator classed', async () => {
		const db = await openNodeDatabase();
		await prepareDatabase(db);
		await loadFile(db, 'idm-2016-sintetis.csv', new TextEncoder().encode(releaseCsv(2016, panel)));
		await loadFile(db, 'idm-2024-sintetis.csv', new TextEncoder().encode(releaseCsv(2024, panel)));
		const counted = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '', 'resmi')));
		expect(counted.map((y) => y.tahun)).toEqual([2016, 2024]);
		for (const year of counted) expect(year.counts).toEqual(distribution(panel)[year.tahun]);
	}, 30_000);
});
