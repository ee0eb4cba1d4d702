import type { IndicatorDefinition } from './indicators';
import { capaian, grade, roundTo, type Grade, type GradeScale, type RoundingMode } from './performance';

/** One cell group of an LKjIP performance table: realisasi as printed, target, capaian, grade. */
export interface ReportFigure {
	realisasi: number | null;
	target: number | null;
	capaian: number | null;
	grade: Grade | null;
}

/**
 * Realisasi rounded as the report prints it, and capaian computed from that printed figure, as the
 * reports do (seed 002: 66.88 / 23.38 = 286.06 %, where the unrounded 66.883… would give 286.07 %).
 * @example reportFigure(66.883, minimalMaju, 23.38, 'round', permendagri).capaian // 286.06
 */
export function reportFigure(
	value: number | null,
	definition: IndicatorDefinition,
	target: number | null,
	rounding: RoundingMode,
	scale: GradeScale
): ReportFigure {
	const realisasi = value === null ? null : roundTo(value, definition.decimals, rounding);
	const achieved =
		realisasi === null || target === null || target === 0
			? null
			: roundTo(capaian(realisasi, target, definition.direction), 2, rounding);
	return { realisasi, target, capaian: achieved, grade: achieved === null ? null : grade(achieved, scale) };
}
