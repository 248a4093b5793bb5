const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/;
const HANDLE = /^(?:hdl:\s*|https?:\/\/hdl\.handle\.net\/)(\d[\w.]*\/\S+)$/i;
const URL = /^https?:\/\/[^\s<>"]+$/i;

/** DOI without resolver prefix ('https://doi.org/10.1/x', 'doi:10.1/x' → '10.1/x'), or undefined. */
export function extractDoi(raw: string): string | undefined {
  const m = DOI.exec(decodeURIComponentSafe(raw));
  return m ? m[1].replace(/[.,;]+$/, '') : undefined;
}

/** Handle without resolver prefix ('http://hdl.handle.net/123/45' → '123/45'), or undefined. */
export function extractHandle(raw: string): string | undefined {
  return HANDLE.exec(raw.trim())?.[1];
}

/** True for an absolute http(s) URL. */
export function isUrl(raw: string): boolean {
  return URL.test(raw.trim());
}

function decodeURIComponentSafe(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
