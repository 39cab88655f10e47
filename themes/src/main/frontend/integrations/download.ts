/**
 * Saves a blob as a file. The admin API needs the bearer token, so a CSV cannot be a plain link:
 * it is fetched first and then handed to the browser as an object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name safe on every OS: `<prefix>-<realm>-<yyyy-mm-dd>.csv`. */
export function csvFileName(prefix: string, realm: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${prefix}-${realm.replace(/[^A-Za-z0-9._-]/g, "_")}-${day}.csv`;
}
