import { beforeAll, describe, expect, it } from 'vitest';
import { openBundledDatabase } from '../../../tests/helpers/bundled-db';
import { referenceYears } from '../../../tests/helpers/reference-inputs';
import { referenceStatusIndicators, type IndicatorValue } from '../domain/indicators';
import { capaian, findGradeScale, grade, roundTo } from '../domain/performance';
import { BUILT_IN_SCHEMES, OFFICIAL_SCHEME } from '../domain/schemes';
import { statusShares, statusYears, type StatusCount } from '../domain/status-counts';
import { rowsOf } from './arrow';
import type { Database } from './database';
import { meanScores, statusIndicators } from './indicator-queries';
import { statusCountsByYear } from './status-queries';

let db: Database;
beforeAll(async () => {
	db = await openBundledDatabase();
});

async function indicators(area: string, scheme = 'resmi') {
	return rowsOf<IndicatorValue>(await statusIndicators(db, area, scheme));
}

async function figure(area: string, indikator: string, tahun: number) {
	const found = (await indicators(area)).find((row) => row.indikator === indikator && row.tahun === tahun);
	if (!found) throw new Error(`no ${indikator} ${tahun} for ${area}`);
	return found;
}

describe('the indicators the seed reports print, from the bundled data', () => {
	it('Balangan 2022: 66.88 % minimal Maju; against 23.38 %, capaian 286.06 %, Sangat Tinggi', async () => {
		const minimalMaju = await figure('6311', 'minimal-maju', 2022);
		expect([minimalMaju.pembilang, minimalMaju.penyebut, minimalMaju.dasar]).toEqual([103, 154, 'status']);
		const realisasi = roundTo(minimalMaju.nilai!, 2, 'round');
		expect(realisasi).toBe(66.88);
		const achieved = roundTo(capaian(realisasi, 23.38, 'higher-better'), 2, 'round');
		expect(achieved).toBe(286.06);
		expect(grade(achieved, findGradeScale('permendagri-86-2017'))?.label.id).toBe('Sangat Tinggi');
	});

	it('Banyuasin 2023 from its recap: pengentasan 81.48 % (22/27), peningkatan Mandiri 1.43 % (3/209), truncated', async () => {
		const lifted = await figure('1607', 'pengentasan-tertinggal', 2023);
		expect([lifted.pembilang, lifted.penyebut, lifted.tahun_banding, lifted.dasar]).toEqual([22, 27, 2022, 'counts']);
		expect(roundTo(lifted.nilai!, 2, 'truncate')).toBe(81.48);
		const mandiri = await figure('1607', 'peningkatan-mandiri', 2023);
		expect([mandiri.pembilang, mandiri.penyebut]).toEqual([3, 209]);
		expect(roundTo(mandiri.nilai!, 2, 'truncate')).toBe(1.43);
	});

	it('Banyuasin 2022: 37.20 % (16/43) and 0.97 % (2/205), truncated as printed', async () => {
		const lifted = await figure('1607', 'pengentasan-tertinggal', 2022);
		expect([lifted.pembilang, lifted.penyebut]).toEqual([16, 43]);
		expect(roundTo(lifted.nilai!, 2, 'truncate')).toBe(37.2);
		const mandiri = await figure('1607', 'peningkatan-mandiri', 2022);
		expect([mandiri.pembilang, mandiri.penyebut]).toEqual([2, 205]);
		expect(roundTo(mandiri.nilai!, 2, 'truncate')).toBe(0.97);
		expect(roundTo(mandiri.nilai!, 2, 'round')).toBe(0.98);
	});

	it('Banyuasin 2023: 200 Berkembang villages against a target of 243, capaian 82.30 %', async () => {
		const berkembang = await figure('1607', 'tertinggal-menjadi-berkembang', 2023);
		expect(berkembang.nilai).toBe(200);
		expect(roundTo(capaian(200, 243, 'higher-better'), 2, 'round')).toBe(82.3);
	});

	it('Way Kanan 2024 follows each village from 2023: 21 of 98 Berkembang became Mandiri', async () => {
		const mandiri = await figure('1808', 'peningkatan-mandiri', 2024);
		expect([mandiri.pembilang, mandiri.penyebut, mandiri.dasar]).toEqual([21, 98, 'villages']);
		const lifted = await figure('1808', 'pengentasan-tertinggal', 2024);
		expect([lifted.pembilang, lifted.penyebut, lifted.nilai]).toEqual([0, 0, null]);
	});

	it('Way Kanan shares per status, 2022 and 2023, as seed 003 prints them', async () => {
		const years = statusYears(rowsOf<StatusCount>(await statusCountsByYear(db, '1808', 'resmi')));
		const shares = (tahun: number) => {
			const year = years.find((y) => y.tahun === tahun)!;
			const s = statusShares(year);
			return [s.MANDIRI, s.MAJU, s.BERKEMBANG, s.TERTINGGAL, s['SANGAT TERTINGGAL']].map((x) => roundTo(x, 2, 'round'));
		};
		expect(shares(2023)).toEqual([11.76, 43.89, 44.34, 0, 0]);
		expect(shares(2022)).toEqual([4.57, 24.2, 70.32, 0.91, 0]);
	});

	it('Way Kanan 2023 regency means from the 2023 release: IKS 0.7969, IKE 0.6173, IKL 0.7774, IDM 0.7306', async () => {
		const means = rowsOf<{ tahun: number; n_idm: number; idm: number; iks: number; ike: number; ikl: number }>(
			await meanScores(db, '1808', 'kabupaten')
		);
		const y2023 = means.find((m) => m.tahun === 2023)!;
		expect(y2023.n_idm).toBe(221);
		expect([y2023.iks, y2023.ike, y2023.ikl, y2023.idm].map((x) => roundTo(x, 4, 'round'))).toEqual([
			0.7969, 0.6173, 0.7774, 0.7306
		]);
	});

	it('gives one mean a year for a province, as for a regency', async () => {
		type Mean = { tahun: number; n_idm: number; idm: number };
		const lampung = rowsOf<Mean>(await meanScores(db, '18', 'wilayah'));
		const wayKanan = rowsOf<Mean>(await meanScores(db, '1808', 'kabupaten'));
		expect(lampung).toEqual(wayKanan.map((m) => ({ ...m, kode: '18', nama: '18' })));
	});

	it('means per kecamatan weigh back to the regency mean', async () => {
		type Mean = { tahun: number; n_idm: number; idm: number };
		const regency = rowsOf<Mean>(await meanScores(db, '1808', 'kabupaten')).find((m) => m.tahun === 2023)!;
		const kecamatan = rowsOf<Mean>(await meanScores(db, '1808', 'kecamatan')).filter((m) => m.tahun === 2023);
		expect(kecamatan).toHaveLength(15);
		const weighted = kecamatan.reduce((sum, k) => sum + k.idm * k.n_idm, 0) / regency.n_idm;
		expect(weighted).toBeCloseTo(regency.idm, 12);
	});
});

describe('statusIndicators (SQL) agrees with referenceStatusIndicators (TypeScript)', () => {
	for (const scheme of BUILT_IN_SCHEMES) {
		for (const kodeKab of ['1808', '1607', '6311', '6213']) {
			it(`${kodeKab} under the ${scheme.id} scheme`, async () => {
				const sql = await indicators(kodeKab, scheme.id);
				const reference = referenceStatusIndicators(referenceYears(kodeKab, scheme));
				expect(sql).toHaveLength(reference.length);
				sql.forEach((row, i) => {
					const expected = reference[i]!;
					expect({ ...row, nilai: null }).toEqual({ ...expected, nilai: null });
					if (expected.nilai === null) expect(row.nilai).toBeNull();
					else expect(row.nilai).toBeCloseTo(expected.nilai, 10);
				});
			});
		}
	}

	it('uses the official scheme unless told otherwise', () => {
		expect(BUILT_IN_SCHEMES[0]).toBe(OFFICIAL_SCHEME);
	});
});
