import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { OfflineBannerComponent } from '../components/offline-banner.component';
import type { CatalogModel, ModelMode } from '../models/model.models';
import {
  formatMoney,
  formatSize,
  healthLabel,
  keySourceLabel,
  reasonLabel,
} from '../models/model-format';
import { ModelModeStatus } from '../services/model-mode-status.service';
import { ModelsApi } from '../services/models-api.service';

/** `/models`: the catalog with capabilities, prices in USD and INR, and what the caller can use now. */
@Component({
  selector: 'app-models-page',
  imports: [RouterLink, OfflineBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './models.page.html',
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      text-align: left;
      padding: 8px 10px;
      border-bottom: 1px solid var(--border, #e5e5e5);
      vertical-align: top;
    }
    td.num,
    th.num {
      text-align: right;
      white-space: nowrap;
    }
    .caps {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .offline-banner {
      margin-bottom: 16px;
    }
  `,
})
export class ModelsPage {
  private readonly api = inject(ModelsApi);
  private readonly status = inject(ModelModeStatus);
  protected readonly catalog = signal<Result<{
    models: readonly CatalogModel[];
    mode: ModelMode;
  }> | null>(null);
  protected readonly money = formatMoney;
  protected readonly size = formatSize;
  protected readonly reason = reasonLabel;
  protected healthOf(m: { circuit: string; circuitRetryAt?: string | null }) {
    return healthLabel(m.circuit, m.circuitRetryAt ?? null);
  }
  protected readonly keySource = keySourceLabel;

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.catalog.set(null);
    const result = await firstValueFrom(this.api.catalog());
    this.catalog.set(result);
    if (result.ok) this.status.accept(result.value.mode);
  }
}
