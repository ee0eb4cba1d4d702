import { describe, expect, it } from 'vitest';
import { shapeRows } from './rows';
import { sniffFormat, spanHeader, decodeBytes } from './text';

const HEADER = ['KODE_DESA', 'NAMA_DESA', 'IDM'];

describe('putting rows in the header’s shape', () => {
	it('keeps good rows as written, follows quoted line breaks, and skips blank lines', () => {
		const shaped = shapeRows(['1809012007,BAGELEN,0.9048', '', '1809012013,"BERNUNG', 'BARAT",0.8549', '1809012017,"BOGO ""REJO""",0.7451'], ',', HEADER);
		expect(shaped).toEqual({
			text: 'KODE_DESA,NAMA_DESA,IDM\n1809012007,BAGELEN,0.9048\n1809012013,"BERNUNG\nBARAT",0.8549\n1809012017,"BOGO ""REJO""",0.7451\n',
			rows: 3,
			issues: []
		});
	});

	it('rejects only the row whose quote never closes, and reads the rows after it', () => {
		const lines = ['1809012007,"BAGELEN,0.9048', ...Array.from({ length: 25 }, (_, i) => `18090120${String(i + 10)},DESA ${i},0.7`)];
		const shaped = shapeRows(lines, ',', HEADER);
		expect(shaped.issues).toEqual([{ row: 1, reason: 'unbalanced-quote', value: '1809012007,"BAGELEN,0.9048' }]);
		expect(shaped.rows).toBe(26);
		expect(shaped.text.split('\n')[1]).toBe(',,');
		expect(shaped.text.split('\n')[2]).toBe('1809012010,DESA 0,0.7');
	});

	it('rejects rows with cells beyond the header or another delimiter, drops empty extra cells, pads short rows', () => {
		const shaped = shapeRows(['1809012007,BAGELEN,0,9048', '1809012013;BERNUNG;0.8549', '1809012017,BOGOREJO,0.7451,,', '1809012003,CIPADANG'], ',', HEADER);
		expect(shaped.issues).toEqual([
			{ row: 1, reason: 'too-many-fields', value: '4' },
			{ row: 2, reason: 'wrong-delimiter', value: ';' }
		]);
		expect(shaped.text).toBe('KODE_DESA,NAMA_DESA,IDM\n,,\n,,\n1809012017,BOGOREJO,0.7451\n1809012003,CIPADANG,\n');
	});
});

describe('recognising what a file is', () => {
	it('names images, documents, web pages, JSON and binary data, and lets text through', () => {
		const bytes = (text: string) => new TextEncoder().encode(text);
		expect(sniffFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('PNG');
		expect(sniffFormat(bytes('%PDF-1.7'))).toBe('PDF');
		expect(sniffFormat(bytes('\uFEFF  <!DOCTYPE HTML><html>'))).toBe('HTML');
		expect(sniffFormat(bytes('[{"KODE_DESA": "1809012007"}]'))).toBe('JSON');
		expect(sniffFormat(Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256))).toBe('binary');
		expect(sniffFormat(bytes('KODE_DESA;NAMA_DESA\n1809012007;BAGELÉN\n'))).toBeNull();
	});

	it('reads UTF-16 saved without its byte-order mark', () => {
		const text = 'KODE_DESA,NAMA_DESA\n1809012007,BAGELEN\n';
		const le = new Uint8Array(Buffer.from(text, 'utf16le'));
		const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16());
		expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
		expect(decodeBytes(be)).toEqual({ text, encoding: 'utf-16be' });
	});

	it('reads a header printed over two rows with merged cells', () => {
		const lines = ['No,KODE DESA,NAMA DESA,NILAI,,,,STATUS IDM', ',,,IKS,IKE,IKL,IDM,', '1,1809012007,BAGELEN,0.9143,0.8667,0.9333,0.9048,MANDIRI'];
		expect(spanHeader(lines, { line: 0, delimiter: ',', headers: lines[0]!.split(',') })).toMatchObject({
			headers: ['No', 'KODE DESA', 'NAMA DESA', 'IKS', 'IKE', 'IKL', 'IDM', 'STATUS IDM'],
			firstLine: 0,
			dataLine: 2
		});
	});
});
