import type { Hono } from 'hono';

/**
 * A visitor of server-rendered pages without a browser: keeps cookies like one (per name, ignoring
 * paths), submits forms as application/x-www-form-urlencoded, and does not follow redirects.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: Hono,
    readonly origin = 'http://localhost',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await this.app.request(`${this.origin}${path}`, { headers: { cookie: this.cookieHeader() } });
    this.keep(res);
    return { status: res.status, html: await res.text(), res };
  }

  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; html: string; location: string | null; res: Response }> {
    const res = await this.app.request(`${this.origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        origin: this.origin,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
    this.keep(res);
    return { status: res.status, html: await res.text(), location: res.headers.get('location'), res };
  }

  /** GETs the page, then posts the form with the page's CSRF token added. */
  async submit(
    page: string,
    action: string,
    fields: Record<string, string>,
    headers?: Record<string, string>,
  ) {
    const { html } = await this.get(page);
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!csrf) throw new Error(`no form token on ${page}`);
    return this.post(action, { ...fields, csrf }, headers);
  }
}
