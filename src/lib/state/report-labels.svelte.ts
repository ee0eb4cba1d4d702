/**
 * What the filter bar shows in words (the area's name, the scheme's label), for the subtitles of
 * exported charts and tables and a table's line for the whole area; the filter bar is the one
 * place that has looked the names up.
 */
export const reportLabels = $state({ area: '', scheme: '' });

export function reportSubtitle(): string {
	return [reportLabels.area, reportLabels.scheme].filter(Boolean).join(' · ');
}
