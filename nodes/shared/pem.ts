/**
 * PEM text as n8n hands it over. A credential field with `password: true` is a single-line input in the
 * editor (the password type wins over `rows`), and browsers drop the line breaks of text pasted there, so a
 * private key arrives as "-----BEGIN PRIVATE KEY-----MIIE…-----END PRIVATE KEY-----"; keys copied out of JSON
 * arrive with literal "\n". Node's crypto and TLS read neither, so the breaks are put back here.
 */

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Every PEM block rebuilt as RFC 7468 wants it (64-character base64 lines), blocks one per line. A block with
 * RFC 1421 headers (legacy "Proc-Type: 4,ENCRYPTED" keys) is left as it came: without its line breaks the
 * header cannot be told apart from the base64 reliably, and the caller's "could not read" message applies.
 */
export function normalisePem(raw: string): string {
	const text = raw.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n?/g, '\n').trim();
	const rebuilt = text.replace(BLOCK, (whole: string, label: string, inner: string) => {
		if (inner.includes(':')) return whole;
		const lines = inner.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
		return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
	});
	return rebuilt.replace(/(-----END [A-Z0-9 ]+-----)[ \t]*(?=-----BEGIN )/g, '$1\n');
}
