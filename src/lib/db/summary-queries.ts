import type { Table } from 'apache-arrow';
import type { IndicatorValue, MeanScoreRow } from '../domain/indicators';
import type { StatusCount } from '../domain/status-counts';
import { latestScores, type LatestScores } from './area-queries';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { meanScores, statusIndicatorsWithCounts } from './indicator-queries';
import { statusCountsByYear } from './status-queries';

/** Everything Ringkasan shows for an area under a scheme. */
export interface SummaryFigures {
	/** The status counts as the chart builder takes them. */
	countsTable: Table;
	counts: StatusCount[];
	means: (MeanScoreRow & { kode: string })[];
	indicators: IndicatorValue[];
	nationalLoaded: boolean;
	/** The IDM scores of the area's latest year with scores, counted. */
	scores: LatestScores;
}

/**
 * Ringkasan's figures, from one set of queries: the view runs them in the browser, the build runs
 * them over the bundled data to prerender the first view, so both show the same numbers.
 */
export async function summaryFigures(db: Database, area: string, schemeId: string, nationalFile: string): Promise<SummaryFigures> {
	const table = statusCountsByYear(db, area, schemeId);
	const rows = table.then((counts) => rowsOf<StatusCount>(counts));
	const [countsTable, counts, means, indicators, national, scores] = await Promise.all([
		table,
		rows,
		meanScores(db, area, 'wilayah'),
		statusIndicatorsWithCounts(db, area, schemeId, rows),
		db.query('SELECT count(*)::INTEGER AS n FROM dataset WHERE source = $1', [nationalFile]),
		latestScores(db, area)
	]);
	return {
		countsTable,
		counts,
		means: rowsOf<MeanScoreRow & { kode: string }>(means),
		indicators,
		nationalLoaded: Number(national.toArray()[0]?.n ?? 0) > 0,
		scores
	};
}
