-- Appended to every wrk script of the benchmark (benchmarks/run.py concatenates the files).
-- BENCH_COOKIE (optional): a Cookie header sent with every request of a static case.
-- done() prints one machine-readable line that run.py parses.
local bench_cookie = os.getenv("BENCH_COOKIE")
if bench_cookie and bench_cookie ~= "" then
  wrk.headers["Cookie"] = bench_cookie
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,' ..
    '"p99_us":%d,"max_us":%d,"mean_us":%.1f,"err_connect":%d,"err_read":%d,' ..
    '"err_write":%d,"err_status":%d,"err_timeout":%d,%s}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout,
    bench_extra and bench_extra() or '"reused_devices":0'))
end
