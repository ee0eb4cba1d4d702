import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../tests/helpers/bundled-db';
import { idmFromComponents, parseScore } from './idm';

function release(file: string) {
	return Papa.parse<Record<string, string>>(readFileSync(DATA_DIR + file, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}

describe('idmFromComponents', () => {
	it('reproduces published IDMs from their components (Bahuga, Way Kanan, 2023)', () => {
		expect(idmFromComponents(0.8114, 0.4167, 0.6)).toBe(0.6094); // Bumi Agung
		expect(idmFromComponents(0.8629, 0.7167, 0.6667)).toBe(0.7487); // Bumi Agung Wates, not 0.7488
	});

	it('averages components that are not whole points as published (Kupang Bersih, 2024)', () => {
		expect(idmFromComponents(0.7714, 0.7084, 0.7433)).toBe(0.741);
	});

	it('reproduces every Way Kanan IDM of the 2023 release exactly', () => {
		const rows = release('idm-2023-way-kanan.csv');
		const mismatches = rows.filter(
			(r) =>
				idmFromComponents(Number(r.IKS_2023), Number(r.IKE_2023), Number(r.IKL_2023)) !==
				Number(r.NILAI_IDM_2023)
		);
		expect(rows).toHaveLength(221);
		expect(mismatches).toEqual([]);
	});

	it('reproduces the 2024 release of the four regencies', () => {
		const scored = release('idm-2024-empat-kabupaten.csv').filter((r) => r.NILAI_IDM_2024);
		const off = scored.filter(
			(r) =>
				idmFromComponents(Number(r.IKS_2024), Number(r.IKE_2024), Number(r.IKL_2024)) !==
				Number(r.NILAI_IDM_2024)
		);
		expect(scored).toHaveLength(762);
		expect(off.map((r) => r.KODE_DESA)).toEqual([]);
	});
});

describe('parseScore', () => {
	it('reads decimal points and decimal commas, as seed 003 mixes them', () => {
		expect(parseScore('0.8378')).toBe(0.8378);
		expect(parseScore('0,8360')).toBe(0.836);
		expect(parseScore(' 0,7022 ')).toBe(0.7022);
	});

	it('reads text notes and blanks as missing', () => {
		expect(parseScore('')).toBeNull();
		expect(parseScore('Update 2023')).toBeNull();
		expect(parseScore('0,7.5')).toBeNull();
		expect(parseScore(undefined)).toBeNull();
	});
});
