import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/core/app.config';

bootstrapApplication(App, appConfig).catch((err: unknown) => console.error(err));
