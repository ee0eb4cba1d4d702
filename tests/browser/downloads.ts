import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { expect } from 'vitest';

/**
 * Clicks a download button and gives the file the page saved. A click that lands while the view
 * redraws under it is lost, as a person's would be, and is made once more, as a person would.
 */
export async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
	const click = () => page.click(`[data-testid="${testid}"]`);
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), click()]).catch(() =>
		Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()])
	);
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Opens a chart's tools and saves its SVG, then its PNG at `width` × `scale`. */
export async function chartFiles(page: Page, chart: string, width: number, scale: number) {
	await page.click(`[data-testid="tools-${chart}"]`);
	const svg = await download(page, `download-svg-${chart}`);
	await page.fill(`[data-testid="png-width-${chart}"]`, String(width));
	await page.selectOption(`[data-testid="png-scale-${chart}"]`, String(scale));
	const png = await download(page, `download-png-${chart}`);
	await page.click(`[data-testid="tools-${chart}"]`);
	return { svg, png };
}

/** Parses an exported SVG as XML and checks it is one SVG document without HTML. */
export function parseSvg(bytes: Buffer) {
	const { window } = new JSDOM('', { url: 'http://localhost/' });
	const doc = new window.DOMParser().parseFromString(bytes.toString('utf8'), 'image/svg+xml');
	expect(doc.querySelector('parsererror')).toBeNull();
	const root = doc.documentElement;
	expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
	expect(bytes.toString('utf8')).not.toMatch(/<(div|span|p|html|foreignObject)\b/i);
	return {
		root,
		title: root.querySelector('title')?.textContent ?? '',
		texts: [...root.querySelectorAll(':scope > text')].map((t) => t.textContent ?? ''),
		height: Number(root.getAttribute('height')),
		width: Number(root.getAttribute('width'))
	};
}

/** Width, height and dpi from a PNG's IHDR and pHYs chunks. */
export function pngInfo(bytes: Buffer) {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	const phys = bytes.indexOf('pHYs', 0, 'latin1');
	return {
		width: bytes.readUInt32BE(16),
		height: bytes.readUInt32BE(20),
		dpi: phys < 0 ? null : Math.round(bytes.readUInt32BE(phys + 4) * 0.0254)
	};
}

/** The rows of an exported CSV, which starts with a BOM for Excel. */
export function parseCsv(bytes: Buffer): string[][] {
	const text = bytes.toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

/** The rows of an exported workbook's first sheet. */
export async function parseXlsx(bytes: Buffer) {
	const [sheet] = await readXlsxFile(bytes);
	return sheet!.data;
}

