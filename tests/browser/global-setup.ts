import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}

/** Serves the built site (`npm run build`) the way `npm start` does, on a free local port. */
export default async function setup(project: TestProject) {
	if (!existsSync(`${ROOT}build/index.html`)) {
		throw new Error('No build/ to test: run `npm run build` first (`npm test` does).');
	}
	const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
	const url = server.resolvedUrls?.local[0];
	if (!url) throw new Error('vite preview did not report its address');
	project.provide('baseUrl', url.replace(/\/$/, ''));
	return async () => {
		await server.close();
	};
}
