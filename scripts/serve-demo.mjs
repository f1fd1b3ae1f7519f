// `npm start`: builds the demo for production and serves it on 127.0.0.1 (PORT, default 5173).
import { build, preview } from 'vite';

const port = Number(process.env.PORT ?? 5173);
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({ configFile: 'vite.config.ts', preview: { host: '127.0.0.1', port, strictPort: true } });
console.log(`Kartochka demo: http://127.0.0.1:${port}/`);
server.printUrls?.();
