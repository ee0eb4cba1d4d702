// A realistic ten-year (2015–2024) national IDM panel, for the benchmark and for trying the
// dashboard at national scale. Villages, codes and names are the real 2024 release's; the 2024
// scores are the real ones; earlier years walk each village back from them so that the national
// status distribution moves as it did (most villages Tertinggal in 2015–2016, Maju and Mandiri
// rising towards 2024). Deterministic: a village's history depends only on the seed and its code,
// so a sample has exactly the rows the full panel has for its villages.
//
//   node scripts/synthetic-panel.mjs [--out data/synthetic] [--seed 2015] [--villages N]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2024;
export const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/**
 * Each year, how far below the 2024 national mean the typical village stood (`shift`) and how
 * much of its 2024 distance from that mean it already had (`spread`: villages were closer
 * together, few far ahead). Calibrated so the yearly national shares resemble the ministry's
 * (2015: ~18 % Sangat Tertinggal, ~45 % Tertinggal, 0.2 % Mandiri; 2024 as released).
 * @type {Record<number, { shift: number, spread: number }>}
 */
const PAST = {
	2015: { shift: 0.145, spread: 0.62 },
	2016: { shift: 0.135, spread: 0.65 },
	2017: { shift: 0.12, spread: 0.7 },
	2018: { shift: 0.09, spread: 0.78 },
	2019: { shift: 0.075, spread: 0.82 },
	2020: { shift: 0.065, spread: 0.85 },
	2021: { shift: 0.055, spread: 0.88 },
	2022: { shift: 0.038, spread: 0.92 },
	2023: { shift: 0.018, spread: 0.96 },
	2024: { shift: 0, spread: 1 }
};
/** Economic resilience grew fastest, the environment least (relative weights of the deficit). */
const COMPONENT_WEIGHT = { iks: 0.8, ike: 1.45, ikl: 0.75 };
const MAX_POINTS = { iks: 175, ike: 60, ikl: 15 };
/** Shares of the real world's untidiness. */
const NEW_VILLAGE_SHARE = 0.02;
const MERGED_VILLAGE_SHARE = 0.005;
const MISSING_YEAR_SHARE = 0.01;
/** Official cut-offs (domain/schemes.ts OFFICIAL_SCHEME), upper bound inclusive. */
const CUTOFFS = [0.4907, 0.5989, 0.7072, 0.8155];
const STATUSES = ['SANGAT TERTINGGAL', 'TERTINGGAL', 'BERKEMBANG', 'MAJU', 'MANDIRI'];

/**
 * @typedef {{ kodeProv: string, namaProvinsi: string, kodeKab: string, namaKabupaten: string,
 *   kodeKec: string, namaKecamatan: string, kodeDesa: string, namaDesa: string,
 *   iks: number | null, ike: number | null, ikl: number | null }} Village
 * @typedef {Village & { tahun: number, idm: number | null, status: string }} VillageYear
 */

/** mulberry32: a small, fast, well-distributed 32-bit generator. @param {number} seed */
function generator(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a of a string mixed with the seed: each village its own stream. @param {string} text @param {number} seed */
function hash(text, seed) {
	let h = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h;
}

/** A standard normal draw (Box–Muller). @param {() => number} random */
function normal(random) {
	return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * domain/idm.ts idmFromComponents (a script cannot import TypeScript; the unit test checks the two
 * agree): through whole points when the components are, else averaged as published.
 * @param {number} iks @param {number} ike @param {number} ikl
 */
export function idmFromComponents(iks, ike, ikl) {
	/** @param {number} value @param {number} max */
	const points = (value, max) => (Math.abs(Math.round(value * max) / max - value) <= 0.00005 + 1e-12 ? Math.round(value * max) : null);
	const s = points(iks, MAX_POINTS.iks);
	const e = points(ike, MAX_POINTS.ike);
	const l = points(ikl, MAX_POINTS.ikl);
	if (s === null || e === null || l === null) {
		return Math.round((Math.round(iks * 10_000) + Math.round(ike * 10_000) + Math.round(ikl * 10_000)) / 3) / 10_000;
	}
	return Math.floor((2 * 100 * (12 * s + 35 * e + 140 * l) + 63) / 126) / 10_000;
}

/** The official class of an IDM score. @param {number} idm */
export function statusOf(idm) {
	const rank = CUTOFFS.findIndex((cutoff) => idm <= cutoff);
	return STATUSES[rank === -1 ? 4 : rank];
}

/** @param {string} text */
function score(text) {
	const value = Number(text);
	return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/** The villages of the 2024 national release. @param {string} csv @returns {Village[]} */
export function readRelease(csv) {
	const { data } = Papa.parse(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	return /** @type {Record<string, string>[]} */ (data).map((row) => ({
		kodeProv: row.KODE_PROV ?? '',
		namaProvinsi: row.NAMA_PROVINSI ?? '',
		kodeKab: row.KODE_KAB ?? '',
		namaKabupaten: row.NAMA_KABUPATEN ?? '',
		kodeKec: row.KODE_KEC ?? '',
		namaKecamatan: row.NAMA_KECAMATAN ?? '',
		kodeDesa: row.KODE_DESA ?? '',
		namaDesa: row.NAMA_DESA ?? '',
		iks: score(row.IKS_2024 ?? ''),
		ike: score(row.IKE_2024 ?? ''),
		ikl: score(row.IKL_2024 ?? '')
	}));
}

/** The national mean of each component in 2024. @param {Village[]} release */
function componentMeans(release) {
	const scored = release.filter((v) => v.iks !== null && v.ike !== null && v.ikl !== null);
	/** @param {'iks' | 'ike' | 'ikl'} c */
	const mean = (c) => scored.reduce((sum, v) => sum + /** @type {number} */ (v[c]), 0) / scored.length;
	return { iks: mean('iks'), ike: mean('ike'), ikl: mean('ikl') };
}

/** @param {number} value @param {number} max */
function clampPoints(value, max) {
	return Math.min(max, Math.max(0, Math.round(value)));
}

/**
 * Every village-year of the panel. `villages` (default all) keeps an evenly spread sample.
 * @param {Village[]} release
 * @param {{ seed?: number, villages?: number }} [options]
 * @returns {VillageYear[]}
 */
export function generatePanel(release, { seed = 2015, villages } = {}) {
	const step = villages && villages < release.length ? release.length / villages : 1;
	const chosen = step === 1 ? release : Array.from({ length: Math.floor(release.length / step) }, (_, i) => release[Math.floor(i * step)]);
	const mean = componentMeans(release);
	/** @type {VillageYear[]} */
	const rows = [];
	for (const village of /** @type {Village[]} */ (chosen)) {
		const random = generator(hash(village.kodeDesa, seed));
		const firstYear = random() < NEW_VILLAGE_SHARE ? FIRST_YEAR + 1 + Math.floor(random() * (LAST_YEAR - FIRST_YEAR)) : FIRST_YEAR;
		rows.push(...history(village, random, firstYear, LAST_YEAR, mean));
		if (random() < MERGED_VILLAGE_SHARE) {
			// A neighbour that merged into this village: its own code, gone from the merge year on.
			const mergeYear = FIRST_YEAR + 2 + Math.floor(random() * (LAST_YEAR - FIRST_YEAR - 2));
			const number = 2900 + Math.floor(random() * 99);
			const ghost = { ...village, kodeDesa: `${village.kodeKec}${number}`, namaDesa: `${village.namaDesa || 'DESA'} LAMA` };
			rows.push(...history(ghost, random, FIRST_YEAR, mergeYear - 1, mean));
		}
	}
	return rows;
}

/**
 * One village's years: each component drawn towards the 2024 national mean and lowered, at the
 * village's own pace, plus yearly noise; a year now and then missing from the release (never the
 * first).
 * @param {Village} village @param {() => number} random @param {number} from @param {number} to
 * @param {{ iks: number, ike: number, ikl: number }} mean
 * @returns {VillageYear[]}
 */
function history(village, random, from, to, mean) {
	const pace = Math.max(0.2, 1 + 0.3 * normal(random));
	/** @type {VillageYear[]} */
	const years = [];
	for (const tahun of YEARS) {
		const noise = 0.015 * normal(random);
		const missing = random() < MISSING_YEAR_SHARE;
		if (tahun < from || tahun > to || (missing && tahun !== from)) continue;
		if (village.iks === null || village.ike === null || village.ikl === null) {
			years.push({ ...village, tahun, iks: null, ike: null, ikl: null, idm: null, status: '' });
			continue;
		}
		const { shift, spread } = PAST[tahun] ?? { shift: 0, spread: 1 };
		/** @param {'iks' | 'ike' | 'ikl'} c @param {number} value */
		const past = (c, value) =>
			tahun === LAST_YEAR
				? value
				: clampPoints((mean[c] + (value - mean[c]) * spread - (shift * pace + noise) * COMPONENT_WEIGHT[c]) * MAX_POINTS[c], MAX_POINTS[c]) /
					MAX_POINTS[c];
		const iks = round4(past('iks', village.iks));
		const ike = round4(past('ike', village.ike));
		const ikl = round4(past('ikl', village.ikl));
		const idm = idmFromComponents(iks, ike, ikl);
		years.push({ ...village, tahun, iks, ike, ikl, idm, status: /** @type {string} */ (statusOf(idm)) });
	}
	return years;
}

/** @param {number} value */
function round4(value) {
	return Math.round(value * 10_000) / 10_000;
}

/** @param {unknown} value */
function cell(value) {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One year's release in the layout the ministry used that year: 2024's (with NAMA_KABUPATEN and
 * Keterangan) or 2023's, with the year in the score columns' names.
 * @param {number} tahun @param {VillageYear[]} rows
 */
export function releaseCsv(tahun, rows) {
	const y = tahun;
	const layout2024 = tahun >= 2024;
	const header = layout2024
		? ['KODE_PROV', 'NAMA_PROVINSI', 'KODE_KAB', 'NAMA_KABUPATEN', 'KODE_KEC', 'NAMA_KECAMATAN', 'KODE_DESA', 'NAMA_DESA', `IKS_${y}`, `IKE_${y}`, `IKL_${y}`, `NILAI_IDM_${y}`, `STATUS_IDM_${y}`, 'Keterangan']
		: ['KODE_PROV', 'NAMA_PROVINSI', 'KODE_KAB', 'KODE_KEC', 'NAMA_KECAMATAN', 'KODE_DESA', 'NAMA_DESA', `IKS_${y}`, `IKE_${y}`, `IKL_${y}`, `NILAI_IDM_${y}`, `STATUS_IDM_${y}`];
	const lines = [header.join(',')];
	for (const r of rows) {
		if (r.tahun !== tahun) continue;
		const scores = [r.iks, r.ike, r.ikl, r.idm, r.status];
		const fields = layout2024
			? [r.kodeProv, r.namaProvinsi, r.kodeKab, r.namaKabupaten, r.kodeKec, r.namaKecamatan, r.kodeDesa, r.namaDesa, ...scores, '']
			: [r.kodeProv, r.namaProvinsi, r.kodeKab, r.kodeKec, r.namaKecamatan, r.kodeDesa, r.namaDesa, ...scores];
		lines.push(fields.map(cell).join(','));
	}
	return lines.join('\n') + '\n';
}

/** The whole panel as one long file: the 2024 layout's columns with a TAHUN column. @param {VillageYear[]} rows */
export function panelCsv(rows) {
	const header = ['KODE_PROV', 'NAMA_PROVINSI', 'KODE_KAB', 'NAMA_KABUPATEN', 'KODE_KEC', 'NAMA_KECAMATAN', 'KODE_DESA', 'NAMA_DESA', 'TAHUN', 'IKS', 'IKE', 'IKL', 'NILAI_IDM', 'STATUS_IDM'];
	const lines = [header.join(',')];
	for (const r of rows) {
		lines.push([r.kodeProv, r.namaProvinsi, r.kodeKab, r.namaKabupaten, r.kodeKec, r.namaKecamatan, r.kodeDesa, r.namaDesa, r.tahun, r.iks, r.ike, r.ikl, r.idm, r.status].map(cell).join(','));
	}
	return lines.join('\n') + '\n';
}

/** Villages per status per year. @param {VillageYear[]} rows */
export function distribution(rows) {
	/** @type {Record<number, Record<string, number>>} */
	const counts = {};
	for (const r of rows) {
		if (!r.status) continue;
		const year = (counts[r.tahun] ??= Object.fromEntries(STATUSES.map((s) => [s, 0])));
		year[r.status] = (year[r.status] ?? 0) + 1;
	}
	return counts;
}

export const PANEL_FILE = `idm-${FIRST_YEAR}-${LAST_YEAR}-sintetis.csv`;
/** @param {number} tahun */
export const yearFile = (tahun) => `idm-${tahun}-sintetis.csv`;

function main() {
	const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
	const args = process.argv.slice(2);
	/** @param {string} name @param {string} fallback */
	const arg = (name, fallback) => {
		const at = args.indexOf(name);
		return at >= 0 && args[at + 1] ? /** @type {string} */ (args[at + 1]) : fallback;
	};
	const out = resolve(root, arg('--out', 'data/synthetic'));
	const seed = Number(arg('--seed', '2015'));
	const villages = args.includes('--villages') ? Number(arg('--villages', '0')) : undefined;
	const release = readRelease(readFileSync(join(root, 'data/idm-2024-nasional.csv'), 'utf8'));
	const rows = generatePanel(release, { seed, villages });
	mkdirSync(out, { recursive: true });
	for (const tahun of YEARS) writeFileSync(join(out, yearFile(tahun)), releaseCsv(tahun, rows));
	writeFileSync(join(out, PANEL_FILE), panelCsv(rows));
	const summary = Object.entries(distribution(rows)).map(([tahun, counts]) => `${tahun}: ${STATUSES.map((s) => counts[s]).join(' / ')}`);
	console.log(`${rows.length} village-years of ${new Set(rows.map((r) => r.kodeDesa)).size} villages in ${out}`);
	console.log(`per year, ${STATUSES.join(' / ')}:\n${summary.join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
