/** The five IDM statuses, lowest first: the order every table, chart and transition uses. */
export const STATUS_ORDER = [
	'SANGAT TERTINGGAL',
	'TERTINGGAL',
	'BERKEMBANG',
	'MAJU',
	'MANDIRI'
] as const;

export type Status = (typeof STATUS_ORDER)[number];

/** Abbreviations seen in regency spreadsheets, after folding (single letters are ambiguous: not read). */
export const STATUS_ALIASES: Readonly<Record<string, Status>> = {
	ST: 'SANGAT TERTINGGAL',
	DST: 'SANGAT TERTINGGAL',
	DT: 'TERTINGGAL',
	DB: 'BERKEMBANG',
	DM: 'MAJU',
	MD: 'MANDIRI'
};

/**
 * Reads a published status as written in a release or report.
 * @example normalizeStatus(' Desa  mandiri ') // 'MANDIRI'
 * @example normalizeStatus('0,7') // null
 */
export function normalizeStatus(text: string | null | undefined): Status | null {
	if (text == null) return null;
	const folded = text
		.toUpperCase()
		.replace(/[^A-Z]+/g, ' ')
		.trim()
		.replace(/^DESA /, '');
	if ((STATUS_ORDER as readonly string[]).includes(folded)) return folded as Status;
	return STATUS_ALIASES[folded] ?? null;
}

export function isStatus(value: string): value is Status {
	return (STATUS_ORDER as readonly string[]).includes(value);
}
