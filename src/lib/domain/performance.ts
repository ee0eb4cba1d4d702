/** Whether a bigger realisasi is a better result (most indicators) or a worse one (e.g. poverty rate). */
export type Direction = 'higher-better' | 'lower-better';

/** Reports either round half away from zero or simply cut the extra digits off. */
export type RoundingMode = 'round' | 'truncate';

/**
 * Significant digits kept before rounding. Twelve is far more than any report prints, yet few
 * enough to drop the binary error of a division and a multiplication (0.29 * 100 is 28.999999999999996).
 */
const SIGNIFICANT_DIGITS = 12;

/**
 * Rounds half away from zero, or truncates toward zero, to `decimals` places, working on the
 * decimal digits rather than on the binary value so that figures land where the reports print them.
 * Values with more than twelve significant digits lose the digits beyond the twelfth first.
 * @example roundTo(1.005, 2, 'round') // 1.01
 * @example roundTo(2 / 205 * 100, 2, 'truncate') // 0.97 (round gives 0.98)
 * @example roundTo(0.29 * 100, 0, 'truncate') // 29
 * @example roundTo(-1.239, 2, 'truncate') // -1.23
 */
export function roundTo(value: number, decimals: number, mode: RoundingMode): number {
	if (!Number.isInteger(decimals) || decimals < 0) {
		throw new RangeError(`decimals must be a whole number of places, 0 or more (got ${decimals})`);
	}
	if (!Number.isFinite(value) || value === 0) return value;

	const { digits, pointAt } = decimalDigits(Math.abs(value));
	const keep = pointAt + decimals;
	let kept: bigint;
	if (keep < 0) {
		kept = 0n;
	} else {
		kept = keep === 0 ? 0n : BigInt(digits.slice(0, keep).padEnd(keep, '0'));
		const next = digits[keep] ?? '0';
		if (mode === 'round' && next >= '5') kept += 1n;
	}
	// Parsing the decimal string gives the double nearest the printed figure, unlike dividing by 10^n.
	const magnitude = Number(`${kept}e-${decimals}`);
	// Avoid -0, which would print as "-0" for a figure truncated to nothing.
	if (magnitude === 0) return 0;
	return value < 0 ? -magnitude : magnitude;
}

/**
 * The significant digits of a positive number, without leading zeros, and how many of them
 * stand before the decimal point (negative when the number is below 0.1).
 * @example decimalDigits(0.005) // { digits: '500000000000', pointAt: -2 }
 */
function decimalDigits(positive: number): { digits: string; pointAt: number } {
	const [mantissa = '', exponent = '0'] = positive.toPrecision(SIGNIFICANT_DIGITS).split('e');
	const [whole = '', fraction = ''] = mantissa.split('.');
	const raw = whole + fraction;
	const leadingZeros = raw.length - raw.replace(/^0+/, '').length;
	return { digits: raw.slice(leadingZeros), pointAt: whole.length + Number(exponent) - leadingZeros };
}

/**
 * Achievement against target, in percent, unrounded so callers choose how a report rounds it.
 * Lower-is-better uses the formula of a regency report's section 3.1: each unit above target
 * costs as much as each unit below it earns. A target of 0 gives NaN: there is no meaningful
 * ratio to zero, and a made-up 0 % or 100 % would be graded as if it were real.
 * @example capaian(66.88, 23.38, 'higher-better') // 286.0564…
 * @example capaian(5, 10, 'lower-better') // 150
 * @example capaian(12, 10, 'lower-better') // 80
 */
export function capaian(realisasi: number, target: number, direction: Direction): number {
	if (target === 0) return Number.NaN;
	if (direction === 'higher-better') return (realisasi / target) * 100;
	return ((target - (realisasi - target)) / target) * 100;
}

/** One grade of a scale: every capaian from `min` up to the next grade's min. */
export interface Grade {
	label: { id: string; en: string };
	/** lowest capaian in this grade */
	min: number;
	minInclusive: boolean;
}

/** A named way of grading capaian: data, so a regency's own table is configuration, not code. */
export interface GradeScale {
	id: string;
	label: { id: string; en: string };
	/** The regulation or report the table is taken from. */
	source: string;
	/** highest grade first; the last grade has min -Infinity */
	grades: Grade[];
}

/**
 * Printed as ≥ 91 · 76–90 · 66–75 · 51–65 · ≤ 50, which leaves gaps such as 90.5 and 50.5.
 * Using lower bounds puts each gap in the lower grade's range (90.5 Tinggi, 50.5 Rendah).
 * Nothing caps the top: the Balangan report grades 286.06 % Sangat Tinggi.
 */
const PERMENDAGRI_86_2017: GradeScale = {
	id: 'permendagri-86-2017',
	label: { id: 'Permendagri 86/2017', en: 'Permendagri 86/2017' },
	source: 'Permendagri 86/2017, as printed in the Balangan LKjIP',
	grades: [
		{ label: { id: 'Sangat Tinggi', en: 'Very high' }, min: 91, minInclusive: true },
		{ label: { id: 'Tinggi', en: 'High' }, min: 76, minInclusive: true },
		{ label: { id: 'Sedang', en: 'Medium' }, min: 66, minInclusive: true },
		{ label: { id: 'Rendah', en: 'Low' }, min: 50, minInclusive: false },
		{ label: { id: 'Sangat Rendah', en: 'Very low' }, min: -Infinity, minInclusive: true }
	]
};

/**
 * Printed as > 100 · 75 s/d < 100 · 55 s/d < 75 · < 55, which grades exactly 100 nowhere.
 * Meeting the target exactly is put in Baik Sekali (min 100 inclusive), not left ungraded.
 */
const LAN_239_2003: GradeScale = {
	id: 'lan-239-2003',
	label: { id: 'Keputusan Kepala LAN 239/IX/6/8/2003', en: 'LAN Head Decree 239/IX/6/8/2003' },
	source: 'Keputusan Kepala LAN 239/IX/6/8/2003, as printed in the Way Kanan LKjIP',
	grades: [
		{ label: { id: 'Baik Sekali', en: 'Very good' }, min: 100, minInclusive: true },
		{ label: { id: 'Baik', en: 'Good' }, min: 75, minInclusive: true },
		{ label: { id: 'Cukup', en: 'Fair' }, min: 55, minInclusive: true },
		{ label: { id: 'Kurang', en: 'Poor' }, min: -Infinity, minInclusive: true }
	]
};

/**
 * Printed as > 90 · > 80 – 90 · > 60 – 80 · < 60, which grades exactly 60 nowhere.
 * It goes to Kurang Berhasil, so every printed lower bound stays exclusive.
 */
const BARITO_TIMUR_2023: GradeScale = {
	id: 'barito-timur-2023',
	label: { id: 'LKjIP Barito Timur 2023', en: 'Barito Timur LKjIP 2023' },
	source: 'LKjIP Kabupaten Barito Timur 2023',
	grades: [
		{ label: { id: 'Sangat Berhasil', en: 'Very successful' }, min: 90, minInclusive: false },
		{ label: { id: 'Berhasil', en: 'Successful' }, min: 80, minInclusive: false },
		{ label: { id: 'Cukup Berhasil', en: 'Fairly successful' }, min: 60, minInclusive: false },
		{ label: { id: 'Kurang Berhasil', en: 'Less successful' }, min: -Infinity, minInclusive: true }
	]
};

/** Printed as X ≥ 85 · 70 ≤ X < 85 · 55 < X < 70 · X ≤ 55: no gaps, taken as printed. */
const BANYUASIN_2023: GradeScale = {
	id: 'banyuasin-2023',
	label: { id: 'LKjIP Banyuasin 2023', en: 'Banyuasin LKjIP 2023' },
	source: 'LKjIP Kabupaten Banyuasin 2023',
	grades: [
		{ label: { id: 'Sangat Berhasil', en: 'Very successful' }, min: 85, minInclusive: true },
		{ label: { id: 'Berhasil', en: 'Successful' }, min: 70, minInclusive: true },
		{ label: { id: 'Cukup Berhasil', en: 'Fairly successful' }, min: 55, minInclusive: false },
		{ label: { id: 'Tidak Berhasil', en: 'Not successful' }, min: -Infinity, minInclusive: true }
	]
};

/**
 * The built-in scales; the first, Permendagri 86/2017, is the default.
 * @example GRADE_SCALES.map((scale) => scale.id)
 * // ['permendagri-86-2017', 'lan-239-2003', 'barito-timur-2023', 'banyuasin-2023']
 */
export const GRADE_SCALES: readonly GradeScale[] = [
	PERMENDAGRI_86_2017,
	LAN_239_2003,
	BARITO_TIMUR_2023,
	BANYUASIN_2023
];

/**
 * The built-in scale with this id; an unknown or missing id (say, a stale URL parameter)
 * falls back to the regulation that applies nationally, Permendagri 86/2017.
 * @example findGradeScale('lan-239-2003').label.id // 'Keputusan Kepala LAN 239/IX/6/8/2003'
 * @example findGradeScale(null).id // 'permendagri-86-2017'
 */
export function findGradeScale(id: string | null | undefined): GradeScale {
	return GRADE_SCALES.find((scale) => scale.id === id) ?? PERMENDAGRI_86_2017;
}

/**
 * The grade a capaian falls in: the first, from the top, whose min it reaches. Pass the figure
 * as the report prints it (rounded) so the grade agrees with the printed number.
 * Null for NaN (no target) or when a broken scale leaves the value ungraded.
 * @example grade(286.06, findGradeScale('permendagri-86-2017'))?.label.id // 'Sangat Tinggi'
 * @example grade(82.3, findGradeScale('banyuasin-2023'))?.label.id // 'Berhasil'
 */
export function grade(capaianPercent: number, scale: GradeScale): Grade | null {
	if (Number.isNaN(capaianPercent)) return null;
	return (
		scale.grades.find(
			(candidate) =>
				capaianPercent > candidate.min || (candidate.minInclusive && capaianPercent === candidate.min)
		) ?? null
	);
}

/**
 * Problems that make a scale unusable; an empty list means it is valid. Mins must fall strictly
 * so no grade hides behind the one above it, and the last must reach -Infinity so every figure
 * gets a grade.
 * @example validateGradeScale({ ...findGradeScale(null), grades: [] }) // ['the scale has no grades']
 */
export function validateGradeScale(scale: GradeScale): string[] {
	const problems: string[] = [];
	if (isBlank(scale.label.id) || isBlank(scale.label.en)) {
		problems.push('the scale needs a label in both Indonesian and English');
	}
	const { grades } = scale;
	if (grades.length === 0) return [...problems, 'the scale has no grades'];

	grades.forEach((current, i) => {
		const name = `grade ${i + 1}`;
		if (isBlank(current.label.id) || isBlank(current.label.en)) {
			problems.push(`${name} needs a label in both Indonesian and English`);
		}
		if (Number.isNaN(current.min)) problems.push(`${name} has no min`);
		const above = grades[i - 1];
		if (above && !(current.min < above.min)) {
			problems.push(`${name} must have a lower min than grade ${i} (${current.min} is not below ${above.min})`);
		}
	});
	const last = grades[grades.length - 1];
	if (last && last.min !== -Infinity) problems.push('the last grade must have min -Infinity');
	return problems;
}

function isBlank(text: string): boolean {
	return text.trim() === '';
}

/** Marks a user's own scale in an id: `k:` then its grades as {@link parseGradeScale} reads them. */
const OWN_SCALE_PREFIX = 'k:';

/**
 * Reads a user's own grade scale, one grade per `|`, highest first: `≥ min label` (or `>= min`),
 * `> min label`, and a last grade with no bound. Null unless it is a valid scale.
 * @example parseGradeScale('≥ 85 Sangat Berhasil | ≥ 70 Berhasil | > 55 Cukup Berhasil | Tidak Berhasil')?.grades[2] // {min: 55, minInclusive: false, …}
 */
export function parseGradeScale(text: string): GradeScale | null {
	const parts = text.split('|').map((part) => part.trim());
	const grades: Grade[] = [];
	for (const [i, part] of parts.entries()) {
		const bounded = /^(≥|>=|>)\s*(-?\d+(?:[.,]\d+)?)\s*%?\s+(.+)$/.exec(part);
		if (bounded) {
			const label = bounded[3]!.trim();
			grades.push({ label: { id: label, en: label }, min: Number(bounded[2]!.replace(',', '.')), minInclusive: bounded[1] !== '>' });
		} else if (i === parts.length - 1 && part !== '') {
			grades.push({ label: { id: part, en: part }, min: -Infinity, minInclusive: true });
		} else {
			return null;
		}
	}
	const scale: GradeScale = {
		id: `${OWN_SCALE_PREFIX}${text}`,
		label: { id: `Skala sendiri (${text})`, en: `Own scale (${text})` },
		source: 'user',
		grades
	};
	return validateGradeScale(scale).length === 0 ? scale : null;
}

/**
 * Writes a scale in the form {@link parseGradeScale} reads, to start editing from it.
 * @example formatGradeScale(findGradeScale('lan-239-2003')) // '≥ 100 Baik Sekali | ≥ 75 Baik | ≥ 55 Cukup | Kurang'
 */
export function formatGradeScale(scale: GradeScale): string {
	return scale.grades
		.map((g) => (g.min === -Infinity ? g.label.id : `${g.minInclusive ? '≥' : '>'} ${g.min} ${g.label.id}`))
		.join(' | ');
}

/** A built-in scale by id, or a user's own (`k:…`); the Permendagri scale otherwise. */
export function resolveGradeScale(id: string | null | undefined): GradeScale {
	if (id?.startsWith(OWN_SCALE_PREFIX)) {
		const own = parseGradeScale(id.slice(OWN_SCALE_PREFIX.length));
		if (own) return own;
	}
	return findGradeScale(id);
}
