import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/arrow';
import type { Database } from '../db/database';
import { removeDataset } from '../db/load-queries';
import { openNodeDatabase } from '../db/node';
import { prepareDatabase } from './load-file';
import { loadFileAsSuggested } from './load-user-file';

/** mulberry32: the same inputs on every run, so a failure names the seed that reproduces it. */
function prng(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${path}`, import.meta.url)));
const REAL_FILES = [
	fixture('layouts/release-2024-way-kanan.csv'),
	fixture('layouts/release-2023-way-kanan-semicolon.csv'),
	fixture('layouts/release-2023-lampung-notes-and-line-breaks.csv'),
	fixture('layouts/seed-003-way-kanan-2023-pages.csv'),
	fixture('layouts/rekap-balangan-2017-2022.csv'),
	fixture('layouts/release-2024-way-kanan.xlsx')
];
/** Bytes that matter to a CSV reader: quotes, delimiters, line ends, NUL, a BOM, a multi-byte letter. */
const SPECIAL = [0x22, 0x2c, 0x3b, 0x09, 0x7c, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xff, 0xfe, 0x27, 0x2d, 0x2e];

function randomBytes(random: () => number): Uint8Array {
	const length = Math.floor(random() ** 3 * 20_000);
	return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/** A real file with a few of: bytes changed, cut, repeated, spliced with another file, special bytes inserted. */
function mutate(random: () => number): Uint8Array {
	let bytes = Array.from(REAL_FILES[Math.floor(random() * REAL_FILES.length)]!);
	const edits = 1 + Math.floor(random() * 8);
	for (let e = 0; e < edits; e++) {
		const at = Math.floor(random() * bytes.length);
		switch (Math.floor(random() * 6)) {
			case 0:
				bytes[at] = Math.floor(random() * 256);
				break;
			case 1:
				bytes.splice(at, 0, ...Array.from({ length: 1 + Math.floor(random() * 5) }, () => SPECIAL[Math.floor(random() * SPECIAL.length)]!));
				break;
			case 2:
				bytes.splice(at, Math.floor(random() * 200));
				break;
			case 3:
				bytes = bytes.slice(0, at);
				break;
			case 4:
				bytes.splice(at, 0, ...bytes.slice(Math.floor(random() * bytes.length), Math.floor(random() * bytes.length)).slice(0, 2_000));
				break;
			default: {
				const other = REAL_FILES[Math.floor(random() * REAL_FILES.length)]!;
				bytes.splice(at, 0, ...other.subarray(0, Math.floor(random() * Math.min(other.length, 5_000))));
			}
		}
	}
	return Uint8Array.from(bytes);
}

describe('random bytes and random mutations of real files', () => {
	// Pesawaran (1809), loaded first; no fuzzed file is built from Pesawaran rows.
	const EARLIER = new URL('../../../tests/fixtures/bad/code-with-spaces.csv', import.meta.url);
	let db: Database;
	beforeAll(async () => {
		db = await openNodeDatabase();
		await prepareDatabase(db);
		await loadFileAsSuggested(db, { name: 'earlier.csv', blob: new Blob([new Uint8Array(readFileSync(EARLIER))]) });
	}, 60_000);

	async function earlierRows(): Promise<string> {
		const rows = rowsOf<{ n: number; idm: number }>(
			await db.query(`SELECT count(*)::INTEGER AS n, round(sum(idm), 4) AS idm FROM village_year WHERE source = 'earlier.csv'`)
		);
		return JSON.stringify(rows);
	}

	const SEEDS = Array.from({ length: 40 }, (_, i) => 9_000 + i);

	it.each(SEEDS)('seed %i: the loader answers with outcomes, never throws, and keeps the rows loaded before', async (seed) => {
		const before = await earlierRows();
		expect(JSON.parse(before)).toEqual([{ n: 10, idm: 8.0849 }]);
		const random = prng(seed);
		for (const bytes of [randomBytes(random), mutate(random), mutate(random)]) {
			const outcomes = await loadFileAsSuggested(db, { name: `fuzz-${seed}.csv`, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
			expect(outcomes.length).toBeGreaterThan(0);
			for (const outcome of outcomes) {
				expect(['loaded', 'refused', 'needs-input', 'failed']).toContain(outcome.outcome);
				// A database error is an answer too, but none is expected from these inputs.
				if (outcome.outcome === 'failed') throw new Error(`seed ${seed}: ${outcome.detail.message}`);
				if (outcome.outcome === 'loaded') {
					expect(outcome.counts.loaded + outcome.counts.rejected).toBeGreaterThanOrEqual(0);
					await removeDataset(db, outcome.source);
				}
			}
			expect(await earlierRows()).toBe(before);
		}
	}, 30_000);
});
