// Bundles src/main.ts with esbuild and copies the static files. Output: $OMEGA_DASHBOARD_OUT (the Maven build
// sets it to modules/app/target/dashboard) or ./dist. Prints the shipped size, raw and gzipped.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = resolve(process.env.OMEGA_DASHBOARD_OUT || 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  sourcemap: false,
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
});
for (const f of ['index.html', 'app.css']) {
  copyFileSync(join('static', f), join(out, f));
}
let raw = 0;
let gz = 0;
for (const f of readdirSync(out)) {
  const p = join(out, f);
  if (statSync(p).isFile()) {
    raw += statSync(p).size;
    gz += gzipSync(readFileSync(p), { level: 9 }).length;
  }
}
console.log(`dashboard: ${out} — ${raw} bytes, ${gz} bytes gzipped (budget 307200)`);
if (gz > 300 * 1024) {
  console.error('dashboard: shipped assets exceed 300 KB gzipped');
  process.exit(1);
}
