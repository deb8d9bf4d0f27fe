import { TestBed } from '@angular/core/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { BinaryFileComponent } from './binary-file.component';

describe('BinaryFileComponent', () => {
  it('says what the file is and offers it as a download, never as text', async () => {
    const fixture = TestBed.createComponent(BinaryFileComponent);
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('file', { id: 'f1', path: 'assets/logo #1.png', size: 12_300, binary: true });
    await settle(fixture);
    const root: HTMLElement = fixture.nativeElement;
    expect(byTestId(root, 'binary-file-kind')[0]?.textContent).toBe('Binary file');
    expect(byTestId(root, 'binary-file-size')[0]?.textContent).toBe('12 kB');
    const link = byTestId(root, 'binary-file-download')[0];
    expect(link?.getAttribute('href')).toBe('/api/projects/p1/files/raw?path=assets%2Flogo%20%231.png');
    expect(link?.getAttribute('download')).toBe('logo #1.png');
  });
});
