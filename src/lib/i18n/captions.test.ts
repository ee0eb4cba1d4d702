import { expect, it } from 'vitest';
import { sourceLine, yearSpan } from './captions';

it('writes a run of years as a range and gaps as a list', () => {
	expect(yearSpan([2019, 2017, 2018, 2020, 2021, 2022])).toBe('2017–2022');
	expect(yearSpan([2023, 2024, 2024])).toBe('2023–2024');
	expect(yearSpan([2022, 2024])).toBe('2022, 2024');
	expect(yearSpan([2024])).toBe('2024');
	expect(yearSpan([2017, 2018, 2019, 2020, 2021, 2022, 2024])).toBe('2017–2022, 2024');
});

it('names the source in the UI language', () => {
	expect(sourceLine('id', [2017, 2018, 2019, 2020, 2021, 2022])).toBe('Sumber: IDM 2017–2022, Kemendes PDTT');
	expect(sourceLine('en', [2024])).toBe('Source: IDM 2024, Ministry of Villages (Kemendes PDTT)');
	expect(sourceLine('id')).toBe('Sumber: Indeks Desa Membangun (IDM), Kemendes PDTT');
});

it('names an area as a caption does', async () => {
	const { areaCaption } = await import('./captions');
	expect(areaCaption('id', 'kabupaten', 'BALANGAN')).toBe('Kabupaten Balangan');
	expect(areaCaption('id', 'provinsi', 'SUMATERA SELATAN')).toBe('Provinsi Sumatera Selatan');
	expect(areaCaption('id', 'kabupaten', 'KOTA METRO')).toBe('Kota Metro');
	expect(areaCaption('en', 'kecamatan', 'BLAMBANGAN UMPU')).toBe('Kecamatan Blambangan Umpu');
});
