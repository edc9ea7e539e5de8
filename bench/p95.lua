-- wrk prints the 50th, 75th, 90th and 99th percentiles; bench/run also wants the 95th.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
end
