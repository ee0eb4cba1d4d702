/**
 * How many points each component's indicators can reach: IKS has 35 indicators, IKE 12, IKL 3,
 * each scored 0–5 (Permendesa PDTT 2/2016). A component is its points over this maximum.
 */
export const COMPONENT_MAX_POINTS = { iks: 175, ike: 60, ikl: 15 } as const;

/** A component is published at 4 decimals: its points are exact when within half a unit of it. */
const HALF_UNIT = 0.00005 + 1e-12;

/** The integer points behind a published component, or null when it cannot come from whole points. */
function pointsOf(component: number, maxPoints: number): number | null {
	const points = Math.round(component * maxPoints);
	return Math.abs(points / maxPoints - component) <= HALF_UNIT ? points : null;
}

/**
 * IDM = (IKS + IKE + IKL) / 3, rounded half-up to 4 decimals from the unrounded fractions, as the
 * ministry computes it. A published 4-decimal component still gives back its integer points
 * (175 × 0.00005 < 0.5), so the exact fractions are recovered first: this reproduces every IDM of
 * the 2023 Lampung release, where averaging the rounded components misses 1 in 9. Components that
 * are not whole points over their maximum (a few 2024 rows) are averaged as published.
 * @example idmFromComponents(0.8629, 0.7167, 0.6667) // 0.7487 (the rounded components give 0.7488)
 */
export function idmFromComponents(iks: number, ike: number, ikl: number): number {
	const p = {
		iks: pointsOf(iks, COMPONENT_MAX_POINTS.iks),
		ike: pointsOf(ike, COMPONENT_MAX_POINTS.ike),
		ikl: pointsOf(ikl, COMPONENT_MAX_POINTS.ikl)
	};
	if (p.iks === null || p.ike === null || p.ikl === null) {
		// Whole ten-thousandths over 3 never end in exactly .5: Math.round is half-up here.
		return Math.round((Math.round(iks * 10_000) + Math.round(ike * 10_000) + Math.round(ikl * 10_000)) / 3) / 10_000;
	}
	// Over the common denominator 3 × 2100: IDM × 10 000 = (12·iks + 35·ike + 140·ikl) × 100 / 63.
	const numerator = 100 * (12 * p.iks + 35 * p.ike + 140 * p.ikl);
	return Math.floor((2 * numerator + 63) / 126) / 10_000;
}

/**
 * Reads a score as printed: decimal point or decimal comma, blank or text notes as missing.
 * @example parseScore('0,8360') // 0.836
 * @example parseScore('Update 2023') // null
 */
export function parseScore(text: string | null | undefined): number | null {
	if (text == null) return null;
	const trimmed = text.trim().replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
	return Number(trimmed);
}
