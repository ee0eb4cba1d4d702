import { STATUS_ORDER, type Status } from '../domain/status';

/**
 * One colour per status, everywhere: Okabe–Ito colours, distinguishable with the common colour
 * vision deficiencies, warm for lagging villages and blue for advanced ones.
 */
export const STATUS_COLORS: Readonly<Record<Status, string>> = {
	'SANGAT TERTINGGAL': '#D55E00',
	TERTINGGAL: '#E69F00',
	BERKEMBANG: '#F0E442',
	MAJU: '#56B4E9',
	MANDIRI: '#0072B2'
};

export const STATUS_RANGE: readonly string[] = STATUS_ORDER.map((status) => STATUS_COLORS[status]);
