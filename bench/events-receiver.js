// A webhook receiver for bench/events.sh: answers 200 at once and keeps, per
// event, the lag from the event's time (its change's commit, near enough) to
// its receipt. GET /stats answers the count, the span and the lag percentiles
// since the last POST /reset.
const http = require("http");
let lags = [], first = 0, last = 0;
http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    const sorted = [...lags].sort((a, b) => a - b);
    const at = (q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null;
    res.end(JSON.stringify({ count: lags.length, spanMs: last - first, p50: at(0.5), p99: at(0.99), max: at(1) }));
    return;
  }
  if (req.method === "POST" && req.url === "/reset") {
    lags = []; first = 0; last = 0;
    res.end("reset");
    return;
  }
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const now = Date.now();
    try {
      lags.push(now - Date.parse(JSON.parse(body).time));
      if (!first) first = now;
      last = now;
    } catch (e) { /* not an event */ }
    res.end();
  });
}).listen(Number(process.argv[2] || 9990), "127.0.0.1");
