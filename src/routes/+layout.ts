// A static site: every page is built to HTML at build time.
export const prerender = true;
