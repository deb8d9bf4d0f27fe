import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { CONFIRM } from '../../../shared/browser.tokens';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import { providerKeyPayload } from '../../../../testing/fixtures';
import { ProviderKeysComponent } from './provider-keys.component';

const SECRET = 'sk-live-0123456789abcdef';

describe('ProviderKeysComponent', () => {
  let fixture: ComponentFixture<ProviderKeysComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let confirmAnswer: boolean;

  beforeEach(async () => {
    confirmAnswer = true;
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [{ provide: CONFIRM, useValue: () => confirmAnswer }],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(ProviderKeysComponent);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  async function list(keys: unknown[]): Promise<void> {
    apollo.expectOne('ProviderKeys').flushData({ providerKeys: keys });
    await settle(fixture);
  }

  const rows = () => byTestId(root, 'provider-key-row');
  const one = (id: string) => byTestId(root, id)[0];

  async function submit(): Promise<void> {
    one('save-provider-key')?.click();
    await settle(fixture);
  }

  it('lists each key by provider and hint, with base URL and last use', async () => {
    await list([
      providerKeyPayload('anthropic', 'sk-…a1b2', { lastUsedAt: '2026-11-27T09:00:00.000Z' }),
      providerKeyPayload('openai-compatible', 'oll…9z9z', { baseUrl: 'http://127.0.0.1:11434/v1' }),
    ]);
    expect(rows().map((r) => r.dataset['provider'])).toEqual(['anthropic', 'openai-compatible']);
    expect(byTestId(root, 'provider-key-hint').map((h) => h.textContent?.trim())).toEqual([
      'sk-…a1b2',
      'oll…9z9z',
    ]);
    expect(rows()[0]?.textContent).toContain('Nov 27, 2026');
    expect(rows()[1]?.textContent).toContain('http://127.0.0.1:11434/v1');
    expect(rows()[1]?.textContent).toContain('Never');
  });

  it('saves a key, shows only its hint and forgets the typed key', async () => {
    await list([]);
    expect(one('provider-key-input')?.getAttribute('type')).toBe('password');
    expect(byTestId(root, 'provider-base-url-input')).toHaveLength(0);
    typeInto(one('provider-select'), 'anthropic', 'change');
    typeInto(one('provider-key-input'), SECRET);
    await settle(fixture);
    await submit();

    const op = apollo.expectOne('SetProviderKey');
    expect(op.operation.variables).toEqual({ provider: 'anthropic', key: SECRET, baseUrl: null });
    op.flushData({ setProviderKey: providerKeyPayload('anthropic', 'sk-…cdef') });
    await settle(fixture);

    expect(rows().map((r) => r.dataset['provider'])).toEqual(['anthropic']);
    expect(one('provider-key-hint')?.textContent?.trim()).toBe('sk-…cdef');
    expect(root.textContent).not.toContain(SECRET);
    expect((one('provider-key-input') as HTMLInputElement).value).toBe('');
    expect(one('save-provider-key')?.textContent?.trim()).toBe('Replace key');
  });

  it('asks for the base URL of an OpenAI-compatible key and sends it', async () => {
    await list([]);
    typeInto(one('provider-select'), 'openai-compatible', 'change');
    typeInto(one('provider-key-input'), SECRET);
    await settle(fixture);
    await submit();
    apollo.expectNone('SetProviderKey');
    expect(one('field-error-baseUrl')?.textContent).toMatch(/needs the base URL/);

    typeInto(one('provider-base-url-input'), 'http://127.0.0.1:11434/v1');
    await settle(fixture);
    await submit();
    const op = apollo.expectOne('SetProviderKey');
    expect(op.operation.variables['baseUrl']).toBe('http://127.0.0.1:11434/v1');
    op.flushData({
      setProviderKey: providerKeyPayload('openai-compatible', 'sk-…cdef', {
        baseUrl: 'http://127.0.0.1:11434/v1',
      }),
    });
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });

  it("puts the server's field errors on their fields", async () => {
    await list([]);
    typeInto(one('provider-key-input'), SECRET);
    await settle(fixture);
    await submit();
    apollo.expectOne('SetProviderKey').graphqlErrors([
      new GraphQLError('bad', {
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'key',
          fieldErrors: [
            { field: 'key', message: 'The key looks too short' },
            { field: 'provider', message: 'Provider must be one of openai, anthropic' },
          ],
        },
      }),
    ]);
    await settle(fixture);
    expect(one('field-error-key')?.textContent?.trim()).toBe('The key looks too short');
    expect(one('field-error-provider')?.textContent).toContain('Provider must be one of');
    expect(byTestId(root, 'form-error')).toHaveLength(0);
    expect(rows()).toHaveLength(0);
  });

  it('shows why keys cannot be stored when the server has no master key', async () => {
    await list([]);
    typeInto(one('provider-key-input'), SECRET);
    await settle(fixture);
    await submit();
    const message =
      'Storing provider keys (set ATELIER_MASTER_KEYS) is unavailable, try again shortly';
    apollo
      .expectOne('SetProviderKey')
      .graphqlErrors([new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
    await settle(fixture);
    expect(one('form-error')?.textContent?.trim()).toBe(message);
  });

  it('deletes a key once confirmed and drops its row', async () => {
    await list([
      providerKeyPayload('anthropic', 'sk-…a1b2'),
      providerKeyPayload('openai', 'sk-…zz99'),
    ]);
    confirmAnswer = false;
    byTestId(rows()[0]!, 'delete-provider-key')[0]?.click();
    await settle(fixture);
    apollo.expectNone('DeleteProviderKey');

    confirmAnswer = true;
    byTestId(rows()[0]!, 'delete-provider-key')[0]?.click();
    await settle(fixture);
    const op = apollo.expectOne('DeleteProviderKey');
    expect(op.operation.variables).toEqual({ provider: 'anthropic' });
    op.flushData({ deleteProviderKey: true });
    await settle(fixture);
    expect(rows().map((r) => r.dataset['provider'])).toEqual(['openai']);
  });
});
