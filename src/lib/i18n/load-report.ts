import { formatCount } from './format';
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
	'no-village': {
		id: 'tanpa kode maupun nama desa; baris ditolak. Isi kode atau nama desa, atau abaikan bila baris itu catatan',
		en: 'no village code or name; row rejected. Fill in the code or name, or ignore it if the row is a note'
	},
	'no-year': { id: 'tanpa tahun; baris ditolak. Isi tahun di pengaturan berkas', en: 'no year; row rejected. Give the year in the file settings' },
	'no-regency': { id: 'tanpa kabupaten; baris ditolak. Isi kode kabupaten', en: 'no regency; row rejected. Give the regency code' },
	'total-mismatch': {
		id: 'jumlah tercetak berbeda dari penjumlahan status; periksa angka di laporan sumber',
		en: 'printed total differs from the sum of the statuses; check the figures in the source report'
	},
	duplicate: {
		id: 'desa-tahun yang sama muncul lebih dari sekali (baris di kolom Isi); yang dimuat terakhir dipakai. Hapus salinannya',
		en: 'the same village-year appears more than once (rows in Value); the last loaded is used. Delete the copy'
	},
	'idm-mismatch': {
		id: 'IDM berbeda dari (IKS+IKE+IKL)/3 lebih dari 0,0001; periksa nilai di sumbernya',
		en: 'IDM differs from (IKS+IKE+IKL)/3 by more than 0.0001; check the values at the source'
	},
	'status-mismatch': {
		id: 'status terbit berbeda dari status hasil hitung; dasbor memakai hasil hitung',
		en: 'published status differs from the computed one; the dashboard uses the computed one'
	},
	'missing-next-year': {
		id: 'desa ada tahun ini tetapi tidak ada pada tahun berikutnya; periksa apakah desa itu dimekarkan, digabung atau terlewat',
		en: 'village present this year but missing the next; check whether it was split, merged or left out'
	},
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
	'not-http': { id: 'alamat harus diawali http:// atau https://; alamat lain tidak dibuka', en: 'the address must start with http:// or https://; no other address is opened' },
	'http-error': {
		id: 'server menjawab dengan galat; periksa alamatnya, atau minta pemilik situs memperbaikinya',
		en: 'the server answered with an error; check the address, or ask the site’s owner to fix it'
	},
	network: {
		id: 'tidak dapat dihubungi, atau situs itu tidak mengizinkan situs lain membaca datanya (CORS); unduh berkasnya lalu muat di menu Data',
		en: 'could not be reached, or that site does not let other sites read its data (CORS); download the file and load it on the Data view'
	},
	timeout: {
		id: 'server terlalu lama menjawab; dibatalkan setelah 30 detik. Coba lagi nanti, atau unduh berkasnya lalu muat di menu Data',
		en: 'the server took too long; given up after 30 seconds. Try again later, or download the file and load it on the Data view'
	},
	cancelled: { id: 'dibatalkan', en: 'cancelled' },
	'became-reconciliation': {
		id: 'kini pembanding: berkas berkode desa untuk tahun dan kabupaten yang sama dimuat sesudahnya (lihat kolom Isi)',
		en: 'now for reconciliation: a file with village codes for the same year and regency was loaded after it (see Value)'
	},
	'needs-input': {
		id: 'berkas perlu dilengkapi (tahun, kabupaten atau jenis); buka menu Data',
		en: 'the file needs more (year, regency or kind); open the Data view'
	},
	'not-data': {
		id: 'alamat itu halaman web, bukan berkas data; pakai alamat berkas CSV atau .xlsx-nya langsung',
		en: 'that address is a web page, not a data file; use the address of the CSV or .xlsx file itself'
	},
	// Broken and hostile input (issue 8).
	'unbalanced-quote': {
		id: 'tanda kutip (") dibuka tetapi tidak ditutup; baris ditolak, baris lain tetap dimuat. Tutup atau hapus tanda kutipnya',
		en: 'a quote mark (") opens but never closes; the row is rejected, the others still load. Close or remove the quote'
	},
	'too-many-fields': {
		id: 'baris berisi lebih banyak sel daripada judul kolom (Isi = jumlah sel); baris ditolak agar nilai tidak bergeser. Bila angka memakai koma desimal, simpan dengan pemisah ; atau beri tanda kutip',
		en: 'the row has more cells than the header (Value = cells found); rejected so values do not shift. If numbers use decimal commas, save with ; as delimiter or quote them'
	},
	'wrong-delimiter': {
		id: 'baris memakai pemisah lain (Isi) daripada judul kolom; baris ditolak. Simpan ulang berkas dengan satu pemisah',
		en: 'the row uses another delimiter (Value) than the header; rejected. Save the file again with one delimiter'
	},
	'conflicting-duplicate': {
		id: 'desa-tahun yang sama muncul lebih dari sekali dengan nilai berbeda (baris di kolom Isi); yang dimuat terakhir dipakai. Hapus baris yang salah',
		en: 'the same village-year appears more than once with different values (rows in Value); the last loaded is used. Delete the wrong row'
	},
	'no-rows': { id: 'hanya ada baris judul kolom, tanpa baris data', en: 'only a header row, no data rows' },
	'wrong-format': { id: 'bukan tabel CSV atau Excel (.xlsx)', en: 'not a CSV or Excel (.xlsx) table' },
	'too-many-columns': { id: 'terlalu banyak kolom', en: 'too many columns' },
	'too-large': { id: 'berkas terlalu besar untuk dibaca di peramban', en: 'file too large to read in the browser' },
	'worker-crashed': {
		id: 'pembaca berkas berhenti mendadak (memori peramban habis?)',
		en: 'the file reader stopped suddenly (browser out of memory?)'
	},
	'database-error': { id: 'basis data menolak tabel ini', en: 'the database refused this table' },
	image: {
		id: 'alamat itu gambar, bukan berkas data; pakai alamat berkas CSV atau .xlsx-nya',
		en: 'that address is an image, not a data file; use the address of the CSV or .xlsx file'
	}
};

/** What to do about a file refused whole, in both languages. */
const REFUSAL_ADVICE: Record<string, Record<Lang, string>> = {
	empty: { id: 'Periksa apakah berkas yang benar yang dipilih.', en: 'Check that the right file was chosen.' },
	'no-rows': { id: 'Periksa apakah berkas yang benar yang dipilih, atau apakah datanya di lembar lain.', en: 'Check that the right file was chosen, or whether the data is on another sheet.' },
	'no-header': {
		id: 'Baris judul kolom harus memuat misalnya KODE_DESA atau NAMA_DESA dan IDM atau STATUS. Tambahkan baris judul kolom di atas data.',
		en: 'The header row must hold e.g. KODE_DESA or NAMA_DESA and IDM or STATUS. Add a header row above the data.'
	},
	'unreadable-workbook': {
		id: 'Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx atau CSV.',
		en: 'Open it in Excel or LibreOffice and save it again as .xlsx or CSV.'
	},
	'wrong-format': { id: 'Ekspor datanya sebagai CSV atau .xlsx lalu muat berkas itu.', en: 'Export the data as CSV or .xlsx and load that file.' },
	'too-many-columns': { id: 'Hapus kolom yang tidak diperlukan lalu muat lagi.', en: 'Delete the columns not needed and load it again.' },
	'too-large': {
		id: 'Pisahkan per kabupaten atau per tahun, atau hapus kolom yang tidak diperlukan, lalu muat bagian-bagiannya.',
		en: 'Split it by regency or year, or delete columns not needed, and load the parts.'
	},
	'worker-crashed': { id: 'Tutup tab lain lalu coba lagi, atau pisahkan berkasnya.', en: 'Close other tabs and try again, or split the file.' },
	'database-error': { id: 'Periksa berkasnya lalu coba lagi; data yang dimuat sebelumnya tetap ada.', en: 'Check the file and try again; the data loaded before is kept.' },
	cancelled: { id: 'Data yang dimuat sebelumnya tetap ada.', en: 'The data loaded before is kept.' }
};

const FORMATS: Record<string, Record<Lang, string>> = {
	PNG: { id: 'gambar PNG', en: 'a PNG image' },
	JPEG: { id: 'gambar JPEG', en: 'a JPEG image' },
	GIF: { id: 'gambar GIF', en: 'a GIF image' },
	WEBP: { id: 'gambar WebP', en: 'a WebP image' },
	PDF: { id: 'dokumen PDF', en: 'a PDF document' },
	XLS: { id: 'buku kerja Excel lama (.xls)', en: 'an old Excel workbook (.xls)' },
	GZIP: { id: 'arsip terkompresi', en: 'a compressed archive' },
	HTML: { id: 'halaman web (HTML)', en: 'a web page (HTML)' },
	JSON: { id: 'data JSON', en: 'JSON data' },
	binary: { id: 'data biner, bukan teks', en: 'binary data, not text' }
};

/**
 * A size in bytes as people read it, in the language's number format.
 * @example formatBytes(2_147_483_648, 'id') // '2,1 GB'
 */
export function formatBytes(bytes: number, lang: Lang): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	const decimals = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
	return `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: decimals }).format(value)} ${units[unit]}`;
}

/**
 * Why a file (or a workbook's sheet) gave no table, naming it, with the details that make the
 * reason concrete (its size and the limit, what it really is, its columns) and what to do.
 * @example refusalText('besar.csv', 'too-large', { size: 2147483648, limit: 100000000 }, 'id') // 'besar.csv: berkas terlalu besar … (2,1 GB; batas 100 MB). Pisahkan …'
 */
export function refusalText(file: string, reason: string, detail: Record<string, string | number> | undefined, lang: Lang): string {
	const what = reasonText(reason, lang);
	let specifics = '';
	if (reason === 'too-large' && detail) {
		specifics = lang === 'id'
			? ` (${formatBytes(Number(detail.size), lang)}; batas ${formatBytes(Number(detail.limit), lang)})`
			: ` (${formatBytes(Number(detail.size), lang)}; the limit is ${formatBytes(Number(detail.limit), lang)})`;
	} else if (reason === 'too-many-columns' && detail) {
		specifics = lang === 'id'
			? ` (${formatCount(Number(detail.columns), lang)} kolom; batas ${formatCount(Number(detail.limit), lang)})`
			: ` (${formatCount(Number(detail.columns), lang)} columns; the limit is ${formatCount(Number(detail.limit), lang)})`;
	} else if (reason === 'wrong-format' && detail?.format) {
		const format = FORMATS[String(detail.format)]?.[lang] ?? String(detail.format);
		specifics = lang === 'id' ? `: berkas ini ${format}` : `: this file is ${format}`;
	} else if (detail?.message) {
		specifics = ` (${String(detail.message).split('\n')[0]!.slice(0, 200)})`;
	}
	const advice = REFUSAL_ADVICE[reason]?.[lang];
	return `${file}: ${what}${specifics}.${advice ? ` ${advice}` : ''}`;
}

/** A finding of a load report, as the report table lists it. */
export interface FindingRow {
	source_row: number | null;
	kolom: string | null;
	nilai: string | null;
	alasan: string;
}

/**
 * One finding as a sentence naming the file, the row and the column, the value seen, and what
 * to do. Rows count from the first row under the header.
 * @example findingText('idm.csv', { source_row: 4, kolom: 'IKS_2024', nilai: 'NaN', alasan: 'not-a-number' }, 'id') // 'idm.csv, baris data 4, kolom IKS_2024 («NaN»): bukan angka; …'
 */
export function findingText(file: string, finding: FindingRow, lang: Lang): string {
	const where = [
		file,
		finding.source_row !== null ? `${lang === 'id' ? 'baris data' : 'data row'} ${formatCount(finding.source_row, lang)}` : null,
		finding.kolom !== null ? `${lang === 'id' ? 'kolom' : 'column'} ${finding.kolom}` : null
	]
		.filter(Boolean)
		.join(', ');
	const value = finding.nilai !== null ? ` («${finding.nilai.length > 80 ? `${finding.nilai.slice(0, 80)}…` : finding.nilai}»)` : '';
	return `${where}${value}: ${reasonText(finding.alasan, lang)}`;
}

/**
 * A reason code of a load report in words, with what to do.
 * @example reasonText('not-a-number', 'en') // 'not a number; the row loads without this value. …'
 */
export function reasonText(reason: string, lang: Lang): string {
	return REASONS[reason]?.[lang] ?? reason;
}
