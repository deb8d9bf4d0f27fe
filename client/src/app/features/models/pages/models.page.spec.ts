import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { modePayload, modelPayload } from '../testing/model-payloads';
import { ModelsPage } from './models.page';

describe('ModelsPage', () => {
  let fixture: ComponentFixture<ModelsPage>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([])],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(ModelsPage);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  const row = (id: string) =>
    byTestId(root, 'model-row').find((r) => r.dataset['modelId'] === id) as HTMLElement;
  const cell = (id: string, testId: string) => byTestId(row(id), testId)[0];

  it('lists each model with capabilities, both prices, availability, key source and breaker', async () => {
    apollo.expectOne('Models').flushData({
      models: [
        modelPayload('openai/gpt-4.1', {
          available: true,
          unavailableReason: null,
          keySource: 'USER',
        }),
        modelPayload('openai/o4-mini', {
          reasoning: true,
          unavailableReason: 'CIRCUIT_OPEN',
          keySource: 'PLATFORM',
          circuit: 'OPEN',
          circuitRetryAt: '2999-01-01T10:15:30.000Z',
        }),
        modelPayload('anthropic/claude-sonnet-4-6'),
        modelPayload('offline/blueprint', { unavailableReason: 'KEYS_CONFIGURED' }),
      ],
      modelMode: modePayload(false),
    });
    await settle(fixture);

    const gpt = row('openai/gpt-4.1');
    expect(gpt.dataset['available']).toBe('true');
    expect(gpt.textContent).toContain('$0.002');
    expect(gpt.textContent).toContain('₹0.176');
    expect(gpt.textContent).toContain('1M');
    expect(gpt.textContent).toContain('vision');
    expect(gpt.textContent).not.toContain('reasoning');
    expect(cell('openai/gpt-4.1', 'model-key-source')?.textContent?.trim()).toBe('Your key');

    expect(cell('openai/o4-mini', 'model-availability')?.textContent).toContain(
      'Paused after repeated failures',
    );
    expect(cell('openai/o4-mini', 'model-circuit')?.textContent?.trim()).toMatch(
      /^Paused after errors, retrying at \d\d:\d\d:\d\d$/,
    );
    expect(cell('openai/o4-mini', 'model-circuit')?.textContent).not.toMatch(
      /OPEN|CLOSED|[Bb]reaker/,
    );
    expect(cell('openai/o4-mini', 'model-key-source')?.textContent?.trim()).toBe('Platform key');

    const addKey = cell('anthropic/claude-sonnet-4-6', 'add-key-link');
    expect(addKey?.getAttribute('href')).toBe('/account');
    expect(cell('offline/blueprint', 'model-availability')?.textContent).toContain(
      'real keys are configured',
    );
    expect(cell('offline/blueprint', 'model-offline-label')).toBeTruthy();
    expect(byTestId(root, 'offline-banner')).toHaveLength(0);
  });

  it('shows the offline banner when no key is configured', async () => {
    apollo.expectOne('Models').flushData({
      models: [modelPayload('offline/blueprint', { available: true, unavailableReason: null })],
      modelMode: modePayload(true, 'Offline mode: agents run on built-in blueprints.'),
    });
    await settle(fixture);
    expect(byTestId(root, 'offline-banner')[0]?.textContent).toContain('built-in blueprints');
    expect(row('offline/blueprint').dataset['offline']).toBe('true');
  });

  it('shows a failure with a way to try again', async () => {
    apollo.expectOne('Models').networkError(new Error('down'));
    await settle(fixture);
    expect(byTestId(root, 'models-error')[0]?.textContent).toContain('Cannot reach');
    byTestId(root, 'models-error')[0]?.querySelector('button')?.click();
    await settle(fixture);
    apollo
      .expectOne('Models')
      .flushData({ models: [modelPayload('openai/gpt-4.1')], modelMode: modePayload(false) });
    await settle(fixture);
    expect(byTestId(root, 'model-row')).toHaveLength(1);
  });
});
