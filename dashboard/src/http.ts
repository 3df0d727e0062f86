// JSON over fetch with the session cookie, and RFC 7807 problem details turned into errors per field.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field (JSON name, e.g. "timeZone", "openingHours[1].closes") → messages, for validation problems. */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
  }
  // Relative to the page, so the dashboard also works when the server is hosted under a path.
  const response = await fetch(new URL(path, document.baseURI), init);
  if (!response.ok) {
    throw await toError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text.length > 0 ? JSON.parse(text) : undefined) as T;
}

async function toError(response: Response): Promise<ApiError> {
  const fallback: Record<number, string> = { 401: "Please sign in.", 403: "You are not allowed to do this." };
  let message = fallback[response.status] ?? `${response.status} ${response.statusText}`;
  let fields: Record<string, string[]> = {};
  try {
    const problem = (await response.json()) as { detail?: string; title?: string; errors?: Record<string, string[]> };
    message = problem.detail ?? problem.title ?? message;
    fields = problem.errors ?? {};
  } catch {
    // Not a problem-details body (a bare 401 or 403): keep the plain message.
  }
  return new ApiError(response.status, message, fields);
}
