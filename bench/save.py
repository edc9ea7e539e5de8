#!/usr/bin/env python3
"""Time saving a story in the desk, as a browser does it: sign in, open a new story, then save it N times
(each save posts the whole multipart form, CSRF token and version included, and gets its 303). Prints
p50/p95/max of the POST's round trip on loopback, which is server time plus well under a millisecond.

    bench/save.py http://127.0.0.1:18080 chief 'bench-chief-editor-password' [N=200]
"""
import os
import statistics
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deskclient import Desk  # noqa: E402

BASE, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
N = int(sys.argv[4]) if len(sys.argv) > 4 else 200
desk = Desk(BASE).sign_in(USER, PASSWORD)

paragraph = ("Malian Foreign Minister Abdoulaye Diop on Thursday denied that his government had signed a contract "
             "with a Russian private military contractor, saying the reports were part of a campaign. ")
body = "\n\n".join(paragraph * 3 for _ in range(12))  # about 1,000 words
status, location, _ = desk.save_story("/desk/stories/new", headline="Desk save benchmark",
                                      standfirst="How long a save takes.", body=body, action="save")
assert status == 303 and location, f"creating the story failed: {status}"
edit_path = urllib.parse.urlparse(location).path

times = []
for i in range(N):
    status, _, elapsed = desk.save_story(edit_path, body=body + f"\n\nRevision {i}.", action="save")
    assert status == 303, f"save {i} answered {status}"
    times.append(elapsed * 1000)
times.sort()
print(f"desk save: {N} saves of a 1,000-word story; p50 {statistics.median(times):.1f} ms, "
      f"p95 {times[int(N * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms")
