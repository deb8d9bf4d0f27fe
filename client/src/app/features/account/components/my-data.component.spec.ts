import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { DOWNLOAD_FILE } from '../../../shared/browser.tokens';
import {
  FakeDownloads,
  FakeRealtimeConnection,
  byTestId,
  settle,
  typeInto,
} from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { MyDataComponent } from './my-data.component';

describe('MyDataComponent', () => {
  let fixture: ComponentFixture<MyDataComponent>;
  let apollo: ApolloTestingController;
  let connection: FakeRealtimeConnection;
  let downloads: FakeDownloads;
  let root: HTMLElement;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    connection = new FakeRealtimeConnection();
    downloads = new FakeDownloads();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: connection },
        { provide: DOWNLOAD_FILE, useValue: downloads.save },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    // Signed in as Ada, as the account page guarantees.
    const loading = TestBed.inject(AuthSession).ensureLoaded();
    apollo.expectOne('AuthState').flushData(authStatePayload(true, viewerPayload()));
    await loading;
    fixture = TestBed.createComponent(MyDataComponent);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  const one = (id: string) => byTestId(root, id)[0];

  async function fillDeleteForm(password: string, confirm: boolean): Promise<void> {
    typeInto(one('delete-account-password'), password);
    const box = one('delete-account-confirm') as HTMLInputElement;
    box.checked = confirm;
    box.dispatchEvent(new Event('change'));
    await settle(fixture);
  }

  async function submitDelete(): Promise<void> {
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
  }

  it('downloads the export as a dated JSON file', async () => {
    one('export-data')?.click();
    await settle(fixture);
    const data = { user: { email: 'ada@example.com' }, projects: [{ name: 'Recipe box' }] };
    apollo.expectOne('ExportMyData').flushData({ exportMyData: data });
    await settle(fixture);

    expect(downloads.files).toHaveLength(1);
    const [file] = downloads.files;
    expect(file?.name).toMatch(/^atelier-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file?.type).toBe('application/json');
    expect(JSON.parse(file!.content)).toEqual(data);
  });

  it('says why the export failed and downloads nothing', async () => {
    one('export-data')?.click();
    await settle(fixture);
    apollo.expectOne('ExportMyData').networkError(new Error('fetch failed'));
    await settle(fixture);
    expect(downloads.files).toHaveLength(0);
    expect(one('export-error')?.textContent).toMatch(/Cannot reach the Atelier server/);
  });

  it('deletes nothing until the confirmation is ticked', async () => {
    await fillDeleteForm('correct horse battery', false);
    expect((one('delete-account-submit') as HTMLButtonElement).disabled).toBe(true);
    await submitDelete();
    apollo.expectNone('DeleteAccount');

    await fillDeleteForm('correct horse battery', true);
    expect((one('delete-account-submit') as HTMLButtonElement).disabled).toBe(false);
    await submitDelete();
    apollo.expectOne('DeleteAccount').flushData({ deleteAccount: true });
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(authStatePayload(true, null));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/sign-up');
  });

  it('puts a wrong password on the password field and stays signed in', async () => {
    await fillDeleteForm('wrong', true);
    await submitDelete();
    apollo
      .expectOne('DeleteAccount')
      .graphqlErrors([
        new GraphQLError('The password is incorrect', { extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
    await settle(fixture);
    expect(one('field-error-password')?.textContent?.trim()).toBe('The password is incorrect');
    expect(TestBed.inject(AuthSession).signedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows that team ownership must be transferred first', async () => {
    await fillDeleteForm('correct horse battery', true);
    await submitDelete();
    const message = 'Transfer ownership of Platform crew first, or remove its other members';
    apollo.expectOne('DeleteAccount').graphqlErrors([
      new GraphQLError('teams: …', {
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'teams',
          fieldErrors: [{ field: 'teams', message }],
        },
      }),
    ]);
    await settle(fixture);
    expect(one('form-error')?.textContent?.trim()).toBe(message);
    expect(TestBed.inject(AuthSession).signedIn()).toBe(true);
  });

  it('on success forgets the session as signing out does and goes to sign up', async () => {
    const clearStore = jest.spyOn(TestBed.inject(Apollo).client, 'clearStore');
    await fillDeleteForm('correct horse battery', true);
    await submitDelete();
    const op = apollo.expectOne('DeleteAccount');
    expect(op.operation.variables).toEqual({ password: 'correct horse battery' });
    op.flushData({ deleteAccount: true });
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(authStatePayload(true, null));
    await settle(fixture);

    const session = TestBed.inject(AuthSession);
    expect(session.viewer()).toBeNull();
    expect(session.signedIn()).toBe(false);
    expect(clearStore).toHaveBeenCalledTimes(1);
    expect(connection.restarts).toBe(1);
    expect(navigate).toHaveBeenCalledWith('/sign-up');
  });
});
