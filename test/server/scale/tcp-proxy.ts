import net from 'node:net';

/**
 * A TCP proxy for tests. In front of several servers it is a round-robin
 * load balancer that skips a target refusing connections (a killed
 * process); in front of Redis it is a cable to cut: `sever()` drops every
 * connection and refuses new ones until `restore()`, without disturbing the
 * shared Redis server or other tests.
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private next = 0;
  private severed = false;

  private constructor(
    private readonly server: net.Server,
    private readonly targets: number[],
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(targets: number[]): Promise<TcpProxy> {
    const proxy = new TcpProxy(net.createServer(), targets);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  sever(): void {
    this.severed = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.severed = false;
  }

  async close(): Promise<void> {
    this.sever();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: net.Socket): void {
    this.track(client);
    if (this.severed) return void client.destroy();
    client.pause();
    this.connect(client, this.targets.length);
  }

  /** Tries targets in turn, starting with the next in the rotation; gives up after trying each once. */
  private connect(client: net.Socket, triesLeft: number): void {
    if (triesLeft === 0 || client.destroyed) return void client.destroy();
    const port = this.targets[this.next++ % this.targets.length]!;
    const upstream = net.connect(port, '127.0.0.1');
    const refused = (): void => {
      upstream.destroy();
      this.connect(client, triesLeft - 1);
    };
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      if (this.severed || client.destroyed) return void upstream.destroy();
      this.track(upstream);
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }
}
