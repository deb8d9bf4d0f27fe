import { Pipe, type PipeTransform } from '@angular/core';

/** 1234 → "1.2 kB" (decimal units, as file sizes are shown in most developer tools). */
@Pipe({ name: 'byteSize' })
export class ByteSizePipe implements PipeTransform {
  transform(bytes: number): string {
    if (bytes < 1000) return `${bytes} B`;
    const units = ['kB', 'MB', 'GB'];
    let value = bytes / 1000;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
  }
}
