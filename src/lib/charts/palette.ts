import { STATUS_ORDER, type Status } from '../domain/status';
import { statusLabel, type Lang, type MessageKey } from '../i18n/messages';

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

/** The status colour key, Sangat Tertinggal to Mandiri, as a chart's legend. */
export function statusLegend(lang: Lang): { label: string; color: string }[] {
	return STATUS_ORDER.map((status) => ({ label: statusLabel(lang, status), color: STATUS_COLORS[status] }));
}

/** Which way villages moved between two years, in a flow or a matrix. */
export type FlowDirection = 'up' | 'down' | 'same';

/** Blue up, vermillion down (Okabe–Ito, as the status palette), grey for villages that kept their status. */
export const FLOW_COLORS: Readonly<Record<FlowDirection, string>> = {
	up: '#0072B2',
	down: '#D55E00',
	same: '#999999'
};

/**
 * Which way a village moved from one status to another.
 * @example flowDirection('BERKEMBANG', 'MAJU') // 'up'
 */
export function flowDirection(from: Status, to: Status): FlowDirection {
	const step = STATUS_ORDER.indexOf(to) - STATUS_ORDER.indexOf(from);
	return step > 0 ? 'up' : step < 0 ? 'down' : 'same';
}

export const FLOW_LABELS: Readonly<Record<FlowDirection, MessageKey>> = { up: 'flowUp', down: 'flowDown', same: 'flowSame' };

export const COMPONENTS = ['IKS', 'IKE', 'IKL'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * One colour per component, everywhere: the Okabe–Ito colours the status palette leaves free
 * (bluish green, reddish purple) and a grey, so that black stays free for the IDM itself.
 */
export const COMPONENT_COLORS: Readonly<Record<Component, string>> = {
	IKS: '#009E73',
	IKE: '#CC79A7',
	IKL: '#6E6E6E'
};
