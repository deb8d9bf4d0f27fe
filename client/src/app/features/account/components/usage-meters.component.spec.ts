import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { meterPayload, usagePayload } from '../../../../testing/fixtures';
import { UsageMetersComponent } from './usage-meters.component';

describe('UsageMetersComponent', () => {
  let fixture: ComponentFixture<UsageMetersComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(UsageMetersComponent);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  const meter = (kind: string) =>
    byTestId(root, 'usage-meter').find((m) => m.dataset['kind'] === kind)!;

  it('shows the tier and one bar per limit, coloured and worded from 80% and 90%', async () => {
    apollo
      .expectOne('Usage')
      .flushData(
        usagePayload(
          [
            meterPayload('messages:hourly', 41, 50),
            meterPayload('messages:daily', 190, 200),
            meterPayload('uploads:daily', 3, 20),
            meterPayload('agent-runs', 1, 2),
            meterPayload('rooms', 0, null),
            meterPayload('projects', 4, 5),
          ],
          'pro',
        ),
      );
    await settle(fixture);

    expect(byTestId(root, 'usage-tier')[0]?.textContent?.trim()).toBe('pro');
    expect(byTestId(root, 'usage-meter').map((m) => m.dataset['kind'])).toEqual([
      'messages:hourly',
      'messages:daily',
      'uploads:daily',
      'agent-runs',
      'rooms',
      'projects',
    ]);

    const hourly = meter('messages:hourly');
    expect(hourly.dataset['warning']).toBe('80');
    expect(hourly.classList).toContain('amber');
    expect(hourly.classList).not.toContain('red');
    expect(hourly.textContent).toContain('41 / 50');
    expect(byTestId(hourly, 'usage-meter-percent')[0]?.textContent).toBe('82%');
    expect(byTestId(hourly, 'usage-meter-warning')[0]?.textContent?.trim()).toBe(
      'You have used 82% of your hourly messages',
    );
    expect((hourly.querySelector('.fill') as HTMLElement).style.width).toBe('82%');

    const daily = meter('messages:daily');
    expect(daily.dataset['warning']).toBe('90');
    expect(daily.classList).toContain('red');
    expect(byTestId(daily, 'usage-meter-warning')[0]?.textContent?.trim()).toBe(
      'You have used 95% of your daily messages',
    );

    const uploads = meter('uploads:daily');
    expect(uploads.dataset['warning']).toBe('none');
    expect(uploads.classList).not.toContain('amber');
    expect(byTestId(uploads, 'usage-meter-warning')).toHaveLength(0);

    const rooms = meter('rooms');
    expect(rooms.textContent).toContain('0 / unlimited');
    expect(byTestId(rooms, 'usage-meter-percent')).toHaveLength(0);
  });

  it('says why usage could not be read and offers to try again', async () => {
    apollo.expectOne('Usage').networkError(new Error('fetch failed'));
    await settle(fixture);
    expect(root.textContent).toMatch(/Cannot reach the Atelier server/);
    (root.querySelector('[role="alert"] button') as HTMLElement).click();
    await settle(fixture);
    apollo.expectOne('Usage').flushData(usagePayload([meterPayload('projects', 1, 5)]));
    await settle(fixture);
    expect(byTestId(root, 'usage-meter')).toHaveLength(1);
  });
});
