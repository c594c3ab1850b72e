import { parseArgs } from 'node:util';
import { isValidRoomName } from '../shared/room-name.js';
import { parseTtl, signToken, type Grant } from '../server/auth/tokens.js';

/**
 * npm run token -- --user alice --room demo [--room other] [--read] [--ttl 8h]
 * Prints only the token, on one line, signed with AUTH_SECRET.
 */
function fail(message: string): never {
  console.error(`token: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    user: { type: 'string' },
    room: { type: 'string', multiple: true },
    read: { type: 'boolean', default: false },
    ttl: { type: 'string', default: '8h' },
  },
  strict: true,
});

const secret = process.env['AUTH_SECRET'];
if (!secret) fail('AUTH_SECRET is not set; the token must be signed with the server’s secret');
if (!values.user) fail('--user is required');
const rooms = values.room ?? [];
if (rooms.length === 0) fail('--room is required (a room name, or "*" for every room)');
for (const room of rooms) if (room !== '*' && !isValidRoomName(room)) fail(`bad room name "${room}"`);

const grant: Grant = values.read ? 'read' : 'write';
let ttlSeconds: number;
try {
  ttlSeconds = parseTtl(values.ttl);
} catch (error) {
  fail((error as Error).message);
}
const token = await signToken(secret, {
  user: values.user,
  rooms: Object.fromEntries(rooms.map((room) => [room, grant])),
  ttlSeconds,
});
process.stdout.write(`${token}\n`);
