/* global process, console */
// Hocuspocus for the benchmark: @hocuspocus/server 4.x with its defaults, in memory (no extensions).
// Plain JavaScript run by plain `node`, so no TypeScript loader sits in the measured process.
// Only the address, the port and `quiet` (no start-up banner) are set.
import { Server } from '@hocuspocus/server';

const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  quiet: true,
});
await server.listen();
console.log(JSON.stringify({ msg: 'hocuspocus listening', port: server.address.port }));
