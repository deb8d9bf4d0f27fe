import { json, WireFakeServer } from './wire-fake';

class TinyFake extends WireFakeServer {
  readonly faults = ['rate-limit', 'server-error', 'refuse-token', 'unhealthy'] as const;
  readonly token = { value: 'good-token', account: 'ada' };
  items = 0;
  constructor() {
    super();
    this.route('GET', '/v1/user', () => json(200, { name: this.token.account }));
    this.route('POST', '/v1/items/:id/files/*path', (r) => {
      this.items++;
      const ref = `item-${this.items}`;
      this.publishSite(ref, new Map([['index.html', Buffer.from('<h1>hi</h1>')]]), !this.take('unhealthy'));
      return json(200, { id: r.params.id, path: r.params.path, ref, url: this.siteUrl(ref) });
    });
  }
  deploymentsFor(): number {
    return this.items;
  }
  isActive(ref: string): boolean {
    return this.hasSite(ref);
  }
  protected errorBody(status: number, message: string, code?: string): unknown {
    return { error: { code, message } };
  }
  protected clearState(): void {
    this.items = 0;
  }
}

describe('WireFakeServer', () => {
  let fake: TinyFake;
  beforeAll(async () => {
    fake = await new TinyFake().start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());
  const auth = { authorization: 'Bearer good-token' };

  it('routes with params, checks the token and logs requests', async () => {
    expect((await fetch(`${fake.url}/v1/user`)).status).toBe(401);
    expect((await fetch(`${fake.url}/v1/user`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const ok = await fetch(`${fake.url}/v1/items/a%20b/files/x/y.txt`, { method: 'POST', headers: auth });
    expect(await ok.json()).toMatchObject({ id: 'a b', path: 'x/y.txt', ref: 'item-1' });
    expect(fake.requests.map((r) => r.token)).toEqual([null, 'nope', 'good-token']);
  });

  it('answers one-shot faults at the next write and refuses the token until reset', async () => {
    fake.fail('rate-limit');
    expect((await fetch(`${fake.url}/v1/user`, { headers: auth })).status).toBe(200); // reads are spared
    const limited = await fetch(`${fake.url}/v1/items/1/files/a`, { method: 'POST', headers: auth });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await fetch(`${fake.url}/v1/items/1/files/a`, { method: 'POST', headers: auth })).status).toBe(200);
    fake.fail('refuse-token');
    expect((await fetch(`${fake.url}/v1/user`, { headers: auth })).status).toBe(401);
    fake.reset();
    expect((await fetch(`${fake.url}/v1/user`, { headers: auth })).status).toBe(200);
  });

  it('serves deployed sites, 502 when unhealthy, 404 once removed', async () => {
    const first = (await (await fetch(`${fake.url}/v1/items/1/files/a`, { method: 'POST', headers: auth })).json()) as {
      url: string;
      ref: string;
    };
    const page = await fetch(first.url);
    expect([page.status, await page.text()]).toEqual([200, '<h1>hi</h1>']);
    fake.fail('unhealthy');
    const second = (await (await fetch(`${fake.url}/v1/items/2/files/a`, { method: 'POST', headers: auth })).json()) as { url: string };
    expect((await fetch(second.url)).status).toBe(502);
    fake.removeSite(first.ref);
    expect((await fetch(first.url)).status).toBe(404);
  });
});
