// A logged-in (or anonymous) HTTP client of the Shanhai API: keeps the shanhai_session cookie
// and sends the CSRF token with every write, as the web console does.

export const SESSION_COOKIE = 'shanhai_session';
export const CSRF_HEADER = 'X-CSRF-Token';

// One HTTP exchange's result: status, headers, raw bytes, text and parsed JSON (or undefined).
export class ApiResponse {
  constructor(status, headers, bytes) {
    this.status = status;
    this.headers = headers;
    this.bytes = bytes;
    this.text = bytes.toString('utf8');
    try {
      this.json = JSON.parse(this.text);
    } catch {
      this.json = undefined;
    }
  }
}

export class ApiClient {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
    this.user = null;
  }

  // Logs in; on success keeps the session cookie and CSRF token. Returns the response.
  async login(name, password) {
    const r = await this.request('POST', '/api/v1/auth/login', { json: { name, password }, csrf: false, session: false });
    if (r.status === 200) {
      this.csrf = r.json.csrf_token;
      this.user = name;
      const cookie = r.headers.getSetCookie().find((c) => c.startsWith(SESSION_COOKIE + '='));
      if (!cookie) throw new Error('login answered 200 without a session cookie');
      this.cookie = cookie.split(';')[0];
    }
    return r;
  }

  // Keeps the session a response started (a job seeker's one-time-code login answers with the
  // session cookie and {"csrf_token"}); a response without one changes nothing.
  adoptSession(r) {
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith(SESSION_COOKIE + '='));
    if (!cookie) return;
    this.cookie = cookie.split(';')[0];
    this.csrf = r.json?.csrf_token ?? null;
  }

  // Logs in or throws with the server's answer.
  async mustLogin(name, password) {
    const r = await this.login(name, password);
    if (r.status !== 200) throw new Error(`login as ${name} failed: ${r.status} ${r.text}`);
    return r;
  }

  // Replaces the password of the logged-in user (as a user created by `shanhai user add`
  // must before anything else), or throws with the server's answer.
  async mustChangePassword(oldPassword, newPassword) {
    const r = await this.request('POST', '/api/v1/auth/password', { json: { old_password: oldPassword, new_password: newPassword } });
    if (r.status !== 200) throw new Error(`password change of ${this.user} failed: ${r.status} ${r.text}`);
    return r;
  }

  // method, path ("/api/..." with query), and one of: json (object), body (Buffer/string),
  // multipart ({ field, filename, bytes, contentType }). csrf/session: false to leave out
  // the CSRF header / the cookie. A new user (POST /api/v1/admin/users) is created with
  // "must_change_password": false unless json says otherwise, so tests can log in as it with
  // the password they chose; send true to test the forced first change.
  async request(method, path, { json, body, multipart, headers = {}, csrf = true, session = true } = {}) {
    const h = { ...headers };
    let payload = body;
    if (method === 'POST' && path === '/api/v1/admin/users' && json && typeof json === 'object' && !('must_change_password' in json)) {
      json = { ...json, must_change_password: false };
    }
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['Content-Type'] = 'application/json';
    } else if (multipart) {
      const form = new FormData();
      form.append(multipart.field ?? 'file',
        new Blob([multipart.bytes], { type: multipart.contentType ?? 'application/octet-stream' }), multipart.filename);
      payload = form;
    }
    if (session && this.cookie) h.Cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET' && method !== 'HEAD') h[CSRF_HEADER] = this.csrf;
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const bytes = Buffer.from(await res.arrayBuffer());
    return new ApiResponse(res.status, res.headers, bytes);
  }

  get(path, options) {
    return this.request('GET', path, options);
  }
}
