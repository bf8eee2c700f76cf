-- wrk script: GET /api/v1/search with one- to three-word queries in turn (words of the demo pages).
local queries = {
  "岚江", "项目", "增长", "投资", "企业", "工程", "新能源", "港口", "就业", "储能",
  "农业", "公交", "供热", "旅游", "外贸", "集装箱", "茶业", "粮油", "船舶", "停车",
  "岚江 项目", "投资 增长", "工业 增加值", "新能源 产业", "集装箱 吞吐量", "重点 项目",
  "在建 工程", "进出口 总值", "城镇 就业", "专精特新 企业", "岚江 港口 吞吐量", "新能源 储能 项目",
}
local encoded = {}
local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for i, q in ipairs(queries) do encoded[i] = encode(q) end
local counter = 0
request = function()
  counter = counter + 1
  local q = encoded[(counter % #encoded) + 1]
  return wrk.format("GET", "/api/v1/search?q=" .. q .. "&limit=20")
end
