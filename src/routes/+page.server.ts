import { JSDOM } from 'jsdom';
import { idmDistributionChart } from '$lib/charts/idm-distribution';
import { statusDistributionChart } from '$lib/charts/status-distribution';
import { summaryFigures } from '$lib/db/summary-queries';
import { findScheme } from '$lib/domain/schemes';
import { NATIONAL_FILE } from '$lib/load/bundled';
import { openBundledNodeDatabase } from '$lib/load/bundled-node';
import { DEFAULT_FILTERS } from '$lib/state/filters';
import type { FirstView } from '$lib/views/first-view';
import type { PageServerLoad } from './$types';

// Runs once, at build time: Ringkasan for the default filters over the bundled data, computed by
// the same queries the browser runs (DuckDB's Node build) and its charts drawn to SVG, so the
// first view is in the HTML and does not wait for DuckDB in the browser.
export const prerender = true;

export const load: PageServerLoad = async (): Promise<{ firstView: FirstView }> => ({ firstView: await (firstView ??= computeFirstView()) });

/** Computed once per process: once per build, and once per `npm run dev` rather than per request. */
let firstView: Promise<FirstView> | undefined;

async function computeFirstView(): Promise<FirstView> {
	const { kab, skema, lang } = DEFAULT_FILTERS;
	const db = await openBundledNodeDatabase();
	const { countsTable, ...figures } = await summaryFigures(db, kab, skema, NATIONAL_FILE);
	const { document } = new JSDOM('').window;
	const svg = {
		statusDistribution: statusDistributionChart(countsTable, { lang, document }).outerHTML,
		idmDistribution: figures.scores.values.length > 0 ? idmDistributionChart(figures.scores, findScheme(skema), { lang, document }).outerHTML : null
	};
	return { figures, svg };
}
