// `npm start` ends here: serve the built demo on http://localhost:4321, to this machine only unless HOST says
// otherwise (HOST=0.0.0.0 to show it on the network).
import { startSiteServer } from './site-server.ts';

const port = Number(process.env.PORT ?? 4321);
const server = await startSiteServer(port, process.env.HOST ?? '127.0.0.1').catch((err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: stop the other server or set PORT=…` : err.message);
  process.exit(1);
});
console.log(`Serving the heritage site at ${server.url.replace('127.0.0.1', 'localhost')}/  (Ctrl+C to stop)`);
