#!/usr/bin/env python3
"""Live coverage under load (issue 27): READERS readers follow one live story's stream while an editor posts an
entry every second for SECONDS seconds; prints how long each entry took to reach each reader (from just before its
"Post entry" request to its arrival), median and worst, the errors, and the app's resident memory.

    bench/live.py http://127.0.0.1:8090 chief chief-editor-password [READERS=2000] [SECONDS=60] [APP_PID]

The readers connect as browsers' EventSource does (GET /live/{id}/events?after=<the page's data-seq>); the story
is made live on the desk and published first, as an editor would. Run it against the packaged app with the
production options (docker/start-app); the process's open-file limit must allow READERS connections.
"""
import asyncio
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deskclient import Desk  # noqa: E402

BASE, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
READERS = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
SECONDS = int(sys.argv[5]) if len(sys.argv) > 5 else 60
APP_PID = sys.argv[6] if len(sys.argv) > 6 else None
host = urllib.parse.urlparse(BASE)
MARK = re.compile(rb"bench-entry-(\d+)-")


def rss_mb():
    if not APP_PID:
        return None
    with open(f"/proc/{APP_PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


# The story: made live, submitted and published through the desk's forms.
desk = Desk(BASE).sign_in(USER, PASSWORD)
stamp = time.strftime("%H%M%S")
status, location, _ = desk.save_story("/desk/stories/new", headline=f"Live bench {stamp}",
                                      standfirst="Readers follow this story while entries are posted.",
                                      body="The summary of the story so far.", live="on", action="save")
assert status == 303 and location, f"creating the story failed: {status}"
edit_path = urllib.parse.urlparse(location).path
story_id = int(edit_path.rstrip("/").split("/")[-1])
assert desk.save_story(edit_path, action="submit")[0] == 303, "submitting failed"
assert desk.save_story(edit_path, action="publish", checked="publish")[0] == 303, "publishing failed"
live_page = desk.form(f"/desk/stories/{story_id}/live", "entry-form")
csrf = dict(live_page.fields).get("csrf-token", "")
_, _, live_html, _ = desk.request("GET", f"/desk/stories/{story_id}/live")
public_path = re.search(r'href="([^"]+)">Read it on the site', live_html).group(1)
_, _, page, _ = Desk(BASE).request("GET", public_path)
seq = re.search(r'data-seq="(\d+)"', page).group(1)
print(f"story {story_id} at {public_path}, stream from change {seq}; {READERS} readers, {SECONDS} entries, one a second")

arrivals = {}  # entry number -> list of arrival times (monotonic)
posted_at = {}  # entry number -> monotonic time just before its post
errors = {"connect": 0, "status": 0, "dropped": 0, "post": 0}
connected = 0


async def reader(index, ready):
    global connected
    try:
        stream_reader, writer = await asyncio.open_connection(host.hostname, host.port)
    except OSError:
        errors["connect"] += 1
        ready.release()
        return
    writer.write(f"GET /live/{story_id}/events?after={seq} HTTP/1.1\r\nHost: {host.hostname}\r\n"
                 f"Accept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    status_line = await stream_reader.readline()
    if b" 200 " not in status_line:
        errors["status"] += 1
        ready.release()
        writer.close()
        return
    connected += 1
    ready.release()
    try:
        while True:
            line = await stream_reader.readline()
            if not line:
                if not stopping:
                    errors["dropped"] += 1
                return
            found = MARK.search(line)
            if found:
                arrivals.setdefault(int(found.group(1)), []).append(time.monotonic())
    except (ConnectionError, asyncio.IncompleteReadError):
        if not stopping:
            errors["dropped"] += 1
    finally:
        writer.close()


stopping = False
peak_rss = 0.0


def poster():
    """Posts one entry a second, as the desk's form does; runs beside the readers' loop."""
    global peak_rss
    poster_desk = Desk(BASE)
    poster_desk.cookies = dict(desk.cookies)
    start = time.monotonic()
    for n in range(SECONDS):
        wait = start + n - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        body = urllib.parse.urlencode([("csrf-token", csrf), ("author", ""),
                                       ("entry", f"bench-entry-{n}- The situation at {time.strftime('%H:%M:%S')}: "
                                                 "rescue teams are working through the night, officials said.")])
        posted_at[n] = time.monotonic()
        status, _, _, _ = poster_desk.request("POST", f"/desk/stories/{story_id}/live/entries", body,
                                              "application/x-www-form-urlencoded")
        if status != 303:
            errors["post"] += 1
        rss = rss_mb()
        if rss:
            peak_rss = max(peak_rss, rss)


async def main():
    global stopping
    ready = asyncio.Semaphore(0)
    tasks = []
    opened = time.monotonic()
    for i in range(READERS):
        tasks.append(asyncio.create_task(reader(i, ready)))
        if i % 100 == 99:
            await asyncio.sleep(0.05)  # a crowd arriving over a second or two, not in one instant
    for _ in range(READERS):
        await ready.acquire()
    print(f"{connected} readers connected in {time.monotonic() - opened:.1f} s "
          f"(refused {errors['connect']}, bad status {errors['status']}); RSS {rss_mb() or 0:.0f} MB")
    thread = threading.Thread(target=poster)
    thread.start()
    while thread.is_alive():
        await asyncio.sleep(0.2)
    await asyncio.sleep(5)  # the last entries' stragglers
    stopping = True
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


asyncio.run(main())
latencies = []
missing = 0
for n, at in posted_at.items():
    got = arrivals.get(n, [])
    missing += connected - len(got)
    latencies.extend((t - at) * 1000 for t in got)
latencies.sort()
expected = connected * len(posted_at)
print(f"entries posted: {len(posted_at)} (failed posts {errors['post']}); deliveries {len(latencies)} of {expected} "
      f"(missing {missing}); streams dropped {errors['dropped']}")
if latencies:
    late = sum(1 for value in latencies if value > 2000)
    print(f"entry to reader: median {statistics.median(latencies):.0f} ms, p99 {latencies[int(len(latencies) * 0.99) - 1]:.0f} ms, "
          f"worst {latencies[-1]:.0f} ms; over 2 s: {late}")
if APP_PID:
    print(f"app RSS: peak {peak_rss:.0f} MB during the posts, {rss_mb() or 0:.0f} MB at the end")
