// Reads a file into tables off the page's thread: decoding, finding the header, shaping the rows
// and unpacking a workbook take seconds on a large file, and the page must stay responsive.
import { prepareFile } from './prepare';

self.onmessage = async (event: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
	try {
		self.postMessage({ tables: await prepareFile(event.data.name, event.data.bytes) });
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error) });
	}
};
