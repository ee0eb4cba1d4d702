import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, loadFile } from '../../../tests/helpers/bundled-db';
import { prepareDatabase } from '../load/load-file';
import { rowsOf } from './arrow';
import { openNodeDatabase } from './node';

describe('village_score: IDM recomputed in SQL where a file has only IKS, IKE and IKL', () => {
	it('gives back every published IDM of the 2024 release for the four regencies', async () => {
		const release = Papa.parse<Record<string, string>>(
			readFileSync(DATA_DIR + 'idm-2024-empat-kabupaten.csv', 'utf8'),
			{ header: true, skipEmptyLines: true }
		).data;
		const withoutIdm = Papa.unparse(
			release.map(({ NILAI_IDM_2024: _idm, STATUS_IDM_2024: _status, ...rest }) => rest)
		);
		const db = await openNodeDatabase();
		await prepareDatabase(db);
		await loadFile(db, 'components.csv', new TextEncoder().encode(withoutIdm));
		const computed = new Map(
			rowsOf<{ kode_desa: string; idm: number | null; score: number | null }>(
				await db.query('SELECT kode_desa, idm, score FROM village_score')
			).map((row) => [row.kode_desa, row])
		);
		expect(computed.size).toBe(763);
		for (const row of release) {
			const expected = row.NILAI_IDM_2024 ? Number(row.NILAI_IDM_2024) : null;
			expect(computed.get(row.KODE_DESA!)?.idm, row.KODE_DESA).toBeNull();
			expect(computed.get(row.KODE_DESA!)?.score, row.KODE_DESA).toBe(expected);
		}
	});
});
