-- Applies a transaction's writes if every document it read still has the version it read (0 = absent).
-- KEYS[1] is the version counter, KEYS[2] this commit's marker; the others are the documents, hashes and sets the
-- transaction touches.
-- ARGV[1] is {"c": [[keyIndex, version(, field)], ...], "w": [[op, keyIndexOrChannel, arg, arg], ...], "t": ttlMillis}.
-- Every message published is 'position:message', the position taken from the version counter once per commit, at its
-- first append or publication (the writes of a transaction come before them), so that a snapshot read (read.lua's 'c')
-- tells which messages it already reflects.
-- An 'app' write appends a field document to a hash without any check, its field named 'position.rank' (the commit's
-- position, then the rank of the append among the commit's appends from 0), so that appends sort in commit order.
-- A check with a field checks one field document of a hash (field '' = the hash's own version). A field document is
-- stored as 'version:json'; the hash's field '' holds the version of its last change.
-- The marker makes a commit idempotent: Lettuce sends a command again after a reconnection when the connection closed
-- before its answer, and this run must then answer what the first one did instead of seeing its own writes as a
-- conflict.
local spec = cjson.decode(ARGV[1])
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {'1'}
end
for _, check in ipairs(spec.c) do
  local current
  if check[3] == nil then
    current = redis.call('HGET', KEYS[check[1]], 'v')
  else
    current = redis.call('HGET', KEYS[check[1]], check[3])
    if current then
      local colon = string.find(current, ':', 1, true)
      if colon then
        current = string.sub(current, 1, colon - 1)
      end
    end
  end
  if (current and tonumber(current) or 0) ~= check[2] then
    return {'0'}
  end
end
local position
local appends = 0
for _, write in ipairs(spec.w) do
  local op = write[1]
  if op == 'put' then
    local key = KEYS[write[2]]
    local version = redis.call('INCR', KEYS[1])
    redis.call('HSET', key, 'v', version, 'd', write[3])
    if write[4] > 0 then
      redis.call('PEXPIRE', key, write[4])
    else
      redis.call('PERSIST', key)
    end
  elseif op == 'hput' then
    local version = redis.call('INCR', KEYS[1])
    redis.call('HSET', KEYS[write[2]], write[3], version .. ':' .. write[4], '', version)
  elseif op == 'hdel' then
    if redis.call('HDEL', KEYS[write[2]], write[3]) == 1 then
      redis.call('HSET', KEYS[write[2]], '', redis.call('INCR', KEYS[1]))
    end
  elseif op == 'app' then
    if not position then
      position = redis.call('INCR', KEYS[1])
    end
    local version = redis.call('INCR', KEYS[1])
    redis.call('HSET', KEYS[write[2]], position .. '.' .. appends, version .. ':' .. write[3], '', version)
    appends = appends + 1
  elseif op == 'del' then
    redis.call('DEL', KEYS[write[2]])
  elseif op == 'sadd' then
    redis.call('SADD', KEYS[write[2]], write[3])
  elseif op == 'srem' then
    redis.call('SREM', KEYS[write[2]], write[3])
  elseif op == 'pub' then
    if not position then
      position = redis.call('INCR', KEYS[1])
    end
    redis.call('PUBLISH', write[2], position .. ':' .. write[3])
  end
end
redis.call('SET', KEYS[2], '1', 'PX', spec.t)
return {'1'}
