import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDataFile, fileNameOf, isDataUrl, originOf, RemoteFileError } from './remote';

let server: Server;
let origin: string;
const hanging = new Set<ServerResponse>();
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
	server = createServer((request, response) => {
		switch (request.url) {
			case '/ok.csv':
				return response.writeHead(200, { 'content-type': 'text/csv' }).end('KODE_DESA,IDM\n1809012007,0.9048\n');
			case '/page':
				return response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
			case '/page-as-text.csv':
				return response.writeHead(200, { 'content-type': 'text/plain' }).end('<!DOCTYPE html><html><body>Login</body></html>');
			case '/peta.png':
				return response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
			case '/peta-as-csv.csv':
				return response.writeHead(200, { 'content-type': 'text/csv' }).end(PNG);
			case '/huge.csv':
				response.writeHead(200, { 'content-type': 'text/csv', 'content-length': '2147483648' }).write('KODE_DESA\n');
				hanging.add(response);
				return;
			case '/slow.csv':
				hanging.add(response);
				return;
			default:
				response.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	for (const response of hanging) response.destroy();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

async function failure(path: string, signal?: AbortSignal, timeoutMs?: number) {
	try {
		await fetchDataFile(path.includes(':') ? path : origin + path, signal, timeoutMs);
	} catch (error) {
		if (error instanceof RemoteFileError) return [error.reason, error.status ?? error.detail ?? null];
		throw error;
	}
	throw new Error(`${path} was fetched`);
}

describe('fetching a ?data= address', () => {
	it('gives the bytes of a data file', async () => {
		expect(new TextDecoder().decode(await fetchDataFile(`${origin}/ok.csv`))).toBe('KODE_DESA,IDM\n1809012007,0.9048\n');
	});

	it.each([
		['/tidak-ada.csv', ['http-error', 404]],
		['/page', ['not-data', null]],
		['/page-as-text.csv', ['not-data', null]],
		['/peta.png', ['image', null]],
		['/peta-as-csv.csv', ['image', null]],
		['/huge.csv', ['too-large', { size: 2_147_483_648, limit: 100_000_000 }]],
		['javascript:alert(1)', ['not-http', null]],
		['file:///etc/passwd', ['not-http', null]],
		['data:text/csv,KODE_DESA', ['not-http', null]]
	])('%s is refused as %j', async (path, expected) => {
		expect(await failure(path)).toEqual(expected);
	});

	it('gives up on a server that does not answer: at the timeout, or at once when cancelled', async () => {
		expect(await failure('/slow.csv', undefined, 50)).toEqual(['timeout', null]);
		const controller = new AbortController();
		const cancelled = failure('/slow.csv', controller.signal);
		controller.abort();
		expect(await cancelled).toEqual(['cancelled', null]);
	});

	it('names where data comes from, and which file', () => {
		expect(originOf('https://bappeda.example.go.id:8443/data/idm%202024.csv?v=2')).toBe('https://bappeda.example.go.id:8443');
		expect(fileNameOf('https://bappeda.example.go.id:8443/data/idm%202024.csv?v=2')).toBe('idm 2024.csv');
		expect(fileNameOf('https://example.org/data/%E0%A4%A.csv')).toBe('%E0%A4%A.csv');
		expect(isDataUrl('javascript:alert(1)')).toBe(false);
	});
});
