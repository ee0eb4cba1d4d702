import type { SummaryFigures } from '$lib/db/summary-queries';

/**
 * Ringkasan for the default filters, computed and drawn at build time (routes/+page.server.ts):
 * shown until DuckDB answers in the browser.
 */
export interface FirstView {
	figures: Omit<SummaryFigures, 'countsTable'>;
	svg: { statusDistribution: string; idmDistribution: string | null };
}
