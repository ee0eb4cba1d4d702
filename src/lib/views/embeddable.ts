/** The charts a page elsewhere can embed (`/embed/<chart>`), and the view that draws each. */
export const EMBEDDABLE_CHARTS = {
	'status-distribution': 'ringkasan',
	'idm-distribution': 'ringkasan',
	'transition-flow': 'transisi',
	'transition-matrix': 'transisi',
	'kecamatan-heatmap': 'kecamatan',
	'kecamatan-small-multiples': 'kecamatan',
	'component-dots': 'kecamatan',
	'village-trajectory': 'desa'
} as const;

export type EmbeddableChart = keyof typeof EMBEDDABLE_CHARTS;

export function isEmbeddable(name: string): name is EmbeddableChart {
	return Object.hasOwn(EMBEDDABLE_CHARTS, name);
}

/** What the parent page receives whenever the embedded chart's height changes. */
export interface EmbedHeightMessage {
	type: 'idm-embed-height';
	chart: EmbeddableChart;
	height: number;
}
