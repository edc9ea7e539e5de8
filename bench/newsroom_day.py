#!/usr/bin/env python3
"""The desk's side of bench/newsroom-day: while readers and searchers load the app (wrk), staff upload camera
photos, compare revisions of a long story and save long stories, each as a browser does it (bench/deskclient.py).

    bench/newsroom_day.py BASE USER PASSWORD SECONDS PHOTO [uploaders=2] [comparers=2] [savers=8]

Prints one line per kind of work (done, answers by class, p50/p95/max) and a last line "desk 5xx N other-errors M".
"""
import os
import statistics
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deskclient import Desk  # noqa: E402

BASE, USER, PASSWORD, SECONDS, PHOTO = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
UPLOADERS, COMPARERS, SAVERS = (int(a) for a in (sys.argv[6:9] + ["2", "2", "8"][len(sys.argv[6:9]):]))

SENTENCES = [
    "Malian Foreign Minister Abdoulaye Diop on Thursday denied that his government had signed a contract with a "
    "Russian private military contractor, saying the reports were part of a campaign against the country",
    "Speaking at a news conference in Moscow, following a meeting with his Russian counterpart, Diop said the "
    "information about the contract was disinformation meant to isolate Mali from its partners",
    "Any state protects its interests, Diop said, and the government will take whatever steps it considers "
    "necessary to protect civilians in the north and centre of the country",
    "Lavrov pointed out that the market for private military contractors had been created by Western countries, "
    "and that several of them lead in the number of such companies operating across continents"]


def body_of(kilobytes, variant=0):
    """Plain paragraphs (blank lines between them, as typed) adding up to about this many kilobytes."""
    paragraphs, size, i = [], 0, 0
    while size < kilobytes * 1024:
        text = f"{i + 1}. {SENTENCES[i % 4]}; {SENTENCES[(i + 1) % 4].lower()}."
        if variant and i % 50 == variant % 50:  # a revised paragraph every fifty
            text = f"{i + 1}. Revised in version {variant}: " + SENTENCES[(i + 2) % 4] + "."
        paragraphs.append(text)
        size += len(text) + 2
        i += 1
    return "\n\n".join(paragraphs)


# A "1 MB story": as long as the desk takes (StoryService.BODY_MAX, 1,000,000 characters), with room for the updates.
LONG_KB = 970

results = {}  # kind -> list of (status, seconds)
lock = threading.Lock()


def record(kind, status, seconds):
    with lock:
        results.setdefault(kind, []).append((status, seconds))


def timed(kind, call):
    started = time.perf_counter()
    try:
        status = call()
    except Exception as failure:  # a refused or timed-out connection is an error too
        status = f"error:{type(failure).__name__}"
    record(kind, status, time.perf_counter() - started)
    return status


def new_story(desk, headline, body):
    status, location, _ = desk.save_story("/desk/stories/new", headline=headline,
                                          standfirst="A long story for the newsroom day.", body=body, action="save")
    assert status == 303 and location, f"creating '{headline}' answered {status}"
    return urllib.parse.urlparse(location).path


def uploader(desk, deadline, photo):
    token = desk.csrf()
    while time.time() < deadline:
        timed("upload 24 MP photo", lambda: desk.post_multipart(
            "/desk/images", [("csrf-token", token)], [("file", "camera.jpg", "image/jpeg", photo)])[0])


def comparer(desk, deadline, story_path):
    while time.time() < deadline:
        timed("compare 300 KB revisions", lambda: desk.request("GET", story_path + "/revisions/compare?from=1&to=2")[0])


def saver(desk, deadline, story_path, number):
    base = body_of(LONG_KB)
    turn = 0
    while time.time() < deadline:
        turn += 1
        status = timed("open 1 MB story", lambda: desk.request("GET", story_path)[0])
        if time.time() >= deadline:
            break
        timed("save 1 MB story", lambda: desk.save_story(story_path, body=base + f"\n\nUpdate {number}.{turn}.",
                                                        action="save")[0])


def main():
    photo = open(PHOTO, "rb").read()
    print(f"preparing: {SAVERS} stories of 1 MB, one of two 300 KB revisions, {UPLOADERS} uploaders", flush=True)
    savers = [Desk(BASE).sign_in(USER, PASSWORD) for _ in range(SAVERS)]
    saver_stories = [new_story(d, f"Newsroom day long story {i + 1}", body_of(LONG_KB)) for i, d in enumerate(savers)]
    comparers = [Desk(BASE).sign_in(USER, PASSWORD) for _ in range(COMPARERS)]
    compared = new_story(comparers[0], "Newsroom day revised story", body_of(300)) if comparers else None
    if compared:
        status, _, _ = comparers[0].save_story(compared, body=body_of(300, variant=7), action="save")
        assert status == 303, f"the second revision answered {status}"
    uploaders = [Desk(BASE).sign_in(USER, PASSWORD) for _ in range(UPLOADERS)]
    print("ready", flush=True)
    sys.stdin.readline()  # the caller starts readers and searchers, then says go
    deadline = time.time() + SECONDS
    threads = [threading.Thread(target=uploader, args=(d, deadline, photo)) for d in uploaders]
    threads += [threading.Thread(target=comparer, args=(d, deadline, compared)) for d in comparers]
    threads += [threading.Thread(target=saver, args=(d, deadline, s, i)) for i, (d, s) in enumerate(zip(savers, saver_stories))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server_errors = other_errors = 0
    for kind, answers in sorted(results.items()):
        seconds = sorted(s for _, s in answers)
        by_class = {}
        for status, _ in answers:
            key = f"{status // 100}xx" if isinstance(status, int) else status
            by_class[key] = by_class.get(key, 0) + 1
            if isinstance(status, int) and status >= 500:
                server_errors += 1
            elif not isinstance(status, int) or status >= 400:
                other_errors += 1
        print(f"{kind:26} {len(answers):5} done  {' '.join(f'{k} {v}' for k, v in sorted(by_class.items())):24}"
              f" p50 {statistics.median(seconds) * 1000:8.0f} ms  p95 {seconds[max(0, int(len(seconds) * 0.95) - 1)] * 1000:8.0f} ms"
              f"  max {seconds[-1] * 1000:8.0f} ms")
    print(f"desk 5xx {server_errors} other-errors {other_errors}")


main()
