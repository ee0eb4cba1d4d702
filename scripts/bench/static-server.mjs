// The static host the benchmark measures against: serves build/ as a static host would (gzip for
// text and wasm, immutable caching for hashed assets, ETag revalidation for the rest) and counts
// the bytes it sends, so "bytes transferred" includes the worker's wasm fetch too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain'
};
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.csv', '.svg', '.wasm', '.txt']);

/**
 * @param {string} root
 * @param {Record<string, { type: string, body: Buffer }>} extra pages of the benchmark's own
 * @param {string} base the sub-path the site is built for (`BASE_PATH`), '' at the root
 */
export async function startStaticServer(root, extra = {}, base = '') {
	let sent = 0;
	/** @type {string[]} */
	let requested = [];
	/** @type {Map<string, { body: Buffer, gzip: Buffer | null, etag: string, type: string }>} */
	const cache = new Map();

	/** @param {string} pathname */
	function resolveFile(pathname) {
		const clean = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
		for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
			const file = join(root, candidate);
			if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
		}
		return null;
	}

	/** @param {string} file */
	function load(file) {
		let entry = cache.get(file);
		if (!entry) {
			const body = readFileSync(file);
			const ext = extname(file);
			entry = {
				body,
				gzip: COMPRESSED.has(ext) ? gzipSync(body) : null,
				etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
				type: TYPES[ext] ?? 'application/octet-stream'
			};
			cache.set(file, entry);
		}
		return entry;
	}

	const server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		requested.push(pathname);
		const own = extra[pathname];
		if (own) {
			response.writeHead(200, { 'content-type': own.type, 'cache-control': 'no-store' }).end(own.body);
			sent += own.body.length;
			return;
		}
		const file = pathname.startsWith(`${base}/`) ? resolveFile(pathname.slice(base.length)) : null;
		if (!file) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const entry = load(file);
		const headers = {
			'content-type': entry.type,
			etag: entry.etag,
			'cache-control': pathname.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		};
		if (request.headers['if-none-match'] === entry.etag) {
			response.writeHead(304, headers).end();
			return;
		}
		const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		const body = gzip && entry.gzip ? entry.gzip : entry.body;
		response.writeHead(200, { ...headers, 'content-length': body.length, ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) });
		response.end(request.method === 'HEAD' ? undefined : body);
		sent += body.length;
	});
	await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		bytes: () => sent,
		requests: () => requested,
		resetBytes() {
			sent = 0;
			requested = [];
		},
		close: () =>
			new Promise((done) => {
				server.close(() => done(undefined));
				// Kept-alive connections would hold the server open; a test closes it to go offline.
				server.closeAllConnections();
			})
	};
}
