#!/usr/bin/env python3
"""Time saving a story in the desk, as a browser does it: sign in, open a new story, then save it N times
(each save posts the whole multipart form, CSRF token and version included, and gets its 303). Prints
p50/p95/max of the POST's round trip on loopback, which is server time plus well under a millisecond.

    bench/save.py http://127.0.0.1:18080 chief 'bench-chief-editor-password' [N=200]
"""
import http.client
import statistics
import sys
import time
import urllib.parse
import uuid
from html.parser import HTMLParser

BASE, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
N = int(sys.argv[4]) if len(sys.argv) > 4 else 200
HOST = urllib.parse.urlparse(BASE)
cookies = {}


class Form(HTMLParser):
    """The fields a browser would send from the form with the given id (or the first form)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.done = form_id, False, False
        self.action, self.fields, self.textarea, self.select = None, [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (self.form_id is None or a.get("id") == self.form_id):
            self.inside, self.action = True, a.get("action")
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type", "text") not in ("submit", "button", "file", "image"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select = [a["name"], None]
        elif tag == "option" and self.select is not None and (self.select[1] is None or "selected" in a):
            self.select[1] = a.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] or ""))
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def request(method, path, body=None, content_type=None):
    connection = http.client.HTTPConnection(HOST.hostname, HOST.port)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    if content_type:
        headers["Content-Type"] = content_type
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    elapsed = time.perf_counter() - started
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key] = rest.split(";")[0]
    return response.status, response.getheader("Location"), text, elapsed


def form_of(path, form_id=None):
    status, _, text, _ = request("GET", path)
    parser = Form(form_id)
    parser.feed(text)
    return parser


def multipart(fields):
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields]
    return ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8"), f"multipart/form-data; boundary={boundary}"


login = form_of("/login")
fields = [(k, v) for k, v in login.fields if k not in ("username", "password")] + [("username", USER), ("password", PASSWORD)]
status, location, _, _ = request("POST", "/login", urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")
assert status == 303, f"sign-in failed: {status}"

paragraph = ("Malian Foreign Minister Abdoulaye Diop on Thursday denied that his government had signed a contract "
             "with a Russian private military contractor, saying the reports were part of a campaign. ")
body = "\n\n".join(paragraph * 3 for _ in range(12))  # about 1,000 words
new = form_of("/desk/stories/new", "story-form")
values = dict(new.fields)
values.update(headline="Desk save benchmark", standfirst="How long a save takes.", body=body, action="save")
status, location, _, _ = request("POST", new.action, *multipart(list(values.items())))
assert status == 303 and location, f"creating the story failed: {status}"
edit_path = urllib.parse.urlparse(location).path

times = []
for i in range(N):
    form = form_of(edit_path, "story-form")
    values = dict(form.fields)
    values.update(body=body + f"\n\nRevision {i}.", action="save")
    status, _, _, elapsed = request("POST", form.action, *multipart(list(values.items())))
    assert status == 303, f"save {i} answered {status}"
    times.append(elapsed * 1000)
times.sort()
print(f"desk save: {N} saves of a 1,000-word story; p50 {statistics.median(times):.1f} ms, "
      f"p95 {times[int(N * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms")
