import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerSignature, initialChoice, missingInputs, suggestChoice, suggestionNeeds } from './choices';
import { isPrepared, type PreparedTable } from './prepare';
import { prepareFile } from './prepare-file';

const FIXTURES = new URL('../../../tests/fixtures/layouts/', import.meta.url);

async function prepared(name: string): Promise<PreparedTable> {
	const [table] = await prepareFile(name, new Uint8Array(readFileSync(new URL(name, FIXTURES))));
	if (!table || !isPrepared(table)) throw new Error(name);
	return table;
}

const NONE = { tahun: null, kodeKab: null, namaKabupaten: null };

describe('what a table needs from the user', () => {
	it('nothing for the releases: codes and per-year columns say it all', async () => {
		const table = await prepared('release-2024-way-kanan.csv');
		const choice = initialChoice(table, {});
		expect(missingInputs(choice.kind, choice.mapping!, NONE)).toEqual([]);
	});

	it('a year and a regency for seed 003’s table, which has neither', async () => {
		const table = await prepared('seed-003-way-kanan-2023-pages.csv');
		const choice = initialChoice(table, {});
		expect(missingInputs(choice.kind, choice.mapping!, NONE)).toEqual(['tahun', 'kodeKab']);
		expect(missingInputs(choice.kind, choice.mapping!, { ...NONE, tahun: 2023, kodeKab: '1808' })).toEqual([]);
	});

	it('a year for a recap without one; a kind for a table nothing fits', async () => {
		const recap = await prepared('rekap-balangan-2017-2022.csv');
		expect(missingInputs('recap', initialChoice(recap, {}).mapping!, NONE)).toEqual([]);
		expect(missingInputs(null, [], NONE)).toEqual(['kind']);
	});

	it('remembers a corrected mapping for files with the same header', async () => {
		const table = await prepared('status-2024-way-kanan.csv');
		const corrected = [{ header: 'NAMA DESA', field: 'nama_desa', tahun: null }];
		const choice = initialChoice(table, { [headerSignature(table.headers)]: { kind: 'status', mapping: corrected } });
		expect(choice.mapping).toEqual(corrected);
		expect(headerSignature([' kode_desa', 'Nama Desa'])).toBe(headerSignature(['KODE_DESA', 'NAMA DESA ']));
	});
});

describe('filling in what a table does not say', () => {
	const regencies = [
		{ kode_kab: '1808', nama_kabupaten: 'WAY KANAN' },
		{ kode_kab: '1807', nama_kabupaten: 'LAMPUNG UTARA' }
	];

	it('reads seed 003’s year and regency from its title, and compares it with the release', async () => {
		const table = await prepared('seed-003-way-kanan-2023-pages.csv');
		const { choice, guessed } = suggestChoice(table, initialChoice(table, {}), regencies, new Set(['1808|2023']));
		expect(choice.defaults).toMatchObject({ tahun: 2023, kodeKab: '1808', namaKabupaten: 'WAY KANAN' });
		expect(choice.role).toBe('reconciliation');
		expect(guessed).toEqual(['tahun', 'kodeKab', 'role']);
		expect(missingInputs(choice.kind, choice.mapping!, choice.defaults)).toEqual([]);
	});

	it('keeps a code-less list primary where no coded data covers its year, and guesses nothing for a release', async () => {
		const seed = await prepared('seed-003-way-kanan-2023-pages.csv');
		expect(suggestChoice(seed, initialChoice(seed, {}), regencies, new Set()).choice.role).toBe('primary');
		const release = await prepared('release-2024-way-kanan.csv');
		expect(suggestChoice(release, initialChoice(release, {}), regencies, new Set(['1808|2024'])).guessed).toEqual([]);
	});

	it('asks the loaded data only what it looks at: nothing for a release with village codes', async () => {
		const release = await prepared('release-2024-way-kanan.csv');
		expect(suggestionNeeds(initialChoice(release, {}))).toEqual({ regencies: false, coverage: false });
		const seed = await prepared('seed-003-way-kanan-2023-pages.csv');
		expect(suggestionNeeds(initialChoice(seed, {}))).toEqual({ regencies: true, coverage: true });
	});
});
