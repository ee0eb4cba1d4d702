import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export interface Session {
	context: BrowserContext;
	page: Page;
	/** Every URL the page asked for, to prove nothing leaves the site. */
	requests: string[];
	/** Errors thrown in the page or printed to its console. */
	pageErrors: string[];
	close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile. Fails loudly when Chromium is missing: no silent skip.
 * The site's service worker is blocked unless asked for: it answers from its cache, where a test's
 * `page.route` would never see the request (the hosting tests allow it, to test offline use).
 */
export async function openSession(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Session> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
	}
	const profile = mkdtempSync(join(tmpdir(), 'idm-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 900 },
		serviceWorkers: options.serviceWorkers ?? 'block'
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const requests: string[] = [];
	const pageErrors: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('pageerror', (error) => pageErrors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') pageErrors.push(message.text());
	});
	return {
		context,
		page,
		requests,
		pageErrors,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Waits until the page says its charts are drawn by the live view (not the build's first view). */
export async function waitForReady(page: Page): Promise<void> {
	await page.waitForSelector('main[data-ready="true"]:not([data-prerendered])', { timeout: 45_000 });
}

/** The status-count table as `{ year: 'Mandiri / Maju / Berkembang / Tertinggal / Sangat Tertinggal' }`. */
export async function statusCounts(page: Page): Promise<Record<string, string>> {
	return page.$$eval('[data-testid="status-counts"] tr[data-year]', (rows) =>
		Object.fromEntries(
			rows.map((row) => {
				const cell = (status: string) =>
					row.querySelector(`[data-status="${status}"]`)?.textContent?.trim() ?? '?';
				const order = ['MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL'];
				return [row.getAttribute('data-year'), order.map(cell).join(' / ')];
			})
		)
	);
}

/**
 * One Chromium session for a test file: started before its tests, closed after. `open(path)`
 * navigates to a path of the built site and waits for the view to be drawn.
 */
export function useBrowser() {
	const baseUrl = inject('baseUrl');
	let session: Session | undefined;
	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(async () => {
		// Tests serve everything from this machine; a request elsewhere is a CDN, a font or a tracker.
		const elsewhere = session?.requests.filter((url) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|blob:|data:)/.test(url)) ?? [];
		await session?.close();
		if (elsewhere.length > 0) throw new Error(`The page asked another origin: ${elsewhere.join(', ')}`);
	});
	const current = () => {
		if (!session) throw new Error('the browser session is not open');
		return session;
	};
	return {
		baseUrl,
		get session() {
			return current();
		},
		get page() {
			return current().page;
		},
		async open(path: string): Promise<Page> {
			const { page } = current();
			await page.goto(`${baseUrl}${path}`);
			await waitForReady(page);
			return page;
		}
	};
}

export type { Browser };
