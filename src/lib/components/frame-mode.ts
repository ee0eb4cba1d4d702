import { getContext, setContext } from 'svelte';

/**
 * How charts and tables show themselves: in a view (the default, with their tools), alone in an
 * embed frame, or as items of a printed report the user picks.
 */
export type FrameMode =
	| { kind: 'embed'; chart: string; drawn: () => void }
	| {
			kind: 'report';
			isChosen: (item: string) => boolean;
			toggle: (item: string) => void;
			/** "Gambar 2", "Tabel 1": the item's caption number among the chosen, in page order. */
			numberOf: (item: string) => string | null;
	  };

const KEY = Symbol('frame-mode');

export function setFrameMode(mode: FrameMode): void {
	setContext(KEY, mode);
}

export function frameMode(): FrameMode | undefined {
	return getContext<FrameMode | undefined>(KEY);
}

/** How a report names an item in the URL (`?pilih=gambar:status-distribution,tabel:status-counts`). */
export const reportItem = (kind: 'gambar' | 'tabel', name: string) => `${kind}:${name}`;
