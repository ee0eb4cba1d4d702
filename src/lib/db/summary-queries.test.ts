import { describe, expect, it } from 'vitest';
import { openBundledDatabase, openPanelDatabase } from '../../../tests/helpers/bundled-db';
import type { IndicatorValue } from '../domain/indicators';
import type { StatusCount } from '../domain/status-counts';
import { NATIONAL_FILE } from '../load/bundled';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { statusIndicators, statusIndicatorsWithCounts } from './indicator-queries';
import { statusCountsByYear } from './status-queries';
import { summaryFigures } from './summary-queries';

/** Ringkasan's indicators (from its counts and the movements) equal the indicators' own SQL. */
async function expectSameIndicators(db: Database, area: string, scheme: string) {
	const counts = statusCountsByYear(db, area, scheme).then((table) => rowsOf<StatusCount>(table));
	const fromCounts = await statusIndicatorsWithCounts(db, area, scheme, counts);
	expect(fromCounts, `${area} ${scheme}`).toEqual(rowsOf<IndicatorValue>(await statusIndicators(db, area, scheme)));
	return fromCounts;
}

describe('Ringkasan indicators from its counts', () => {
	it('equal statusIndicators on the bundled data, every area, both schemes', async () => {
		const db = await openBundledDatabase();
		for (const scheme of ['resmi', 'bulat']) {
			for (const area of ['', '16', '18', '62', '63', '1808', '1607', '6311', '6213', '180805', '631101', '18080']) {
				await expectSameIndicators(db, area, scheme);
			}
		}
		const figures = await summaryFigures(db, '1808', 'resmi', NATIONAL_FILE);
		expect(figures.indicators.some((value) => value.dasar === 'villages')).toBe(true);
	}, 60_000);

	it('equal statusIndicators on three years of the synthetic panel, movements per village included', async () => {
		const db = await openPanelDatabase([2016, 2020, 2024]);
		for (const area of ['', '11', '35', '3507', '350819']) {
			for (const scheme of ['resmi', 'bulat']) await expectSameIndicators(db, area, scheme);
		}
		const national = await expectSameIndicators(db, '', 'resmi');
		expect(national.filter((value) => value.dasar === 'villages')).toHaveLength(4);
	}, 60_000);
});
