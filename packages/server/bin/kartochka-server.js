#!/usr/bin/env node
// The installed command: runs the built CLI (`npm run build -w @kartochka/server` first in a checkout).
import '../dist/cli.js';
