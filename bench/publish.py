#!/usr/bin/env python3
"""Time publishing a story in the desk, and how soon readers' search finds it: sign in, then N times write a
story holding a made-up word, submit it, search for the word until memory answers for it (none found), publish
it (the whole story form posted with the Publish button, as a browser does), and search for the word again
until the story is found. Prints p50/p95/max of: the publish POST's round trip; the time from its answer until
a search shows the story; and until a search answered from memory (search.PublicMatches, counted by
copydesk_searches_total{from="memory"} on the management port) shows it, i.e. memory has applied the change.

    bench/publish.py http://127.0.0.1:18080 chief 'bench-chief-editor-password' [N=20] [management URL]
"""
import http.client
import os
import random
import re
import statistics
import string
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deskclient import Desk  # noqa: E402

BASE, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
N = int(sys.argv[4]) if len(sys.argv) > 4 else 20
host = urllib.parse.urlparse(BASE)
MANAGEMENT = urllib.parse.urlparse(sys.argv[5] if len(sys.argv) > 5 else f"http://{host.hostname}:{host.port + 1000}")
desk = Desk(BASE).sign_in(USER, PASSWORD)
MEMORY = re.compile(r'^copydesk_searches_total\{[^}]*from="memory"[^}]*\} ([0-9.e+]+)$', re.M)


def get(url, path):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def from_memory():
    _, metrics = get(MANAGEMENT, "/q/metrics")
    found = MEMORY.search(metrics)
    return float(found.group(1)) if found else 0.0


def search(word):
    """-> (the results page, whether memory answered it). Each search spells the word in other capitals, so that no
    results page kept by the page cache is reused (the same search to the app)."""
    before = from_memory()
    spelled = "".join(c.upper() if random.random() < 0.5 else c for c in word)
    status, page = get(host, f"/search?q={spelled}")
    assert status == 200, f"search answered {status}"
    return page, from_memory() > before


def percentiles(name, values):
    values = sorted(values)
    return (f"{name}: p50 {statistics.median(values):.1f} ms, p95 {values[max(0, int(len(values) * 0.95) - 1)]:.1f} ms, "
            f"max {values[-1]:.1f} ms")


body = "\n\n".join(("Malian Foreign Minister Abdoulaye Diop on Thursday denied that his government had signed a contract "
                    "with a Russian private military contractor, saying the reports were part of a campaign. ") * 3
                   for _ in range(12))  # about 1,000 words
publish_ms, seen_ms, memory_ms = [], [], []
for i in range(N):
    word = "pubbench" + "".join(random.choice(string.ascii_lowercase) for _ in range(10))
    headline = f"Publish bench {word}"
    status, location, _ = desk.save_story("/desk/stories/new", headline=headline, standfirst="How long publishing takes.",
                                          body=f"{word} {body}", action="save")
    assert status == 303 and location, f"creating the story failed: {status}"
    edit_path = urllib.parse.urlparse(location).path
    status, _, _ = desk.save_story(edit_path, action="submit")
    assert status == 303, f"submitting answered {status}"
    deadline = time.perf_counter() + 120
    while not search(word)[1]:  # until memory is up to date and holds the word (at first, reads the public stories)
        assert time.perf_counter() < deadline, "memory never answered a search"
        time.sleep(0.05)
    status, _, elapsed = desk.save_story(edit_path, action="publish", checked="publish")  # past the pre-publish check
    assert status == 303, f"publishing answered {status}"
    published = time.perf_counter()
    publish_ms.append(elapsed * 1000)
    seen = None
    while True:
        page, memory = search(word)
        if headline in page:
            now = (time.perf_counter() - published) * 1000
            seen = seen if seen is not None else now
            if memory:
                seen_ms.append(seen)
                memory_ms.append(now)
                break
        assert time.perf_counter() - published < 60, "search never found the published story"
print(f"publish: {N} stories of 1,000 words published from review (the form saved, the story published and indexed)")
print(percentiles("  publish request", publish_ms))
print(percentiles("  until a search shows it", seen_ms))
print(percentiles("  until a search from memory shows it", memory_ms))
