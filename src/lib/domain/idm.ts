/** Scores are published at 4 decimals; work in whole ten-thousandths so sums are exact. */
const SCALE = 10_000;

/**
 * IDM = (IKS + IKE + IKL) / 3 at 4 decimals, from the published (already 4-decimal) components.
 * A sum of ten-thousandths divided by 3 never ends in exactly .5, so half-up and half-even agree.
 * @example idmFromComponents(0.8114, 0.4167, 0.6) // 0.6094
 */
export function idmFromComponents(iks: number, ike: number, ikl: number): number {
	const sum = Math.round(iks * SCALE) + Math.round(ike * SCALE) + Math.round(ikl * SCALE);
	return Math.round(sum / 3) / SCALE;
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
