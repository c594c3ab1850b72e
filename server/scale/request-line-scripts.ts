/**
 * The request line's Redis scripts. Each runs atomically in Redis, so two
 * processes joining, taking a turn or leaving at the same moment see one
 * order. Entries are `<node>|<requestId>`; a node is alive while its key
 * `<prefix>:node:<node>` exists (NodeLiveness refreshes it).
 */

const NODE_OF = `local function node_of(entry) return string.match(entry, '^([^|]+)|') end`;

/**
 * KEYS: line, request key. ARGV: entry, request-key ttl (ms), node-key
 * prefix, channel, room. Returns how many are ahead, or -1 when a live
 * process already has that request id. Retrying a join whose reply was lost
 * finds the entry again. Announces `j|<room>|<entry>` on the channel.
 */
export const JOIN = `${NODE_OF}
local owner = redis.call('GET', KEYS[2])
if owner and owner ~= ARGV[1] then
  local node = node_of(owner)
  if node and redis.call('EXISTS', ARGV[3] .. node) == 1 then return -1 end
end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
redis.call('PUBLISH', ARGV[4], 'j|' .. ARGV[5] .. '|' .. ARGV[1])
local pos = redis.call('LPOS', KEYS[1], ARGV[1])
if pos then return pos end
return redis.call('RPUSH', KEYS[1], ARGV[1]) - 1`;

/**
 * KEYS: line. ARGV: entry, node-key prefix.
 * Returns 1 when the entry is first (its turn), 0 to wait, -1 when it is not
 * in the line at all. Heads whose process is gone are dropped on the way:
 * they would never leave.
 */
export const TURN = `${NODE_OF}
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head then return -1 end
  if head == ARGV[1] then return 1 end
  local node = node_of(head)
  if node and redis.call('EXISTS', ARGV[2] .. node) == 1 then
    if redis.call('LPOS', KEYS[1], ARGV[1]) then return 0 end
    return -1
  end
  redis.call('LPOP', KEYS[1])
end`;

/**
 * KEYS: line, request key. ARGV: entry, channel, room.
 * Removes the entry, frees the request id, and wakes the room's waiters
 * with `l|<room>|<entry>`.
 */
export const LEAVE = `redis.call('LREM', KEYS[1], 1, ARGV[1])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
redis.call('PUBLISH', ARGV[2], 'l|' .. ARGV[3] .. '|' .. ARGV[1])
return 1`;

/**
 * KEYS: request key. ARGV: node-key prefix.
 * Returns 1 while a live process holds the request id, 0 when nobody does
 * (its holder left the line), and -1 when its holder is dead: the key is
 * deleted then, so only one caller hears -1 and reports the request's end.
 */
export const HOLDER = `${NODE_OF}
local owner = redis.call('GET', KEYS[1])
if not owner then return 0 end
local node = node_of(owner)
if node and redis.call('EXISTS', ARGV[1] .. node) == 1 then return 1 end
redis.call('DEL', KEYS[1])
return -1`;
