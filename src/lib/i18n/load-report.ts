import type { Lang } from './messages';

/** Each reason a load report gives, with what to do about it, in both languages. */
const REASONS: Record<string, Record<Lang, string>> = {
	'repeated-header': { id: 'baris judul kolom yang berulang; dilewati', en: 'repeated header row; skipped' },
	'not-a-number': {
		id: 'bukan angka; baris dimuat tanpa nilai ini. Perbaiki sel bila seharusnya angka',
		en: 'not a number; the row loads without this value. Fix the cell if it should be a number'
	},
	'out-of-range': {
		id: 'di luar rentang 0–1; baris dimuat tanpa nilai ini. Periksa apakah nilainya persen atau salah ketik',
		en: 'outside 0–1; the row loads without this value. Check for a percentage or a typo'
	},
	'bad-code': {
		id: 'kode desa bukan 10 angka; desa dicocokkan lewat nama',
		en: 'village code is not 10 digits; the village is matched by name'
	},
	'bad-year': { id: 'tahun tidak terbaca; isi tahun di pengaturan berkas', en: 'year unreadable; give the year in the file settings' },
	'unknown-status': {
		id: 'status tidak dikenal; gunakan Sangat Tertinggal, Tertinggal, Berkembang, Maju atau Mandiri',
		en: 'unknown status; use Sangat Tertinggal, Tertinggal, Berkembang, Maju or Mandiri'
	},
	'no-village': { id: 'tanpa kode maupun nama desa; baris ditolak', en: 'no village code or name; row rejected' },
	'no-year': { id: 'tanpa tahun; baris ditolak. Isi tahun di pengaturan berkas', en: 'no year; row rejected. Give the year in the file settings' },
	'no-regency': { id: 'tanpa kabupaten; baris ditolak. Isi kode kabupaten', en: 'no regency; row rejected. Give the regency code' },
	'total-mismatch': { id: 'jumlah tercetak berbeda dari penjumlahan status', en: 'printed total differs from the sum of the statuses' },
	duplicate: { id: 'desa-tahun yang sama muncul lebih dari sekali; yang dimuat terakhir dipakai', en: 'the same village-year appears more than once; the last loaded is used' },
	'idm-mismatch': { id: 'IDM berbeda dari (IKS+IKE+IKL)/3 lebih dari 0,0001', en: 'IDM differs from (IKS+IKE+IKL)/3 by more than 0.0001' },
	'status-mismatch': { id: 'status terbit berbeda dari status hasil hitung', en: 'published status differs from the computed one' },
	'missing-next-year': { id: 'desa ada tahun ini tetapi tidak ada pada tahun berikutnya', en: 'village present this year but missing the next' },
	'name-unmatched': {
		id: 'nama desa tidak cocok dengan desa mana pun; pilih desanya di bawah',
		en: 'village name matches no village; choose it below'
	},
	'name-ambiguous': {
		id: 'nama desa cocok dengan beberapa desa; pilih desanya di bawah',
		en: 'village name matches several villages; choose it below'
	},
	'no-header': { id: 'tidak ada baris judul kolom yang dikenali', en: 'no recognisable header row' },
	empty: { id: 'berkas kosong', en: 'empty file' },
	'unreadable-workbook': { id: 'buku kerja Excel tidak terbaca', en: 'unreadable Excel workbook' },
	'not-http': { id: 'alamat harus http(s)', en: 'the address must be http(s)' },
	'http-error': { id: 'server menjawab dengan galat', en: 'the server answered with an error' },
	network: { id: 'tidak dapat dihubungi (jaringan atau CORS)', en: 'could not be reached (network or CORS)' },
	timeout: { id: 'terlalu lama; dibatalkan setelah 30 detik', en: 'too slow; given up after 30 seconds' },
	cancelled: { id: 'dibatalkan', en: 'cancelled' },
	'became-reconciliation': {
		id: 'kini pembanding: berkas berkode desa untuk tahun dan kabupaten yang sama dimuat sesudahnya (lihat kolom Isi)',
		en: 'now for reconciliation: a file with village codes for the same year and regency was loaded after it (see Value)'
	},
	'needs-input': {
		id: 'berkas perlu dilengkapi (tahun, kabupaten atau jenis); buka menu Data',
		en: 'the file needs more (year, regency or kind); open the Data view'
	},
	'not-data': { id: 'alamat itu halaman web, bukan berkas data', en: 'that address is a web page, not a data file' }
};

/**
 * A reason code of a load report in words, with what to do.
 * @example reasonText('not-a-number', 'en') // 'not a number; the row loads without this value. …'
 */
export function reasonText(reason: string, lang: Lang): string {
	return REASONS[reason]?.[lang] ?? reason;
}
