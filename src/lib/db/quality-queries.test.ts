import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadFile, openBundledDatabase, openPanelDatabase } from '../../../tests/helpers/bundled-db';
import { readsOf } from '../../../tests/helpers/reads-of';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { appearingAndVanishing, appearingAndVanishingFromRows, sourceConflicts } from './quality-queries';

const BUNDLED_2024 = 'idm-2024-empat-kabupaten.csv';
const REVISED = 'idm-2024-way-kanan-revisi.csv';

/**
 * Way Kanan's 221 villages of the bundled 2024 release again, as a revised file would give them:
 * Bumi Agung with another IDM, Dewa Agung with another published status, the rest the same.
 */
async function revisedWayKanan(): Promise<Uint8Array> {
	const [header, ...rows] = (await readFile(DATA_DIR + BUNDLED_2024, 'utf8')).trim().split('\n');
	const revised = rows
		.filter((row) => row.split(',')[2] === '1808')
		.map((row) => row.replace('1808052024,BUMI  AGUNG,0.8,0.4833,0.6,0.6278,', '1808052024,BUMI  AGUNG,0.8,0.4833,0.6,0.6300,'))
		.map((row) => row.replace('1808052027,DEWA AGUNG,0.8229,0.7167,0.8667,0.8021,MAJU,', '1808052027,DEWA AGUNG,0.8229,0.7167,0.8667,0.8021,MANDIRI,'));
	return new TextEncoder().encode([header, ...revised].join('\n'));
}

/** The same conflicts from every village row, none left out by the village-years several rows give. */
function conflictsOverEveryRow(db: Database, area: string) {
	return db.query(
		`SELECT identity AS kode_desa, tahun, max(nama_desa) AS nama_desa,
			string_agg(source || ': ' || coalesce(idm::VARCHAR, '–') || ' ' || coalesce(status_published, '–'), '; ' ORDER BY seq) AS nilai
		FROM village_rows
		WHERE starts_with(coalesce(kode, kode_kec, kode_kab, ''), $1)
		GROUP BY identity, tahun
		HAVING count(DISTINCT idm) > 1 OR count(DISTINCT status_published) > 1
		ORDER BY tahun, identity`,
		[area]
	);
}

describe('sourceConflicts', () => {
	let db: Database;
	beforeAll(async () => {
		db = await openBundledDatabase();
		expect(rowsOf(await sourceConflicts(db, ''))).toEqual([]);
		await loadFile(db, REVISED, await revisedWayKanan());
	}, 60_000);

	it('lists the village-years two files give differently, each file’s IDM and status in load order', async () => {
		const conflicts = rowsOf(await sourceConflicts(db, '1808'));
		expect(conflicts).toEqual([
			{
				kode_desa: '1808052024',
				tahun: 2024,
				nama_desa: 'BUMI  AGUNG',
				nilai: `${BUNDLED_2024}: 0.6278 BERKEMBANG; ${REVISED}: 0.63 BERKEMBANG`
			},
			{
				kode_desa: '1808052027',
				tahun: 2024,
				nama_desa: 'DEWA AGUNG',
				nilai: `${BUNDLED_2024}: 0.8021 MAJU; ${REVISED}: 0.8021 MANDIRI`
			}
		]);
		expect(rowsOf(await sourceConflicts(db, ''))).toEqual(conflicts);
		expect(rowsOf(await sourceConflicts(db, '1607'))).toEqual([]);
	});

	it('equal the conflicts read from every village row', async () => {
		for (const area of ['', '18', '1808', '180805', '1607']) {
			expect(rowsOf(await sourceConflicts(db, area)), area).toEqual(rowsOf(await conflictsOverEveryRow(db, area)));
		}
	});
});

describe('appearingAndVanishing on three years of the synthetic panel', () => {
	it('finds from the villages’ paths the villages the village rows find, with their names and classes', async () => {
		const db = await openPanelDatabase([2016, 2020, 2024]);
		expect(await readsOf(db, (recording) => appearingAndVanishing(recording, '', 'resmi'))).toEqual(['path_moves']);
		const moves = rowsOf<{ dari_tahun: number; ke_tahun: number; gerak: string; kode_desa: string }>(await appearingAndVanishing(db, '', 'resmi'));
		const tally: Record<string, number> = {};
		for (const { dari_tahun, ke_tahun, gerak } of moves) {
			const pair = `${dari_tahun}→${ke_tahun} ${gerak}`;
			tally[pair] = (tally[pair] ?? 0) + 1;
		}
		expect(tally).toEqual({ '2016→2020 baru': 26, '2016→2020 hilang': 17, '2020→2024 baru': 27, '2020→2024 hilang': 15 });
		expect(rowsOf(await appearingAndVanishing(db, '350819', 'resmi'))).toEqual([
			{ dari_tahun: 2020, ke_tahun: 2024, gerak: 'hilang', kode_desa: '3508192974', nama_desa: 'MLAWANG LAMA', nama_kecamatan: 'KLAKAH', status: 'MAJU' }
		]);
		for (const area of ['', '35', '3507', '350819', '9471']) {
			for (const scheme of ['resmi', 'bulat', 'terbit']) {
				expect(rowsOf(await appearingAndVanishing(db, area, scheme)), `${area} ${scheme}`).toEqual(rowsOf(await appearingAndVanishingFromRows(db, area, scheme)));
			}
		}
	}, 60_000);
});
