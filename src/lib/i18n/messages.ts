import type { Status } from '../domain/status';

export const LANGUAGES = ['id', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const id = {
	appTitle: 'Dasbor Indeks Desa Membangun',
	appSubtitle: 'Status desa per kabupaten dan tahun, dari data IDM Kemendes PDTT',
	regency: 'Kabupaten',
	scheme: 'Ambang status',
	language: 'Bahasa',
	year: 'Tahun',
	villages: 'Jumlah desa',
	total: 'Jumlah',
	unscored: 'Tanpa nilai',
	source: 'Dasar hitungan',
	basisScores: 'dihitung dari nilai IDM',
	basisStatus: 'status yang diterbitkan (tanpa nilai)',
	basisRecap: 'rekap jumlah dalam laporan',
	disagreements: 'desa dengan status terbit berbeda dari hasil hitung',
	countsTitle: 'Jumlah desa menurut status IDM per tahun',
	chartTitle: 'Sebaran status desa per tahun',
	loadingDb: 'Menyiapkan basis data di peramban…',
	loadingQuery: 'Menghitung…',
	failed: 'Gagal memuat data',
	legend: 'Keterangan warna',
	noData: 'Tidak ada data untuk kabupaten ini.'
};

const en: typeof id = {
	appTitle: 'Village Development Index Dashboard',
	appSubtitle: 'Village status by regency and year, from the ministry’s IDM data',
	regency: 'Regency',
	scheme: 'Status thresholds',
	language: 'Language',
	year: 'Year',
	villages: 'Villages',
	total: 'Total',
	unscored: 'No score',
	source: 'Counted from',
	basisScores: 'computed from IDM scores',
	basisStatus: 'published status (no scores)',
	basisRecap: 'counts printed in a report',
	disagreements: 'villages whose published status differs from the computed one',
	countsTitle: 'Villages by IDM status per year',
	chartTitle: 'Village status distribution per year',
	loadingDb: 'Starting the in-browser database…',
	loadingQuery: 'Computing…',
	failed: 'Could not load the data',
	legend: 'Colour key',
	noData: 'No data for this regency.'
};

export type MessageKey = keyof typeof id;

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { id, en };

const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
	id: {
		'SANGAT TERTINGGAL': 'Sangat Tertinggal',
		TERTINGGAL: 'Tertinggal',
		BERKEMBANG: 'Berkembang',
		MAJU: 'Maju',
		MANDIRI: 'Mandiri'
	},
	en: {
		'SANGAT TERTINGGAL': 'Very underdeveloped',
		TERTINGGAL: 'Underdeveloped',
		BERKEMBANG: 'Developing',
		MAJU: 'Advanced',
		MANDIRI: 'Independent'
	}
};

export function t(lang: Lang, key: MessageKey): string {
	return MESSAGES[lang][key];
}

export function statusLabel(lang: Lang, status: Status): string {
	return STATUS_LABELS[lang][status];
}
