import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** The types a static host must send; DuckDB's wasm needs `application/wasm` to stream-compile. */
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8'
};

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/**
 * A plain static host, as GitHub Pages is: serves `root` under `base`, `/x` from `x.html`, and
 * `extra` pages by path (a page of another site, for the embed test).
 */
export async function serveStatic(root: string, base = '', extra: Record<string, string> = {}): Promise<StaticServer> {
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		if (extra[path] !== undefined) {
			response.writeHead(200, { 'content-type': TYPES['.html'] });
			response.end(extra[path]);
			return;
		}
		if (!path.startsWith(`${base}/`)) {
			response.writeHead(404).end();
			return;
		}
		const relative = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
		const candidates = [relative, `${relative}.html`, join(relative, 'index.html')].map((p) => join(root, p));
		const file = candidates.find((p) => existsSync(p) && statSync(p).isFile());
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
