// Worker bootstrap: the worker gets its own module loader, so TypeScript support is registered here too.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
