// npm run bench: builds the site, serves build/ locally, drives headless Debian Chromium over fresh
// profiles several times and prints one JSON report (also saved to bench/last-report.json) with
// the median and spread of what issue 7 asks for. Never part of `npm test`: timings are reported,
// never asserted.
//
//   node scripts/bench.mjs [--runs 3] [--changes 60] [--no-build] [--skip-naive] [--skip-changes]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from './bench/static-server.mjs';
import { startMemoryProbe } from './bench/memory.mjs';
import { INSTRUMENT, changeSelect, navigateAndDraw } from './bench/page-probes.mjs';
import { NAIVE_PAGE } from './bench/naive.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(ROOT, 'build');
const SYNTHETIC = join(ROOT, 'data/synthetic');
const NATIONAL = join(ROOT, 'data/idm-2024-nasional.csv');
const PANEL = join(SYNTHETIC, 'idm-2015-2024-sintetis.csv');
/** The same panel as the ten yearly releases the ministry publishes, chosen together. */
const YEARLY = Array.from({ length: 10 }, (_, i) => join(SYNTHETIC, `idm-${2015 + i}-sintetis.csv`));
const LONG = 600_000;

const argv = process.argv.slice(2);
/** @param {string} name @param {number} fallback */
const numberArg = (name, fallback) => {
	const at = argv.indexOf(name);
	return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const RUNS = numberArg('--runs', 3);
const CHANGES = numberArg('--changes', 60);

/** @param {string} message */
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function build() {
	if (argv.includes('--no-build') && existsSync(join(BUILD, 'index.html'))) return;
	log('vite build');
	const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error('vite build failed');
}

function ensureSynthetic() {
	if (existsSync(PANEL)) return;
	log('generating the synthetic panel (npm run data:synthetic)');
	const result = spawnSync(process.execPath, [join(ROOT, 'scripts/synthetic-panel.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error('synthetic panel generation failed');
}

/** @param {string} dir @returns {string[]} */
function walk(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * gzip sizes of the app's JavaScript: everything, and everything but DuckDB's own (its worker
 * files, and the chunk Vite put duckdb-wasm's client in, found by an API name only it defines),
 * and what `/` loads before anything is asked.
 */
function javascriptSizes() {
	const files = walk(join(BUILD, '_app')).filter((file) => file.endsWith('.js'));
	const gz = (/** @type {string} */ file) => gzipSync(readFileSync(file)).length;
	const isDuckdb = (/** @type {string} */ file) => /duckdb/i.test(file) || readFileSync(file, 'utf8').includes('registerFileBuffer');
	const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
	const initial = [...html.matchAll(/(?:href|import\()\s*=?\s*"([^"]+\.js)"/g)].map((m) => join(BUILD, m[1].replace(/^(\.\.?\/)+|^\//, '')));
	const wasm = walk(join(BUILD, '_app')).filter((file) => file.endsWith('.wasm'));
	const sum = (/** @type {string[]} */ list) => list.reduce((total, file) => total + gz(file), 0);
	return {
		appJsGzipBytes: sum(files.filter((file) => !isDuckdb(file))),
		allJsGzipBytes: sum(files),
		duckdbJsGzipBytes: sum(files.filter(isDuckdb)),
		firstViewJsGzipBytes: sum([...new Set(initial)].filter((file) => existsSync(file))),
		duckdbWasmFiles: wasm.map((file) => ({ file: file.slice(BUILD.length), bytes: statSync(file).size, gzipBytes: gz(file) }))
	};
}

/** @param {number[]} values */
function stats(values) {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const q = (/** @type {number} */ p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? sorted[0];
	const round = (/** @type {number} */ v) => Math.round(v * 10) / 10;
	return { median: round(median(sorted)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), p95: round(/** @type {number} */ (q(0.95))), n: sorted.length, values: sorted.length <= 10 ? sorted.map(round) : undefined };
}

/** @param {number[]} sorted */
function median(sorted) {
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

/** A fresh Chromium profile, its memory watched from /proc. */
async function openBrowser() {
	const profile = mkdtempSync(join(tmpdir(), 'idm-bench-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 900 }
	});
	await context.addInitScript(INSTRUMENT);
	const page = context.pages()[0] ?? (await context.newPage());
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (error) => errors.push(error.message));
	const memory = startMemoryProbe(profile);
	return {
		page,
		errors,
		memory,
		async close() {
			memory.stop();
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
async function firstView(page, url) {
	await page.goto(url, { waitUntil: 'commit' });
	// Drawn (from the HTML), then live: DuckDB open, the bundled data in it, the live view drawn.
	await page.waitForFunction(
		() => performance.getEntriesByName('idm:bundled-loaded').length > 0 && document.querySelector('main[data-ready="true"]:not([data-prerendered])'),
		null,
		{ timeout: LONG, polling: 50 }
	);
	return page.evaluate(() => {
		const mark = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
		const b = /** @type {any} */ (window).__bench.marks;
		return { firstChart: b.firstChart ?? null, ready: b.ready ?? null, live: b.live ?? null, duckdbReady: mark('idm:duckdb-ready'), bundledLoaded: mark('idm:bundled-loaded') };
	});
}

/**
 * Chooses files in the Data view's file input, waits for them to load, then opens the national
 * summary (a client-side navigation, as a click on a link) and waits for its charts.
 * @param {import('playwright-core').Page} page @param {string} baseUrl @param {string | string[]} files
 */
async function loadFile(page, baseUrl, files) {
	await page.goto(`${baseUrl}/data`);
	await page.waitForSelector('main[data-ready="true"]', { timeout: LONG });
	await page.setInputFiles('[data-testid="file-input"]', files);
	for (const file of [files].flat()) {
		await page.waitForSelector(`[data-testid="datasets"] tr[data-source="${file.split('/').pop()}"]`, { timeout: LONG });
	}
	const loaded = await page.evaluate(() => performance.now());
	const drawn = await page.evaluate(navigateAndDraw, '/?kab=nasional');
	const chosen = await page.evaluate(() => /** @type {any} */ (window).__bench.marks.fileChosen);
	return { loadedMs: loaded - chosen, allChartsMs: drawn - chosen };
}

/**
 * ≥ 50 filter changes on the loaded panel: areas and schemes on Ringkasan, years and areas on
 * Transisi, each timed from the change to `data-ready` true again.
 * @param {import('playwright-core').Page} page @param {string} baseUrl
 */
async function filterChanges(page, baseUrl) {
	/** @type {{ kind: string, ms: number }[]} */
	const timings = [];
	const areas = await page.$$eval('[data-testid="regency"] option', (options) => options.map((o) => /** @type {HTMLOptionElement} */ (o).value));
	const provinces = areas.filter((a) => a.length === 2);
	const regencies = areas.filter((a) => a.length === 4);
	const picks = [...provinces.filter((_, i) => i % 3 === 0), ...regencies.filter((_, i) => i % 40 === 0)];
	// Ringkasan takes most changes, Transisi's years the rest.
	const summaryChanges = Math.max(50, CHANGES - 10);
	for (let i = 0; timings.length < summaryChanges; i++) {
		if (i % 4 === 3) {
			const scheme = await page.$eval('[data-testid="scheme"]', (s) => /** @type {HTMLSelectElement} */ (s).value);
			timings.push({ kind: 'scheme', ms: await page.evaluate(changeSelect, { testid: 'scheme', value: scheme === 'resmi' ? 'bulat' : 'resmi' }) });
		} else {
			const area = i % 8 === 0 ? '' : /** @type {string} */ (picks[i % picks.length]);
			const current = await page.$eval('[data-testid="regency"]', (s) => /** @type {HTMLSelectElement} */ (s).value);
			if (current === area) continue;
			timings.push({ kind: 'area', ms: await page.evaluate(changeSelect, { testid: 'regency', value: area }) });
		}
	}
	timings.push(...(await yearChanges(page, CHANGES - timings.length)));
	return timings;
}

/**
 * `count` changes of the years compared on the national Transisi, each timed as a filter change.
 * @param {import('playwright-core').Page} page @param {number} count
 */
async function yearChanges(page, count) {
	/** @type {{ kind: string, ms: number }[]} */
	const timings = [];
	await page.evaluate(navigateAndDraw, '/transisi?kab=nasional');
	const years = (await page.$$eval('[data-testid="from-year"] option', (options) => options.map((o) => Number(/** @type {HTMLOptionElement} */ (o).value)))).sort();
	for (let i = 0; timings.length < count && years.length > 2; i++) {
		// A from-year before the to-year, or a to-year after the from-year, never the current one.
		const from = Number(await page.$eval('[data-testid="from-year"]', (s) => /** @type {HTMLSelectElement} */ (s).value));
		const to = Number(await page.$eval('[data-testid="to-year"]', (s) => /** @type {HTMLSelectElement} */ (s).value));
		const testid = i % 2 === 0 ? 'from-year' : 'to-year';
		const choices = testid === 'from-year' ? years.filter((y) => y < to && y !== from) : years.filter((y) => y > from && y !== to);
		const value = choices[i % Math.max(1, choices.length)];
		if (value === undefined) continue;
		timings.push({ kind: 'years', ms: await page.evaluate(changeSelect, { testid, value: String(value) }) });
	}
	return timings;
}

/** @param {import('playwright-core').Page} page @param {string} baseUrl */
async function naiveLoad(page, baseUrl) {
	await page.goto(`${baseUrl}/__bench/naive.html`);
	await page.setInputFiles('#file', PANEL);
	await page.waitForFunction(() => /** @type {any} */ (window).naiveResult, null, { timeout: LONG, polling: 500 });
	return page.evaluate(() => /** @type {any} */ (window).naiveResult);
}

async function main() {
	build();
	ensureSynthetic();
	const server = await startStaticServer(BUILD, {
		'/__bench/naive.html': { type: 'text/html; charset=utf-8', body: Buffer.from(NAIVE_PAGE) },
		'/__bench/papaparse.min.js': { type: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules/papaparse/papaparse.min.js')) }
	});
	log(`serving ${BUILD} at ${server.url}`);
	/** @type {Record<string, number[]>} */
	const series = {};
	const add = (/** @type {string} */ name, /** @type {number | null | undefined} */ value) => {
		if (typeof value === 'number') (series[name] ??= []).push(value);
	};
	/** @type {{ kind: string, ms: number }[]} */
	const changes = [];
	/** @type {number[]} */
	const runP95 = [];
	/** @type {string[]} */
	const pageErrors = [];
	let userAgent = '';
	try {
		for (let run = 1; run <= RUNS; run++) {
			// 1. The bundled data's first view, cold then warm, and a 75k-row release.
			let browser = await openBrowser();
			try {
				userAgent = await browser.page.evaluate(() => navigator.userAgent);
				server.resetBytes();
				const cold = await firstView(browser.page, `${server.url}/`);
				add('bytes.coldFirstView', server.bytes());
				add('wasmRequests.coldFirstView', server.requests().filter((r) => r.endsWith('.wasm')).length);
				server.resetBytes();
				const warm = await firstView(browser.page, `${server.url}/`);
				add('bytes.warmFirstView', server.bytes());
				for (const [phase, figures] of Object.entries({ cold, warm })) {
					add(`firstChart.${phase}`, figures.firstChart);
					add(`allChartsBundled.${phase}`, figures.ready);
					add(`liveViewBundled.${phase}`, figures.live);
					add(`duckdbReady.${phase}`, figures.duckdbReady);
					add(`bundledDataInDuckdb.${phase}`, figures.bundledLoaded);
				}
				log(`run ${run}: first chart cold ${cold.firstChart?.toFixed(0)} ms, warm ${warm.firstChart?.toFixed(0)} ms; DuckDB ready ${cold.duckdbReady?.toFixed(0)} ms`);
				const national = await loadFile(browser.page, server.url, NATIONAL);
				add('load75k.allCharts', national.allChartsMs);
				add('load75k.loaded', national.loadedMs);
				log(`run ${run}: 75k file → all charts ${national.allChartsMs.toFixed(0)} ms`);
			} finally {
				pageErrors.push(...browser.errors);
				await browser.close();
			}
			// 2. The 750k-row panel in a fresh profile (a stored 75k file would be restored otherwise).
			browser = await openBrowser();
			try {
				const panel = await loadFile(browser.page, server.url, PANEL);
				add('load750k.allCharts', panel.allChartsMs);
				add('load750k.loaded', panel.loadedMs);
				log(`run ${run}: 750k file → all charts ${panel.allChartsMs.toFixed(0)} ms (peak so far ${(browser.memory.peak().pss / 2 ** 20).toFixed(0)} MiB)`);
				const timings = argv.includes('--skip-changes') ? [] : await filterChanges(browser.page, server.url);
				changes.push(...timings);
				runP95.push(percentile(timings.map((t) => t.ms), 0.95));
				log(`run ${run}: ${timings.length} filter changes, p50 ${percentile(timings.map((t) => t.ms), 0.5).toFixed(0)} ms, p95 ${percentile(timings.map((t) => t.ms), 0.95).toFixed(0)} ms`);
				add('memory750k.peakPssBytes', browser.memory.peak().pss);
				add('memory750k.peakRssBytes', browser.memory.peak().rss);
			} finally {
				pageErrors.push(...browser.errors);
				await browser.close();
			}
			// 3. The same panel as ten yearly releases chosen together, and Transisi's years over them.
			browser = await openBrowser();
			try {
				const yearly = await loadFile(browser.page, server.url, YEARLY);
				add('loadYearly.allCharts', yearly.allChartsMs);
				add('loadYearly.loaded', yearly.loadedMs);
				const years = (await yearChanges(browser.page, 10)).map((t) => t.ms);
				add('yearlyYearChange.p50', percentile(years, 0.5));
				add('yearlyYearChange.p95', percentile(years, 0.95));
				log(`run ${run}: ten yearly files → all charts ${yearly.allChartsMs.toFixed(0)} ms; Transisi year change p50 ${percentile(years, 0.5).toFixed(0)} ms`);
			} finally {
				pageErrors.push(...browser.errors);
				await browser.close();
			}
			// 4. The naive path over the same file, in the same run, in its own profile.
			if (!argv.includes('--skip-naive')) {
				browser = await openBrowser();
				try {
					const naive = await naiveLoad(browser.page, server.url);
					add('naive750k.ms', naive.ms);
					add('naive750k.peakPssBytes', browser.memory.peak().pss);
					log(`run ${run}: naive PapaParse path ${naive.ms.toFixed(0)} ms, peak ${(browser.memory.peak().pss / 2 ** 20).toFixed(0)} MiB`);
				} finally {
					await browser.close();
				}
			}
		}
	} finally {
		await server.close();
	}
	const summary = Object.fromEntries(Object.entries(series).map(([name, values]) => [name, stats(values)]));
	const ms = changes.map((c) => c.ms);
	const byKind = Object.fromEntries(
		[...new Set(changes.map((c) => c.kind))].map((kind) => {
			const values = changes.filter((c) => c.kind === kind).map((c) => c.ms);
			return [kind, { n: values.length, p50: round1(percentile(values, 0.5)), p95: round1(percentile(values, 0.95)) }];
		})
	);
	const m = (/** @type {string} */ name) => summary[name]?.median ?? NaN;
	const report = {
		generatedAt: new Date().toISOString(),
		machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? userAgent },
		runs: RUNS,
		unit: 'milliseconds from navigation (first view) or from choosing the file (loads); bytes as sent by the server (gzip where a host would)',
		firstChartOfBundledData: { cold: summary['firstChart.cold'], warm: summary['firstChart.warm'] },
		allChartsOfBundledData: { cold: summary['allChartsBundled.cold'], warm: summary['allChartsBundled.warm'] },
		liveViewOfBundledData: { cold: summary['liveViewBundled.cold'], warm: summary['liveViewBundled.warm'] },
		duckdbReady: { cold: summary['duckdbReady.cold'], warm: summary['duckdbReady.warm'] },
		bundledDataInDuckdb: { cold: summary['bundledDataInDuckdb.cold'], warm: summary['bundledDataInDuckdb.warm'] },
		fileToAllCharts: {
			national2024_75k: summary['load75k.allCharts'],
			synthetic2015to2024_750k: summary['load750k.allCharts'],
			loadedOnly75k: summary['load75k.loaded'],
			loadedOnly750k: summary['load750k.loaded'],
			tenYearlyFiles750k: summary['loadYearly.allCharts'],
			loadedOnlyTenYearlyFiles: summary['loadYearly.loaded']
		},
		yearChangeOverTenYearlyFiles: { p50: summary['yearlyYearChange.p50'], p95: summary['yearlyYearChange.p95'] },
		filterChangeAt750k: { n: ms.length, p50: round1(percentile(ms, 0.5)), p95: round1(percentile(ms, 0.95)), p95PerRun: stats(runP95), byKind },
		peakBrowserMemoryAt750k: { pssBytes: summary['memory750k.peakPssBytes'], rssBytes: summary['memory750k.peakRssBytes'] },
		bytesTransferred: { coldFirstView: summary['bytes.coldFirstView'], warmFirstView: summary['bytes.warmFirstView'], wasmFilesFetchedCold: summary['wasmRequests.coldFirstView'] },
		javascript: javascriptSizes(),
		naive750k: { ms: summary['naive750k.ms'], peakPssBytes: summary['naive750k.peakPssBytes'], timesSlowerThanDuckdbPath: round1(m('naive750k.ms') / m('load750k.allCharts')) },
		targets: {
			firstChartColdMs: { target: 600, measured: m('firstChart.cold') },
			load75kMs: { target: 1500, measured: m('load75k.allCharts') },
			load750kMs: { target: 2500, measured: m('load750k.allCharts') },
			peakMemoryBytes: { target: 2 ** 30, measured: m('memory750k.peakPssBytes') },
			filterChangeP95Ms: { target: 50, measured: round1(percentile(ms, 0.95)) },
			naiveRatio: { target: 10, measured: round1(m('naive750k.ms') / m('load750k.allCharts')) },
			appJsGzipBytes: { target: 250_000, measured: javascriptSizes().appJsGzipBytes }
		},
		pageErrors: [...new Set(pageErrors)]
	};
	mkdirSync(join(ROOT, 'bench'), { recursive: true });
	writeFileSync(join(ROOT, 'bench/last-report.json'), JSON.stringify(report, null, 2) + '\n');
	process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

/** @param {number} value */
function round1(value) {
	return Math.round(value * 10) / 10;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
