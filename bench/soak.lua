-- wrk script of bench/soak.sh: a mix of reads and writes on a logged-in session. Nine requests
-- in ten list visits (a page of 20), the tenth creates a visit. Environment: SOAK_COOKIE (the
-- session cookie), SOAK_CSRF (its CSRF token), SOAK_PAIR (the pair written to).
local cookie = os.getenv("SOAK_COOKIE")
local csrf = os.getenv("SOAK_CSRF")
local pair = os.getenv("SOAK_PAIR")
local threads = 0
local n = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function request()
  n = n + 1
  if n % 10 == 0 then
    local body = string.format(
      '{"pair":"%s","title":"浸泡测试写入%d-%d","direction":"to_helped","person_times":2,"start_date":"2021-05-01"}',
      pair, thread_id or 0, n)
    return wrk.format("POST", "/api/v1/exchange/visits",
      { ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("GET", "/api/v1/exchange/visits?page_size=20", { ["Cookie"] = cookie })
end
