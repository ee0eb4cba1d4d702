import { startStaticServer } from '../../scripts/bench/static-server.mjs';

export interface StaticServer {
	origin: string;
	close(): Promise<unknown>;
}

/**
 * A plain static host, as GitHub Pages is (the benchmark's own server): serves `root` under
 * `base`, `/x` from `x.html`, `.wasm` as `application/wasm`, and `extra` pages by path (a page of
 * another site, for the embed test).
 */
export async function serveStatic(root: string, base = '', extra: Record<string, string> = {}): Promise<StaticServer> {
	const pages = Object.fromEntries(Object.entries(extra).map(([path, html]) => [path, { type: 'text/html; charset=utf-8', body: Buffer.from(html) }]));
	const server = await startStaticServer(root, pages, base);
	return { origin: server.url, close: server.close };
}
