import { Int32, makeVector, Precision, Table, Type, Utf8, vectorFromArray } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNationalDatabase } from '../../../tests/helpers/bundled-db';
import { ARROW_TYPE, rowsOf } from './arrow';
import type { Database } from './database';

/** The rows as Arrow itself gives them, one value at a time: what rowsOf must equal. */
function rowByRow(table: Table): Record<string, unknown>[] {
	return Array.from({ length: table.numRows }, (_, i) =>
		Object.fromEntries(table.schema.fields.map((f) => {
			const value = table.getChild(f.name)!.get(i);
			return [f.name, typeof value === 'bigint' ? Number(value) : (value ?? null)];
		}))
	);
}

describe('rowsOf', () => {
	let db: Database;
	beforeAll(async () => {
		db = await openNationalDatabase();
	}, 60_000);

	it('writes out Arrow’s own type ids', () => {
		expect(ARROW_TYPE).toEqual({ Int: Type.Int, Float: Type.Float, Utf8: Type.Utf8 });
		expect(Precision.HALF).toBe(0);
	});

	it('gives the 2024 national release’s 75,265 village rows as Arrow does, a name with a byte that is not ASCII included', async () => {
		const table = await db.query(
			`SELECT kode_desa, nama_desa, nama_kecamatan, tahun, iks, idm, status_published, keterangan,
				count(*) OVER () AS n, idm > 0.7 AS maju
			FROM village_year ORDER BY kode_desa`
		);
		const rows = rowsOf<Record<string, unknown>>(table);
		expect(rows).toHaveLength(75_265);
		expect(rows).toEqual(rowByRow(table));
		// Sikka's Regapu’u is written with a U+0080 in the release (bytes C2 80).
		expect(rows.find((r) => r.kode_desa === '5307012021')).toMatchObject({ nama_desa: 'REGAPU\u0080?U', nama_kecamatan: 'PAGA', n: 75_265, idm: 0.4459 });
		expect(rows.filter((r) => r.keterangan === null).length).toBeGreaterThan(0);
		for (const [from, to] of [[0, 10], [48_490, 48_540], [75_000, 75_265]]) expect(rowsOf(table.slice(from, to))).toEqual(rowByRow(table.slice(from, to)));
	});

	it('reads text and numbers chunk by chunk, nulls and slices of several chunks included', () => {
		const part = (names: (string | null)[], counts: (number | null)[]) =>
			new Table({
				nama: vectorFromArray(names, new Utf8()),
				jumlah: vectorFromArray(counts, new Int32()),
				nilai: makeVector(Float64Array.from(counts, (c) => (c ?? 0) / 4))
			});
		const table = part(['PAGA', null, 'KOTA'], [1, 2, null]).concat(part(['Ñ', 'BAJAWA'], [4, 5]), part(['TALIBURA'], [7]));
		expect(table.batches.length).toBeGreaterThan(1);
		const expected = [
			{ nama: 'PAGA', jumlah: 1, nilai: 0.25 },
			{ nama: null, jumlah: 2, nilai: 0.5 },
			{ nama: 'KOTA', jumlah: null, nilai: 0 },
			{ nama: 'Ñ', jumlah: 4, nilai: 1 },
			{ nama: 'BAJAWA', jumlah: 5, nilai: 1.25 },
			{ nama: 'TALIBURA', jumlah: 7, nilai: 1.75 }
		];
		expect(rowsOf(table)).toEqual(expected);
		expect(rowsOf(table.slice(2, 5))).toEqual(expected.slice(2, 5));
		expect(rowsOf(table.slice(4))).toEqual(expected.slice(4));
	});
});
