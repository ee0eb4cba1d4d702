import { error } from '@sveltejs/kit';
import { EMBEDDABLE_CHARTS, isEmbeddable } from '$lib/views/embeddable';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => Object.keys(EMBEDDABLE_CHARTS).map((chart) => ({ chart }));

export const load: PageLoad = ({ params }) => {
	if (!isEmbeddable(params.chart)) error(404, `No chart named ${params.chart}`);
	return { chart: params.chart };
};
