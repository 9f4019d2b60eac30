/** A JSON answer of ours, or its plain-words message as the error. */
export async function readJson<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? "Something went wrong. Please try again.");
  return body as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return readJson<T>(await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}
