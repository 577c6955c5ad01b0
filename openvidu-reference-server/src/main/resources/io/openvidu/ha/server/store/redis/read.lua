-- Reads documents and hashes as one consistent snapshot. ARGV[i] says what KEYS[i] is:
--   'd'          a document (a hash {v: version, d: json}): answers its version ('0' when absent) and JSON ('');
--   'f' .. name  one field document of the hash KEYS[i]: answers its raw value ('' when absent);
--   'c'          the version counter: answers its value ('0' when absent);
--   'h'          a whole hash of field documents: answers the number n of its fields, then n pairs field, raw value.
-- A raw value is 'version:json'; the field '' holds the hash's version alone.
local result = {}
for i, key in ipairs(KEYS) do
  local kind = string.sub(ARGV[i], 1, 1)
  if kind == 'd' then
    local fields = redis.call('HMGET', key, 'v', 'd')
    result[#result + 1] = fields[1] or '0'
    result[#result + 1] = fields[2] or ''
  elseif kind == 'f' then
    result[#result + 1] = redis.call('HGET', key, string.sub(ARGV[i], 2)) or ''
  elseif kind == 'c' then
    result[#result + 1] = redis.call('GET', key) or '0'
  else
    local all = redis.call('HGETALL', key)
    result[#result + 1] = tostring(#all / 2)
    for j = 1, #all do
      result[#result + 1] = all[j]
    end
  end
end
return result
