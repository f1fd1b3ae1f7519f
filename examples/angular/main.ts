// An Angular app (standalone component, signals, zoneless) with a Kartochka card, compiled ahead of
// time as an Angular CLI app is: `ngc` compiles the template (strict template type checking) and the
// Angular linker finishes Angular's own packages, both in scripts/vite-angular-aot.ts, so the
// browser gets no template compiler (`@angular/compiler` is not in the bundle).
// Run: `npx vite examples/angular --config examples/angular/vite.config.ts`.
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { ExampleComponent } from './app.component';

bootstrapApplication(ExampleComponent, { providers: [provideZonelessChangeDetection()] }).catch((e: unknown) => console.error(e));
