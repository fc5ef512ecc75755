import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

/** Where `npm run build -w admin` writes the console and the playground. */
export const DEFAULT_ADMIN_DIST = path.resolve(__dirname, '../../admin/dist');

/**
 * Serves the built console at /admin and the playground at /playground. Both load their scripts
 * from /admin/assets, so a browser on them talks to this origin only. Hashed assets are cached for
 * a year; the HTML is never cached, so a rebuild shows at once.
 */
export function serveConsole(app: express.Express, distDir = DEFAULT_ADMIN_DIST): void {
  const notBuilt = (_req: express.Request, res: express.Response) => {
    res.status(503).type('text').send('The console is not built yet: run `npm run build` (npm install and npm start do it for you).');
  };
  const page = (file: string) => (req: express.Request, res: express.Response) => {
    const html = path.join(distDir, file);
    if (!fs.existsSync(html)) return notBuilt(req, res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(html);
  };
  app.get('/', (_req, res) => res.redirect('/admin/'));
  app.use('/admin/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  const consolePage = page('index.html');
  // Without the trailing slash the page's relative URLs would resolve against /.
  app.get('/admin', (req, res) => (req.originalUrl.split('?')[0].endsWith('/') ? consolePage(req, res) : res.redirect('/admin/')));
  app.get('/playground', page('playground.html'));
}
