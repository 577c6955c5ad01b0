-- Reads documents as one consistent snapshot: for each key its version ('0' when absent) and its JSON ('').
local result = {}
for i, key in ipairs(KEYS) do
  local fields = redis.call('HMGET', key, 'v', 'd')
  result[2 * i - 1] = fields[1] or '0'
  result[2 * i] = fields[2] or ''
end
return result
