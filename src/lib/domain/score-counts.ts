/**
 * IDM scores as each distinct score once, ascending, with how many villages have it. A national
 * year is 75,000 scores but at most 10,001 distinct ones (four decimals): the distribution is
 * read, binned and drawn from these, never from one number per village.
 */
export interface ScoreCounts {
	values: number[];
	/** `counts[i]` villages scored `values[i]`. */
	counts: number[];
}

/** A list of scores counted: each distinct score once, ascending. Non-finite scores are kept as they are. */
export function countScores(scores: readonly number[]): ScoreCounts {
	const counted = new Map<number, number>();
	for (const score of scores) counted.set(score, (counted.get(score) ?? 0) + 1);
	const values = [...counted.keys()].sort((a, b) => a - b);
	return { values, counts: values.map((value) => counted.get(value)!) };
}
