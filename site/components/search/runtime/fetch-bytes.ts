// How the search runtime reads index files: fetch in the browser, injectable so unit tests read files on disk.
export type FetchBytes = (url: string) => Promise<Uint8Array>;

export const browserFetch: FetchBytes = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`search index: ${url} answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};
