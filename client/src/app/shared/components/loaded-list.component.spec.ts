import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type LoadedList, LoadedListComponent } from './loaded-list.component';

@Component({
  imports: [LoadedListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-loaded-list
      [result]="result()"
      loadingText="Loading things…"
      emptyText="Nothing yet."
      emptyTestId="things-empty"
      (retry)="retries.set(retries() + 1)"
    >
      <ul data-testid="things">
        <li>one</li>
      </ul>
    </app-loaded-list>
  `,
})
class HostComponent {
  readonly result = signal<LoadedList>(null);
  readonly retries = signal(0);
}

function render(result: LoadedList) {
  const fixture = TestBed.createComponent(HostComponent);
  fixture.componentInstance.result.set(result);
  fixture.detectChanges();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

describe('LoadedListComponent', () => {
  it('shows a busy line while the list loads, and not the content', () => {
    const { el } = render(null);
    const busy = el.querySelector('[aria-busy="true"]');
    expect(busy?.textContent?.trim()).toBe('Loading things…');
    expect(el.querySelector('[data-testid="things"]')).toBeNull();
  });

  it('shows the failure with a Try again that asks the host to load again', () => {
    const { fixture, el } = render({ ok: false, error: { message: 'The server is unreachable.' } });
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.querySelector('p')?.textContent).toBe('The server is unreachable.');
    (alert?.querySelector('button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.retries()).toBe(1);
    expect(el.querySelector('[data-testid="things"]')).toBeNull();
  });

  it('shows the empty text under its test id when the list is empty', () => {
    const { el } = render({ ok: true, value: [] });
    expect(el.querySelector('[data-testid="things-empty"]')?.textContent).toBe('Nothing yet.');
    expect(el.querySelector('[data-testid="things"]')).toBeNull();
  });

  it('shows the projected content once the list has entries, and nothing else', () => {
    const { el } = render({ ok: true, value: ['one'] });
    expect(el.querySelector('[data-testid="things"]')?.textContent?.trim()).toBe('one');
    expect(
      el.querySelector('[aria-busy], [role="alert"], [data-testid="things-empty"]'),
    ).toBeNull();
  });
});
