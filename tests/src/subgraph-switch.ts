import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Hop-by-hop and length headers the switch does not pass on: each side sets its own. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding']);

/**
 * Stands between the gateway and one subgraph on a port of its own, over real HTTP. It forwards every
 * request to the subgraph, or accepts requests and never answers (`hang`), or is `down`: nothing
 * listens on its port any more and its open connections are cut, as when the subgraph stops.
 */
export class SubgraphSwitch {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private hanging = false;
  private port = 0;
  /** Requests it accepted while hanging and never answered. */
  hung = 0;
  /** Connections ever opened to it. */
  connectionsOpened = 0;

  private constructor(private readonly target: URL) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (socket: Socket) => {
      this.connectionsOpened += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(subgraphUrl: string): Promise<SubgraphSwitch> {
    const subgraphSwitch = new SubgraphSwitch(new URL(subgraphUrl));
    await subgraphSwitch.listen(0);
    return subgraphSwitch;
  }

  /** The subgraph's URL through the switch. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${this.target.pathname}`;
  }

  /** Accepts requests from now on and never answers them. */
  hang(): void {
    this.hanging = true;
  }

  /** Stops listening and cuts every open connection: a request gets "connection refused". */
  async down(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Forwards again, listening on the same port as before. */
  async up(): Promise<void> {
    this.hanging = false;
    if (!this.server.listening) await this.listen(this.port);
  }

  stop(): Promise<void> {
    return this.down();
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.hanging) {
      this.hung += 1;
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || NOT_FORWARDED.has(name)) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    try {
      const response = await fetch(new URL(req.url ?? '/', this.target), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      });
      const body = Buffer.from(await response.arrayBuffer());
      const answerHeaders: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (!NOT_FORWARDED.has(name) && name !== 'set-cookie') answerHeaders[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) answerHeaders['set-cookie'] = cookies;
      res.writeHead(response.status, answerHeaders).end(body);
    } catch {
      res.writeHead(502).end();
    }
  }
}
