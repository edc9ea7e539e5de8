#!/bin/sh
# The reader's pages at a desktop (1366×900) and a phone (390×844) width, light, and the story and front dark,
# into docs/screenshots/ (shown in docs/public-site.md). Run against the packaged app with the demo content
# (COPYDESK_DEMO_CONTENT=true on an empty database): docs/screenshots/take-public-screenshots.sh http://127.0.0.1:8091
set -eu
BASE=${1:-http://127.0.0.1:8080}
OUT=$(cd "$(dirname "$0")" && pwd)
STORY=$(curl -fsS "$BASE/world" | grep -o 'href="/world/20[0-9/]*/floodwater[^"]*"' | head -1 | cut -d'"' -f2)
shot() { # name url width height [extra flag]
  profile=$(mktemp -d)
  # A first visit fills the cache, so the picture shows the self-hosted fonts as a returning reader sees them
  # (font-display: optional lets a first visit on a slow line keep the system's faces).
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$profile" \
    --virtual-time-budget=4000 --dump-dom "$2" >/dev/null 2>&1
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size="$3,$4" ${5:-} \
    --screenshot="$OUT/$1-$3x$4.png" "$2" >/dev/null 2>&1
  rm -rf "$profile"
}
for size in "1366 900" "390 844"; do
  set -- $size
  shot front "$BASE/" "$1" "$2"
  shot section "$BASE/world" "$1" "$2"
  shot story "$BASE$STORY" "$1" "$2"
done
shot front-dark "$BASE/" 1366 900 --force-dark-mode
shot story-dark "$BASE$STORY" 390 844 --force-dark-mode
