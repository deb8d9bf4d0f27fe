/** The API's HTTP routes for files (api/src/http): same origin, the session cookie authorises them. */

/** The file's bytes as an attachment (never rendered inline on the app's origin). */
export function rawFileUrl(projectId: string, path: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/files/raw?path=${encodeURIComponent(path)}`;
}

/** The whole project as a zip (the server flushes live edits first). */
export function archiveUrl(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/archive.zip`;
}

/** Where `PUT` stores an uploaded file's raw bytes. */
export function uploadUrl(projectId: string, path: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/files/upload?path=${encodeURIComponent(path)}`;
}
