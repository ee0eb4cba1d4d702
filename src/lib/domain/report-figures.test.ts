import { describe, expect, it } from 'vitest';
import { findIndicator } from './indicators';
import { findGradeScale } from './performance';
import { reportFigure } from './report-figures';

const permendagri = findGradeScale('permendagri-86-2017');

describe('reportFigure', () => {
	it('Balangan 2022: 103/154 → 66.88 %, target 23.38 → 286.06 %, Sangat Tinggi', () => {
		const figure = reportFigure((100 * 103) / 154, findIndicator('minimal-maju')!, 23.38, 'round', permendagri);
		expect(figure.realisasi).toBe(66.88);
		expect(figure.capaian).toBe(286.06);
		expect(figure.grade?.label.id).toBe('Sangat Tinggi');
	});

	it('Banyuasin 2023: 200 Berkembang against 243 → 82.30 %, Tinggi; Berhasil on its own scale', () => {
		const indicator = findIndicator('tertinggal-menjadi-berkembang')!;
		expect(reportFigure(200, indicator, 243, 'truncate', permendagri)).toMatchObject({ realisasi: 200, capaian: 82.3 });
		expect(reportFigure(200, indicator, 243, 'truncate', permendagri).grade?.label.id).toBe('Tinggi');
		expect(reportFigure(200, indicator, 243, 'truncate', findGradeScale('banyuasin-2023')).grade?.label.id).toBe('Berhasil');
	});

	it('Banyuasin 2023 pengentasan 22/27 truncated to 81.48, as printed', () => {
		expect(reportFigure((100 * 22) / 27, findIndicator('pengentasan-tertinggal')!, null, 'truncate', permendagri)).toEqual({
			realisasi: 81.48,
			target: null,
			capaian: null,
			grade: null
		});
	});

	it('Way Kanan 2023 IDM 0.7306 against the target 0.6608', () => {
		const figure = reportFigure(0.73056, findIndicator('nilai-idm')!, 0.6608, 'round', permendagri);
		expect(figure.realisasi).toBe(0.7306);
		expect(figure.capaian).toBe(110.56);
	});

	it('has no realisasi where the denominator was zero', () => {
		expect(reportFigure(null, findIndicator('pengentasan-tertinggal')!, 10, 'round', permendagri).capaian).toBeNull();
	});
});
