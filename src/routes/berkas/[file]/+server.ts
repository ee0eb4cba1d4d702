import { readFile } from 'node:fs/promises';
import { error } from '@sveltejs/kit';
import { BUNDLED_DATASETS, NATIONAL_FILE } from '$lib/load/bundled';
import type { EntryGenerator, RequestHandler } from './$types';

/** The bundled CSVs, copied from data/ into the static build as /berkas/<file>. */
export const prerender = true;

const FILES = [...BUNDLED_DATASETS.map(({ file }) => file), NATIONAL_FILE];

export const entries: EntryGenerator = () => FILES.map((file) => ({ file }));

export const GET: RequestHandler = async ({ params }) => {
	const file = FILES.find((name) => name === params.file);
	if (!file) error(404, `not a bundled file: ${params.file}`);
	const body = await readFile(`data/${file}`);
	return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
