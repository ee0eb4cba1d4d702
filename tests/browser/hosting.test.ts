import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { openSession, statusCounts, waitForReady, type Session } from './chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** `npm run build:subpath` builds the site for this sub-path, as GitHub Pages serves a project. */
const BASE = '/idm-dasbor';

let session: Session;
beforeAll(async () => {
	session = await openSession({ serviceWorkers: 'allow' });
	// Every Content-Security-Policy violation the pages report, from the first script on.
	await session.context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
});
afterAll(async () => {
	await session?.close();
});

const violations = () => session.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('a static host under a sub-path', () => {
	let host: StaticServer;
	beforeAll(async () => {
		if (!existsSync(`${ROOT}build-subpath/index.html`)) throw new Error('No build-subpath/: run `npm run build:subpath` (`npm test` does).');
		host = await serveStatic(`${ROOT}build-subpath`, BASE);
	});
	afterAll(async () => {
		await host?.close();
	});

	it('serves and draws under the sub-path, asking nothing of the root or another origin', async () => {
		const { page } = session;
		const wasm: string[] = [];
		page.on('response', (response) => {
			if (response.url().endsWith('.wasm')) wasm.push(response.headers()['content-type'] ?? '');
		});
		await page.goto(`${host.origin}${BASE}/?kab=6311`);
		await waitForReady(page);
		expect((await statusCounts(page))['2022']).toBe('7 / 96 / 50 / 0 / 1');
		await page.click('nav.views a[href*="/transisi"]');
		// The old view stays drawn until the new one's code is in: wait for the move, then the drawing.
		await page.waitForURL((url) => url.pathname === `${BASE}/transisi`);
		await waitForReady(page);
		expect(new URL(page.url()).pathname).toBe(`${BASE}/transisi`);
		const stray = session.requests.filter((url) => !url.startsWith(`${host.origin}${BASE}/`) && !/^(blob|data):/.test(url));
		expect(stray).toEqual([]);
		expect(wasm).toEqual(['application/wasm']);
		expect(await violations()).toEqual([]);
	});

	it('carries a strict Content Security Policy in every page', async () => {
		const { page } = session;
		for (const path of ['/', '/cetak', '/embed/status-distribution']) {
			await page.goto(`${host.origin}${BASE}${path}`);
			const policy = await page.$eval('meta[http-equiv="content-security-policy"]', (meta) => meta.getAttribute('content') ?? '');
			expect(policy).toContain("default-src 'self'");
			expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
			expect(policy).not.toContain('unsafe-eval');
			expect(policy).toContain("object-src 'none'");
		}
		// The policy blocks what it should: a script from another origin never runs.
		const blocked = await page.evaluate(
			() =>
				new Promise<boolean>((resolve) => {
					const script = document.createElement('script');
					script.src = 'https://cdn.example.org/x.js';
					script.onerror = () => resolve(true);
					script.onload = () => resolve(false);
					document.head.append(script);
				})
		);
		expect(blocked).toBe(true);
		expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
	});

	it('opens offline after the first visit', async () => {
		const { page } = session;
		const origin = host.origin;
		await page.goto(`${origin}${BASE}/?kab=6311`);
		await waitForReady(page);
		// The service worker has taken the page and kept the app, the data and DuckDB's files.
		await page.waitForFunction(async () => {
			if (!navigator.serviceWorker.controller) return false;
			const keys = await Promise.all((await caches.keys()).map(async (name) => (await caches.open(name)).keys()));
			const urls = keys.flat().map((r) => r.url);
			return urls.some((u) => u.endsWith('.wasm')) && urls.some((u) => u.includes('/berkas/'));
		}, null, { timeout: 60_000, polling: 500 });
		await host.close();
		await page.goto(`${origin}${BASE}/kecamatan?kab=1808`);
		await waitForReady(page);
		expect(await page.locator('[data-testid="chart-kecamatan-heatmap"] svg').count()).toBe(1);
		await page.goto(`${origin}${BASE}/?kab=6311`);
		await waitForReady(page);
		expect((await statusCounts(page))['2017']).toBe('0 / 0 / 18 / 109 / 27');
	});
});
