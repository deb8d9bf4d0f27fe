import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { modePayload } from '../testing/model-payloads';
import { ModelModeStatus } from './model-mode-status.service';

describe('ModelModeStatus', () => {
  let apollo: ApolloTestingController;
  let status: ModelModeStatus;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    status = TestBed.inject(ModelModeStatus);
  });

  afterEach(() => apollo.verify());

  it('reads the mode once per viewer, again on refresh, and forgets it on sign-out', async () => {
    status.follow('u1');
    status.follow('u1');
    apollo.expectOne('ModelMode').flushData({ modelMode: modePayload(true) });
    await tick();
    expect(status.offline()?.message).toBe('Offline mode: no key.');

    // A key was just added.
    void status.refresh();
    apollo.expectOne('ModelMode').flushData({ modelMode: modePayload(false) });
    await tick();
    expect(status.offline()).toBeNull();

    status.follow(null);
    expect(status.mode()).toBeNull();
    void status.refresh();
    apollo.expectNone('ModelMode');
  });

  it('drops an answer that arrives after the viewer signed out', async () => {
    status.follow('u1');
    const late = apollo.expectOne('ModelMode');
    status.follow(null);
    late.flushData({ modelMode: modePayload(true) });
    await tick();
    expect(status.mode()).toBeNull();
    expect(status.offline()).toBeNull();
  });
});
