import { STATUS_ORDER, type Status } from './status';

/** One class of a scheme: the scores in (lower, upper], or with the edges the flags say. */
export interface StatusBand {
	status: Status;
	lower: number;
	upper: number;
	lowerInclusive: boolean;
	upperInclusive: boolean;
}

/** A named way of turning an IDM score into a status: data, so a new scheme is configuration. */
export interface StatusScheme {
	id: string;
	label: { id: string; en: string };
	/** Lowest class first. */
	bands: StatusBand[];
}

/** Builds the bands of a scheme whose cut-offs are upper bounds, inclusive, over [0, 1]. */
function bandsFromCutoffs(cutoffs: readonly number[]): StatusBand[] {
	const edges = [0, ...cutoffs, 1];
	return STATUS_ORDER.map((status, i) => ({
		status,
		lower: edges[i]!,
		upper: edges[i + 1]!,
		lowerInclusive: i === 0,
		upperInclusive: true
	}));
}

/** Permendesa PDTT 2/2016 cut-offs at 4 decimals (IDM.md): the default. */
export const OFFICIAL_SCHEME: StatusScheme = {
	id: 'resmi',
	label: { id: 'Resmi (4 desimal)', en: 'Official (4 decimals)' },
	bands: bandsFromCutoffs([0.4907, 0.5989, 0.7072, 0.8155])
};

/** The cut-offs rounded to 3 decimals, as reports print them (seed 003, table 2.3). */
export const ROUNDED_SCHEME: StatusScheme = {
	id: 'bulat',
	label: { id: 'Dibulatkan (3 desimal, seperti laporan)', en: 'Rounded (3 decimals, as reports print)' },
	bands: bandsFromCutoffs([0.491, 0.599, 0.707, 0.815])
};

/**
 * Not a scheme but the classes as a file published them: what a scheme is compared against when
 * the question is "what would the report print differently from the release".
 */
export const PUBLISHED_CLASSES = { id: 'terbit', label: { id: 'Status terbit (sesuai rilis)', en: 'Published status (as released)' } };

export const BUILT_IN_SCHEMES: readonly StatusScheme[] = [OFFICIAL_SCHEME, ROUNDED_SCHEME];

/**
 * A user's scheme written as its four cut-offs, each followed by `]` when the cut-off belongs to
 * the class below (upper bound inclusive, as officially) or `)` when it belongs to the class above.
 * The text is the scheme's id, so a URL can carry it.
 * @example encodeScheme(OFFICIAL_SCHEME) // '0.4907],0.5989],0.7072],0.8155]'
 */
export function encodeScheme(scheme: StatusScheme): string {
	return scheme.bands
		.slice(0, -1)
		.map((band) => `${band.upper}${band.upperInclusive ? ']' : ')'}`)
		.join(',');
}

/**
 * Reads a scheme written by {@link encodeScheme}; null unless it is a valid scheme.
 * @example parseScheme('0.5],0.6],0.7],0.8)')?.bands[4].lower // 0.8 (inclusive: 0.8 is Mandiri)
 */
export function parseScheme(text: string): StatusScheme | null {
	const cutoffs = text.split(',').map((part) => /^(0(?:\.\d{1,6})?|1)([\])])$/.exec(part.trim()));
	if (cutoffs.length !== STATUS_ORDER.length - 1 || cutoffs.some((match) => !match)) return null;
	const edges = [0, ...cutoffs.map((match) => Number(match![1])), 1];
	const belowInclusive = cutoffs.map((match) => match![2] === ']');
	const scheme: StatusScheme = {
		id: cutoffs.map((match) => match![0]).join(','),
		label: { id: `Ambang sendiri (${text})`, en: `Own thresholds (${text})` },
		bands: STATUS_ORDER.map((status, i) => ({
			status,
			lower: edges[i]!,
			upper: edges[i + 1]!,
			lowerInclusive: i === 0 || !belowInclusive[i - 1]!,
			upperInclusive: i === STATUS_ORDER.length - 1 || belowInclusive[i]!
		}))
	};
	return validateScheme(scheme).length === 0 ? scheme : null;
}

/** A built-in scheme by id, or a user's scheme by its encoding; the official scheme otherwise. */
export function findScheme(id: string | null | undefined): StatusScheme {
	return BUILT_IN_SCHEMES.find((scheme) => scheme.id === id) ?? (id ? parseScheme(id) : null) ?? OFFICIAL_SCHEME;
}

function contains(band: StatusBand, score: number): boolean {
	const aboveLower = score > band.lower || (band.lowerInclusive && score === band.lower);
	const belowUpper = score < band.upper || (band.upperInclusive && score === band.upper);
	return aboveLower && belowUpper;
}

/**
 * The status a score falls in, or null for a missing score or one outside every band.
 * @example classify(0.7072, OFFICIAL_SCHEME) // 'BERKEMBANG'
 * @example classify(0.7072, ROUNDED_SCHEME) // 'MAJU'
 */
export function classify(score: number | null | undefined, scheme: StatusScheme): Status | null {
	if (score == null || Number.isNaN(score)) return null;
	return scheme.bands.find((band) => contains(band, score))?.status ?? null;
}

/**
 * Problems that make a scheme unusable: bands out of order, overlapping, leaving gaps,
 * or not covering [0, 1]. An empty list means the scheme is valid.
 */
export function validateScheme(scheme: StatusScheme): string[] {
	const problems: string[] = [];
	const { bands } = scheme;
	if (bands.length === 0) return ['the scheme has no classes'];
	const first = bands[0]!;
	const last = bands[bands.length - 1]!;
	if (first.lower !== 0 || !first.lowerInclusive) problems.push('the lowest class must start at 0, inclusive');
	if (last.upper !== 1 || !last.upperInclusive) problems.push('the highest class must end at 1, inclusive');
	bands.forEach((band, i) => {
		if (!(band.lower < band.upper)) problems.push(`${band.status}: lower bound must be below upper bound`);
		const next = bands[i + 1];
		if (!next) return;
		if (next.lower !== band.upper) problems.push(`${band.status} → ${next.status}: bounds must meet`);
		else if (band.upperInclusive === next.lowerInclusive)
			problems.push(`${band.status} → ${next.status}: the edge ${band.upper} must belong to exactly one class`);
	});
	return problems;
}
