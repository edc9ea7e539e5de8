# Sourced by bench/run and bench/newsroom-day: the packaged app started as production starts it.
# Needs DB, PORT, WORK set. The app runs from target/quarkus-app, as in the image (the JVM uses a class archive
# only for the class path it was made with), by docker/start-app with docker/java-options (BENCH_JAVA_OPTS
# replaces them), a fixed session key, logging at INFO. As in the image, the first start of a build records the
# classes it loads into a fuller class archive, written when it stops: when the build has none yet,
# train_class_archive starts it once, serves each page once and stops it.
JAVA_OPTIONS="${BENCH_JAVA_OPTS-$(cat docker/java-options)}"
export MALLOC_ARENA_MAX=2
APP=
start_app() { # -> APP, READY_MS
  local start_ns
  start_ns=$(date +%s%N)
  (cd target/quarkus-app && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=bench-session-key-0000000000000001 QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) \
    JAVA_OPTS="${JAVA_OPTIONS:- }" exec ../../docker/start-app) >> "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$APP" 2>/dev/null || { echo "the app did not start: see $WORK/app.log"; exit 1; }
    sleep 0.05
  done
  READY_MS=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}
TRAINING_MS=
train_class_archive() { # -> TRAINING_MS when it trained
  if [[ " $JAVA_OPTIONS " == *" -XX:SharedArchiveFile=app-cds.jsa "* ]] && \
     ! [ target/quarkus-app/app-cds-trained.jsa -nt target/quarkus-app/quarkus-run.jar ]; then
    echo "No trained class archive for this build yet: one start to make it (docker/start-app)"
    start_app
    TRAINING_MS=$READY_MS
    for path in / /world "/world?page=50" /feed.xml /sitemap-news.xml /sitemap.xml "/search?q=security+council" /login; do
      curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
    done
    kill "$APP"; wait "$APP" || true
  fi
}
# The app's memory every half second until $WORK/rss.stop exists, into $WORK/rss.txt; rss_summary prints it.
sample_rss() {
  rm -f "$WORK/rss.stop"
  (while kill -0 "$APP" 2>/dev/null && ! [ -f "$WORK/rss.stop" ]; do
    awk '/VmRSS/ {print int($2 / 1024)}' /proc/$APP/status; sleep 0.5
  done > "$WORK/rss.txt") &
}
rss_summary() {
  touch "$WORK/rss.stop"; sleep 0.6
  sort -n "$WORK/rss.txt" | awk '{v[NR] = $1} END {printf "median %d MB, 95th percentile %d MB, max %d MB", v[int((NR + 1) / 2)], v[int(NR * 0.95 + 0.5)], v[NR]}'
}
# nginx serving $WORK as static files on NGINX_PORT (the ceiling).
start_nginx() {
  cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $PWD/$WORK/nginx.pid;
error_log $PWD/$WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$NGINX_PORT; root $PWD/$WORK; location / { default_type text/html; } }
}
NGINX
  nginx -c "$PWD/$WORK/nginx.conf"
}
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null || true; [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; }

# Searches: two-word queries over bench/seed's Zipf vocabulary (word ranks 10 to 3,000: each word in 85%
# down to 0.7% of the stories), a request taking one at random; a fresh list of 5,000 for warming and for
# each measurement, so that results pages (kept in memory like any public page) are rarely reused.
searches() { # (needs PSQL) seed file [highest word rank, 3000] [suffix: SQL on g, the query's number]
  "${PSQL[@]}" -c "select setseed($1); select '/search?q=' || a.word || '+' || b.word ${4:-} from generate_series(1, 5000) g
    cross join lateral (select floor(exp(ln(10) + random() * ln(${3:-3000} / 10.0)))::int ra,
                               floor(exp(ln(10) + random() * ln(${3:-3000} / 10.0)))::int rb where g > 0) r
    join bench_word a on a.rank = r.ra join bench_word b on b.rank = r.rb" | grep '^/search' > "$WORK/$2"
}
