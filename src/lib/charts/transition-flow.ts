import * as Plot from '@observablehq/plot';
import { STATUS_ORDER, isStatus, type Status } from '../domain/status';
import { formatCount } from '../i18n/format';
import { statusLabel, t, type Lang } from '../i18n/messages';
import { flowKey } from './inline-legend';
import { FLOW_COLORS, FLOW_LABELS, STATUS_RANGE, flowDirection, type FlowDirection } from './palette';

/** One row per consecutive pair of years and from/to status; a null status is a village absent or unscored that year. */
export interface FlowRow {
	dari_tahun: number;
	ke_tahun: number;
	dari: string | null;
	ke: string | null;
	jumlah: number;
}

export interface TransitionFlowOptions {
	lang: Lang;
	width?: number;
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
}

const defaults = {
	width: 640,
	height: 400,
	marginTop: 32,
	marginRight: 136,
	marginBottom: 40,
	marginLeft: 136,
	/** Pixels. */
	nodeWidth: 16,
	/** Pixels between the nodes of one year. */
	nodeGap: 12,
	linkOpacity: 0.45
};


interface FlowNode {
	year: number;
	status: Status;
	total: number;
	/** Bottom and top of the node, in villages. */
	y1: number;
	y2: number;
}

interface FlowLink {
	from: FlowNode;
	to: FlowNode;
	jumlah: number;
	movement: FlowDirection;
	/** Centre of the ribbon at each end, in villages. */
	y1: number;
	y2: number;
}

/**
 * Alluvial chart of village statuses between years: per year a column of nodes, Sangat Tertinggal at the
 * bottom and Mandiri on top, as tall as the villages in that status; between consecutive years a ribbon from
 * each status to each status as thick as the villages that moved, blue up, vermillion down, grey unchanged.
 * Rows with a null status draw no ribbon, but the village still counts in its known-status node, so a node
 * can be taller than its ribbons (villages that appeared, disappeared or lost their score).
 */
export function transitionFlowChart(flows: readonly FlowRow[], options: TransitionFlowOptions): SVGSVGElement {
	const { lang } = options;
	const label = (status: Status) => statusLabel(lang, status);
	const villages = (n: number) => `${formatCount(n, lang)} ${t(lang, 'villagesCount')}`;
	const innerHeight = defaults.height - defaults.marginTop - defaults.marginBottom;
	const { nodes, links, years, pixelsPerVillage } = layout(flows, innerHeight);
	// Widths are pixels, so they must come from the same factor the y scale uses: the domain is set from it.
	const yMax = innerHeight / pixelsPerVillage;
	const nodeTitle = (node: FlowNode) => `${label(node.status)} ${node.year}: ${villages(node.total)}`;
	const linkTitle = (link: FlowLink) =>
		`${label(link.from.status)} ${link.from.year} → ${label(link.to.status)} ${link.to.year}: ` +
		`${villages(link.jumlah)} (${t(lang, FLOW_LABELS[link.movement])})`;
	// Ribbon colours need a key: up ribbons are blue like the Maju and Mandiri nodes.
	const key = (movement: FlowDirection, dx: number) =>
		flowKey(lang, movement, { symbol: '▬', frameAnchor: 'top-left', dx, dy: -defaults.marginTop + 8 });
	const labelOffset = defaults.nodeWidth / 2 + 4;
	const firstYear = years[0];
	const nodeLabel = {
		x: 'year',
		y: (node: FlowNode) => (node.y1 + node.y2) / 2,
		text: (node: FlowNode) => `${label(node.status)} ${formatCount(node.total, lang)}`,
		fill: 'currentColor',
		// A halo keeps labels of middle years readable over the ribbons.
		stroke: 'white',
		strokeWidth: 3,
		paintOrder: 'stroke'
	} as const;
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: defaults.height,
		marginTop: defaults.marginTop,
		marginRight: defaults.marginRight,
		marginBottom: defaults.marginBottom,
		marginLeft: defaults.marginLeft,
		document: options.document,
		ariaLabel: t(lang, 'chartFlowTitle'),
		x: {
			type: 'point',
			domain: years,
			padding: 0,
			label: t(lang, 'year'),
			labelAnchor: 'center',
			labelArrow: 'none',
			tickFormat: (year: number) => String(year)
		},
		y: { domain: [0, yMax], axis: null },
		color: { domain: STATUS_ORDER as unknown as string[], range: STATUS_RANGE as string[] },
		marks: [
			// Centre to centre under the nodes: bump-x leaves horizontally, so where a ribbon emerges from
			// a node its vertical extent is its stroke width, inside the node's slot.
			Plot.link(links, {
				x1: (link: FlowLink) => link.from.year,
				x2: (link: FlowLink) => link.to.year,
				y1: 'y1',
				y2: 'y2',
				curve: 'bump-x',
				stroke: { value: (link: FlowLink) => FLOW_COLORS[link.movement], scale: null },
				strokeWidth: (link: FlowLink) => link.jumlah * pixelsPerVillage,
				strokeOpacity: defaults.linkOpacity,
				ariaLabel: linkTitle,
				title: linkTitle,
				tip: true
			}),
			Plot.rect(nodes, {
				x1: 'year',
				x2: 'year',
				y1: 'y1',
				y2: 'y2',
				fill: 'status',
				// A point scale has no bandwidth: negative insets give the node its width around the year.
				insetLeft: -defaults.nodeWidth / 2,
				insetRight: -defaults.nodeWidth / 2,
				ariaLabel: nodeTitle,
				title: nodeTitle,
				tip: true
			}),
			// No tips on the labels and the key: the node under each label already has one, and two would stack.
			Plot.text(
				nodes.filter((node) => node.year === firstYear),
				{ ...nodeLabel, textAnchor: 'end', dx: -labelOffset }
			),
			Plot.text(
				nodes.filter((node) => node.year !== firstYear),
				{ ...nodeLabel, textAnchor: 'start', dx: labelOffset }
			),
			key('up', 0),
			key('down', 56),
			key('same', 112)
		]
	}) as SVGSVGElement;
}

/** Node and ribbon positions in villages, and the pixels per village that fit the tallest year. */
function layout(flows: readonly FlowRow[], innerHeight: number) {
	const known = (status: string | null): Status | null => (status !== null && isStatus(status) ? status : null);
	// Per node, its villages as each year pair sees them: out to (and in from) every other year.
	const sides = new Map<string, Map<string, number>>();
	const addSide = (year: number, status: Status, side: string, jumlah: number) => {
		const key = `${year}|${status}`;
		const counts = sides.get(key) ?? new Map<string, number>();
		counts.set(side, (counts.get(side) ?? 0) + jumlah);
		sides.set(key, counts);
	};
	const pairs = new Map<string, { dari_tahun: number; ke_tahun: number; dari: Status; ke: Status; jumlah: number }>();
	for (const row of flows) {
		if (!(row.jumlah > 0)) continue;
		const dari = known(row.dari);
		const ke = known(row.ke);
		if (dari !== null) addSide(row.dari_tahun, dari, `out ${row.ke_tahun}`, row.jumlah);
		if (ke !== null) addSide(row.ke_tahun, ke, `in ${row.dari_tahun}`, row.jumlah);
		if (dari === null || ke === null) continue;
		const key = `${row.dari_tahun}|${dari}|${row.ke_tahun}|${ke}`;
		const pair = pairs.get(key) ?? { dari_tahun: row.dari_tahun, ke_tahun: row.ke_tahun, dari, ke, jumlah: 0 };
		pair.jumlah += row.jumlah;
		pairs.set(key, pair);
	}

	const years = [...new Set([...sides.keys()].map((key) => Number(key.split('|')[0])))].sort((a, b) => a - b);
	const columns = years.map((year) =>
		STATUS_ORDER.flatMap((status) => {
			const counts = sides.get(`${year}|${status}`);
			// Pairs can disagree on a node when villages appear or vanish: the node holds the larger.
			const total = counts ? Math.max(...counts.values()) : 0;
			return total > 0 ? [{ year, status, total, y1: 0, y2: 0 }] : [];
		})
	);
	// Gaps are fixed in pixels, so the tallest column is the one with the fewest pixels per village left.
	const fits = columns.map((column) => {
		const total = column.reduce((sum, node) => sum + node.total, 0);
		return (innerHeight - (column.length - 1) * defaults.nodeGap) / total;
	});
	const pixelsPerVillage = fits.length > 0 ? Math.min(...fits) : 1;
	const gap = defaults.nodeGap / pixelsPerVillage;
	const byKey = new Map<string, FlowNode>();
	for (const column of columns) {
		let y = 0;
		for (const node of column) {
			node.y1 = y;
			node.y2 = y + node.total;
			y = node.y2 + gap;
			byKey.set(`${node.year}|${node.status}`, node);
		}
	}

	// Ribbons leaving a node stack bottom up in to-status order and arriving ones in from-status order,
	// the order of the nodes, so both ends sit inside their node and few ribbons cross. Sorting by
	// from-status then to-status gives both orders in one pass.
	const rank = (status: Status) => STATUS_ORDER.indexOf(status);
	const ordered = [...pairs.values()].sort(
		(a, b) => a.dari_tahun - b.dari_tahun || rank(a.dari) - rank(b.dari) || rank(a.ke) - rank(b.ke)
	);
	const offsets = new Map<string, number>();
	const stack = (node: FlowNode, side: string, jumlah: number) => {
		const key = `${node.year}|${node.status}|${side}`;
		const offset = offsets.get(key) ?? 0;
		offsets.set(key, offset + jumlah);
		return node.y1 + offset + jumlah / 2;
	};
	const links: FlowLink[] = [];
	for (const pair of ordered) {
		const from = byKey.get(`${pair.dari_tahun}|${pair.dari}`);
		const to = byKey.get(`${pair.ke_tahun}|${pair.ke}`);
		if (!from || !to) continue;

		links.push({
			from,
			to,
			jumlah: pair.jumlah,
			movement: flowDirection(pair.dari, pair.ke),
			y1: stack(from, `out ${pair.ke_tahun}`, pair.jumlah),
			y2: stack(to, `in ${pair.dari_tahun}`, pair.jumlah)
		});
	}

	return { nodes: columns.flat(), links, years, pixelsPerVillage };
}
