// Peak memory of one Chromium instance: every process under the browser launched with a given
// profile, polled from /proc. PSS counts shared pages once (split between their users); RSS sums
// double-count them and are an upper bound.
import { readdirSync, readFileSync } from 'node:fs';

/** @param {string} path */
function read(path) {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

/** @param {string} profile */
function processesOf(profile) {
	/** @type {Map<number, number>} pid → parent */
	const parents = new Map();
	/** @type {number[]} */
	const roots = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const pid = Number(name);
		const stat = read(`/proc/${pid}/stat`);
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		parents.set(pid, ppid);
		if (read(`/proc/${pid}/cmdline`).includes(`--user-data-dir=${profile}`)) roots.push(pid);
	}
	const members = new Set(roots);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, ppid] of parents) {
			if (!members.has(pid) && members.has(ppid)) {
				members.add(pid);
				grew = true;
			}
		}
	}
	return [...members];
}

/** @param {string} text @param {string} field */
function kib(text, field) {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
	return match ? Number(match[1]) * 1024 : 0;
}

/** @param {string} profile @param {number} [intervalMs] */
export function startMemoryProbe(profile, intervalMs = 150) {
	let peak = { pss: 0, rss: 0 };
	let pids = /** @type {number[]} */ ([]);
	let tick = 0;
	const timer = setInterval(() => {
		if (tick++ % 10 === 0 || pids.length === 0) pids = processesOf(profile);
		let pss = 0;
		let rss = 0;
		for (const pid of pids) {
			pss += kib(read(`/proc/${pid}/smaps_rollup`), 'Pss');
			rss += kib(read(`/proc/${pid}/status`), 'VmRSS');
		}
		peak = { pss: Math.max(peak.pss, pss), rss: Math.max(peak.rss, rss) };
	}, intervalMs);
	return {
		peak: () => peak,
		reset() {
			peak = { pss: 0, rss: 0 };
		},
		stop: () => clearInterval(timer)
	};
}
