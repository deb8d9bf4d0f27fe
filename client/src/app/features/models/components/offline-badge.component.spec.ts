import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { OfflineBadgeComponent } from './offline-badge.component';
import { OfflineBannerComponent } from './offline-banner.component';

@Component({
  imports: [OfflineBadgeComponent, OfflineBannerComponent],
  template: `<app-offline-badge /><app-offline-banner />`,
})
class Host {}

const MESSAGE = 'Offline mode: no model provider key is configured.';

describe('OfflineBadgeComponent and OfflineBannerComponent', () => {
  let fixture: ComponentFixture<Host>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  async function open(accountsExist: boolean, viewer: unknown): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(Host);
    root = fixture.nativeElement;
    void TestBed.inject(AuthSession).ensureLoaded();
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(authStatePayload(accountsExist, viewer));
    await settle(fixture);
  }

  const answer = async (offline: boolean) => {
    apollo
      .expectOne('ModelMode')
      .flushData({ modelMode: { __typename: 'ModelMode', offline, message: MESSAGE } });
    await settle(fixture);
  };

  afterEach(() => apollo.verify());

  it('shows the badge with the explanation and a banner while offline', async () => {
    await open(false, viewerPayload());
    await answer(true);
    const badge = byTestId(root, 'offline-badge')[0];
    expect(badge?.textContent?.trim()).toBe('Offline models');
    expect(badge?.getAttribute('title')).toBe(MESSAGE);
    expect(badge?.getAttribute('href')).toBe('/models');
    expect(byTestId(root, 'offline-banner')[0]?.textContent).toContain(MESSAGE);
  });

  it('shows nothing when real models are reachable', async () => {
    await open(true, viewerPayload());
    await answer(false);
    expect(byTestId(root, 'offline-badge')).toHaveLength(0);
    expect(byTestId(root, 'offline-banner')).toHaveLength(0);
  });

  it('asks nothing of a signed-out visitor', async () => {
    await open(true, null);
    apollo.expectNone('ModelMode');
    expect(byTestId(root, 'offline-badge')).toHaveLength(0);
  });

  it('shows no badge when the mode cannot be read', async () => {
    await open(true, viewerPayload());
    apollo.expectOne('ModelMode').networkError(new Error('down'));
    await settle(fixture);
    expect(byTestId(root, 'offline-badge')).toHaveLength(0);
  });
});
