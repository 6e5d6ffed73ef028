--[[
  A tiny LRU cache for OpenResty / plain Lua 5.4,
  from the post "Caching in front of slow upstreams".
--]]

local setmetatable, pairs, type = setmetatable, pairs, type
local fmt = string.format

local M = { _VERSION = "1.2.0" }
M.__index = M

local DEFAULT_CAPACITY <const> = 0x100
local DEFAULT_TTL = 6.0e1 -- seconds

--- Creates a new cache.
-- @param capacity maximum number of entries
-- @param ttl time to live in seconds
function M.new(capacity, ttl)
  assert(type(capacity) == "number" or capacity == nil, "capacity must be a number")
  local self = setmetatable({}, M)
  self.capacity = capacity or DEFAULT_CAPACITY
  self.ttl = ttl or DEFAULT_TTL
  self.size = 0
  self.map = {}
  -- sentinel nodes of a doubly linked list
  self.head = { key = nil }
  self.tail = { key = nil }
  self.head.next, self.tail.prev = self.tail, self.head
  return self
end

local function unlink(node)
  node.prev.next = node.next
  node.next.prev = node.prev
end

local function push_front(self, node)
  node.next = self.head.next
  node.prev = self.head
  self.head.next.prev = node
  self.head.next = node
end

function M:get(key, now)
  local node = self.map[key]
  if not node then return nil end
  if now and node.expires < now then
    unlink(node)
    self.map[key] = nil
    self.size = self.size - 1
    return nil, "expired"
  end
  unlink(node)
  push_front(self, node)
  return node.value
end

function M:set(key, value, now)
  local node = self.map[key]
  if node then
    node.value = value
    unlink(node)
  else
    if self.size >= self.capacity then
      local lru = self.tail.prev
      unlink(lru)
      self.map[lru.key] = nil
      self.size = self.size - 1
    end
    node = { key = key, value = value }
    self.map[key] = node
    self.size = self.size + 1
  end
  node.expires = (now or os.time()) + self.ttl
  push_front(self, node)
end

function M:__tostring()
  return fmt("LRU(%d/%d, ttl=%.1fs)", self.size, self.capacity, self.ttl)
end

-- Demo -----------------------------------------------------------------
local cache = M.new(2)
cache:set("a", 1)
cache:set("b", 2)
cache:get("a")
cache:set("c", 3) -- evicts "b"

for _, k in ipairs({ "a", "b", "c" }) do
  print(k, cache:get(k) ~= nil and "hit" or "miss")
end

local banner = [[
Cache stats:
  "long strings" need no escapes here
]]
local path = 'C:\\tmp\\cache\t' .. #banner .. "\n"
local mask = (0xFF & ~0x0F) >> 2 | 1 << 3
print(tostring(cache), banner, path, mask, 7 // 2, 2 ^ 10, math.pi)
