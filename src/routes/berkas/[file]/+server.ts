import { readFile } from 'node:fs/promises';
import { error } from '@sveltejs/kit';
import { BUNDLED_DATASETS } from '$lib/load/bundled';
import type { EntryGenerator, RequestHandler } from './$types';

/** The bundled CSVs, copied from data/ into the static build as /berkas/<file>. */
export const prerender = true;

export const entries: EntryGenerator = () => BUNDLED_DATASETS.map(({ file }) => ({ file }));

export const GET: RequestHandler = async ({ params }) => {
	const dataset = BUNDLED_DATASETS.find(({ file }) => file === params.file);
	if (!dataset) error(404, `not a bundled file: ${params.file}`);
	const body = await readFile(`data/${dataset.file}`);
	return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
