// The Angular flavour of the packed app (Angular 21, standalone component, signals, zoneless),
// compiled ahead of time: pack-install.test.ts builds it with scripts/vite-angular-aot.ts, which
// runs the app's own ngc over tsconfig.aot.json and the Angular linker over Angular's packages.
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { PackAngularComponent } from './app.component';

bootstrapApplication(PackAngularComponent, { providers: [provideZonelessChangeDetection()] }).catch((e: unknown) => console.error(e));
