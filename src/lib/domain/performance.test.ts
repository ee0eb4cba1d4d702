import { describe, expect, it } from 'vitest';
import {
	capaian,
	findGradeScale,
	formatGradeScale,
	grade,
	GRADE_SCALES,
	parseGradeScale,
	resolveGradeScale,
	roundTo,
	validateGradeScale,
	type GradeScale
} from './performance';

/** The Indonesian label of the grade a figure gets, or null. */
function gradeOf(value: number, scaleId: string): string | null {
	return grade(value, findGradeScale(scaleId))?.label.id ?? null;
}

describe('roundTo', () => {
	it('truncates report figures to two decimals', () => {
		expect(roundTo((3 / 209) * 100, 2, 'truncate')).toBe(1.43);
		expect(roundTo((16 / 43) * 100, 2, 'truncate')).toBe(37.2);
		expect(roundTo((2 / 205) * 100, 2, 'truncate')).toBe(0.97);
	});

	it('rounds half away from zero where truncation would not', () => {
		expect(roundTo((2 / 205) * 100, 2, 'round')).toBe(0.98);
		expect(roundTo((66.88 / 23.38) * 100, 2, 'round')).toBe(286.06);
		expect(roundTo(-1.005, 2, 'round')).toBe(-1.01);
		expect(roundTo(0.5, 0, 'round')).toBe(1);
		expect(roundTo(9.995, 2, 'round')).toBe(10);
	});

	it('absorbs binary floating error before cutting digits', () => {
		// 1.005 is stored as 1.00499999999999989…, and 0.29 * 100 as 28.999999999999996.
		expect(roundTo(1.005, 2, 'round')).toBe(1.01);
		expect(roundTo(0.29 * 100, 0, 'truncate')).toBe(29);
	});

	it('truncates toward zero for negative values, never giving -0', () => {
		expect(roundTo(-1.239, 2, 'truncate')).toBe(-1.23);
		expect(Object.is(roundTo(-0.001, 2, 'truncate'), 0)).toBe(true);
		expect(Object.is(roundTo(-0.004, 2, 'round'), 0)).toBe(true);
	});

	it('handles figures far below or above the decimals kept', () => {
		expect(roundTo(0.005, 2, 'round')).toBe(0.01);
		expect(roundTo(0.0049, 2, 'round')).toBe(0);
		expect(roundTo(1e-7, 2, 'round')).toBe(0);
		expect(roundTo(1e21, 2, 'round')).toBe(1e21);
		expect(roundTo(123.456, 0, 'round')).toBe(123);
	});

	it('passes NaN, infinities and zero through', () => {
		expect(roundTo(Number.NaN, 2, 'round')).toBeNaN();
		expect(roundTo(Infinity, 2, 'truncate')).toBe(Infinity);
		expect(roundTo(-Infinity, 2, 'round')).toBe(-Infinity);
		expect(roundTo(0, 2, 'round')).toBe(0);
	});

	it('rejects decimals that are not a whole number of places', () => {
		expect(() => roundTo(1, -1, 'round')).toThrow(RangeError);
		expect(() => roundTo(1, 1.5, 'round')).toThrow(RangeError);
	});
});

describe('capaian', () => {
	it('divides realisasi by target when higher is better', () => {
		expect(roundTo(capaian(66.88, 23.38, 'higher-better'), 2, 'round')).toBe(286.06);
		expect(roundTo(capaian(200, 243, 'higher-better'), 2, 'round')).toBe(82.3);
		expect(roundTo(capaian(200, 243, 'higher-better'), 2, 'round').toFixed(2)).toBe('82.30');
	});

	it('rewards staying under target when lower is better', () => {
		expect(capaian(5, 10, 'lower-better')).toBe(150);
		expect(capaian(12, 10, 'lower-better')).toBe(80);
		expect(capaian(10, 10, 'lower-better')).toBe(100);
	});

	it('gives NaN for a target of 0, which the grades leave ungraded', () => {
		expect(capaian(5, 0, 'higher-better')).toBeNaN();
		expect(capaian(5, 0, 'lower-better')).toBeNaN();
		expect(capaian(0, 0, 'higher-better')).toBeNaN();
		expect(grade(capaian(5, 0, 'higher-better'), findGradeScale(null))).toBeNull();
	});
});

describe('GRADE_SCALES and findGradeScale', () => {
	it('lists the built-in scales in order', () => {
		expect(GRADE_SCALES.map((scale) => scale.id)).toEqual([
			'permendagri-86-2017',
			'lan-239-2003',
			'barito-timur-2023',
			'banyuasin-2023'
		]);
	});

	it('finds a scale by id and falls back to Permendagri 86/2017', () => {
		expect(findGradeScale('banyuasin-2023').id).toBe('banyuasin-2023');
		expect(findGradeScale(null).id).toBe('permendagri-86-2017');
		expect(findGradeScale(undefined).id).toBe('permendagri-86-2017');
		expect(findGradeScale('no-such-scale').id).toBe('permendagri-86-2017');
	});
});

describe('grade on permendagri-86-2017', () => {
	const id = 'permendagri-86-2017';

	it('grades the Balangan figure of 286.06 % Sangat Tinggi', () => {
		expect(gradeOf(286.06, id)).toBe('Sangat Tinggi');
		expect(grade(286.06, findGradeScale(id))?.label.en).toBe('Very high');
	});

	it('puts the printed gaps in the lower grade', () => {
		expect(gradeOf(91, id)).toBe('Sangat Tinggi');
		expect(gradeOf(90.5, id)).toBe('Tinggi');
		expect(gradeOf(76, id)).toBe('Tinggi');
		expect(gradeOf(75.5, id)).toBe('Sedang');
		expect(gradeOf(66, id)).toBe('Sedang');
		expect(gradeOf(65.5, id)).toBe('Rendah');
		expect(gradeOf(51, id)).toBe('Rendah');
		expect(gradeOf(50.5, id)).toBe('Rendah');
		expect(gradeOf(50, id)).toBe('Sangat Rendah');
		expect(gradeOf(-20, id)).toBe('Sangat Rendah');
	});
});

describe('grade on lan-239-2003', () => {
	const id = 'lan-239-2003';

	it('puts exactly 100, which the printed table leaves out, in Baik Sekali', () => {
		expect(gradeOf(100, id)).toBe('Baik Sekali');
		expect(gradeOf(99.99, id)).toBe('Baik');
	});

	it('grades 82.30 Baik and keeps the printed lower bounds inclusive', () => {
		expect(gradeOf(82.3, id)).toBe('Baik');
		expect(gradeOf(75, id)).toBe('Baik');
		expect(gradeOf(74.99, id)).toBe('Cukup');
		expect(gradeOf(55, id)).toBe('Cukup');
		expect(gradeOf(54.99, id)).toBe('Kurang');
	});
});

describe('grade on barito-timur-2023', () => {
	const id = 'barito-timur-2023';

	it('keeps every lower bound exclusive, so exactly 60 is Kurang Berhasil', () => {
		expect(gradeOf(60, id)).toBe('Kurang Berhasil');
		expect(gradeOf(60.01, id)).toBe('Cukup Berhasil');
		expect(gradeOf(80, id)).toBe('Cukup Berhasil');
		expect(gradeOf(90, id)).toBe('Berhasil');
		expect(gradeOf(90.01, id)).toBe('Sangat Berhasil');
	});
});

describe('grade on banyuasin-2023', () => {
	const id = 'banyuasin-2023';

	it('grades 82.30 Berhasil', () => {
		expect(gradeOf(82.3, id)).toBe('Berhasil');
	});

	it('follows the printed edges', () => {
		expect(gradeOf(85, id)).toBe('Sangat Berhasil');
		expect(gradeOf(84.99, id)).toBe('Berhasil');
		expect(gradeOf(70, id)).toBe('Berhasil');
		expect(gradeOf(69.99, id)).toBe('Cukup Berhasil');
		expect(gradeOf(55.01, id)).toBe('Cukup Berhasil');
		expect(gradeOf(55, id)).toBe('Tidak Berhasil');
	});
});

describe('grade on any scale', () => {
	it('gives null for NaN and grades the infinities', () => {
		for (const scale of GRADE_SCALES) {
			expect(grade(Number.NaN, scale)).toBeNull();
			expect(grade(Infinity, scale)).toBe(scale.grades[0]);
			expect(grade(-Infinity, scale)).toBe(scale.grades[scale.grades.length - 1]);
		}
	});

	it('gives null when a broken scale leaves the figure ungraded', () => {
		const broken: GradeScale = {
			id: 'broken',
			label: { id: 'Rusak', en: 'Broken' },
			source: 'test',
			grades: [{ label: { id: 'Baik', en: 'Good' }, min: 50, minInclusive: true }]
		};
		expect(grade(40, broken)).toBeNull();
	});
});

describe('validateGradeScale', () => {
	const base: GradeScale = {
		id: 'test',
		label: { id: 'Uji', en: 'Test' },
		source: 'test',
		grades: [
			{ label: { id: 'Baik', en: 'Good' }, min: 80, minInclusive: true },
			{ label: { id: 'Kurang', en: 'Poor' }, min: -Infinity, minInclusive: true }
		]
	};

	it('accepts every built-in scale', () => {
		for (const scale of GRADE_SCALES) expect(validateGradeScale(scale)).toEqual([]);
		expect(validateGradeScale(base)).toEqual([]);
	});

	it('rejects a scale without grades', () => {
		expect(validateGradeScale({ ...base, grades: [] })).toEqual(['the scale has no grades']);
	});

	it('rejects mins that do not fall strictly', () => {
		const same: GradeScale = {
			...base,
			grades: [
				{ label: { id: 'A', en: 'A' }, min: 80, minInclusive: true },
				{ label: { id: 'B', en: 'B' }, min: 80, minInclusive: false },
				{ label: { id: 'C', en: 'C' }, min: -Infinity, minInclusive: true }
			]
		};
		expect(validateGradeScale(same)).toEqual(['grade 2 must have a lower min than grade 1 (80 is not below 80)']);

		const rising: GradeScale = {
			...base,
			grades: [
				{ label: { id: 'A', en: 'A' }, min: 50, minInclusive: true },
				{ label: { id: 'B', en: 'B' }, min: 70, minInclusive: true },
				{ label: { id: 'C', en: 'C' }, min: -Infinity, minInclusive: true }
			]
		};
		expect(validateGradeScale(rising)).toEqual(['grade 2 must have a lower min than grade 1 (70 is not below 50)']);
	});

	it('rejects a NaN min', () => {
		const problems = validateGradeScale({
			...base,
			grades: [
				{ label: { id: 'A', en: 'A' }, min: Number.NaN, minInclusive: true },
				{ label: { id: 'B', en: 'B' }, min: -Infinity, minInclusive: true }
			]
		});
		expect(problems).toContain('grade 1 has no min');
	});

	it('rejects a last grade that stops above -Infinity', () => {
		const problems = validateGradeScale({
			...base,
			grades: [{ label: { id: 'A', en: 'A' }, min: 0, minInclusive: true }]
		});
		expect(problems).toEqual(['the last grade must have min -Infinity']);
	});

	it('rejects empty labels on the scale and on its grades', () => {
		const problems = validateGradeScale({
			...base,
			label: { id: ' ', en: 'Test' },
			grades: [
				{ label: { id: 'Baik', en: '' }, min: 80, minInclusive: true },
				{ label: { id: 'Kurang', en: 'Poor' }, min: -Infinity, minInclusive: true }
			]
		});
		expect(problems).toEqual([
			'the scale needs a label in both Indonesian and English',
			'grade 1 needs a label in both Indonesian and English'
		]);
	});
});

describe('a user’s own grade scale', () => {
	it('reads Banyuasin’s printed scale written by hand, and grades with it', () => {
		const own = parseGradeScale('≥ 85 Sangat Berhasil | ≥ 70 Berhasil | > 55 Cukup Berhasil | Tidak Berhasil')!;
		expect(own.grades.map((g) => [g.min, g.minInclusive])).toEqual([
			[85, true],
			[70, true],
			[55, false],
			[-Infinity, true]
		]);
		expect(grade(82.3, own)?.label.id).toBe('Berhasil');
		expect(grade(55, own)?.label.id).toBe('Tidak Berhasil');
		expect(resolveGradeScale(own.id)).toEqual(own);
	});

	it('writes every built-in scale in the form it reads back', () => {
		for (const scale of GRADE_SCALES) {
			expect(parseGradeScale(formatGradeScale(scale))?.grades.map((g) => [g.min, g.minInclusive, g.label.id])).toEqual(
				scale.grades.map((g) => [g.min, g.minInclusive, g.label.id])
			);
		}
	});

	it('refuses scales out of order or without a last grade, and falls back to Permendagri', () => {
		expect(parseGradeScale('≥ 70 Baik | ≥ 85 Sangat Baik | Kurang')).toBeNull();
		expect(parseGradeScale('≥ 70 Baik | ≥ 50 Cukup')).toBeNull();
		expect(resolveGradeScale('k:nonsense |').id).toBe('permendagri-86-2017');
	});
});
