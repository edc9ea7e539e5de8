"""A desk user as a browser is one: its own cookies, forms read from the pages and sent back whole with their
CSRF token, multipart when a file goes with them. Used by bench/save.py and bench/newsroom_day.py."""
import http.client
import time
import urllib.parse
import uuid
from html.parser import HTMLParser


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


def multipart(fields, files=()):
    """fields: (name, text) pairs; files: (name, file name, content type, bytes)."""
    boundary = uuid.uuid4().hex
    body = bytearray()
    for name, value in fields:
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode("utf-8")
    for name, filename, content_type, data in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f'Content-Type: {content_type}\r\n\r\n').encode("utf-8") + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode("utf-8")
    return bytes(body), f"multipart/form-data; boundary={boundary}"


class Desk:
    """One signed-in browser."""

    def __init__(self, base, timeout=120):
        self.host = urllib.parse.urlparse(base)
        self.cookies = {}
        self.timeout = timeout

    def request(self, method, path, body=None, content_type=None):
        """-> (status, Location, text, seconds)"""
        connection = http.client.HTTPConnection(self.host.hostname, self.host.port, timeout=self.timeout)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        elapsed = time.perf_counter() - started
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        return response.status, response.getheader("Location"), text, elapsed

    def form(self, path, form_id=None):
        status, _, text, _ = self.request("GET", path)
        parser = Form(form_id)
        parser.feed(text)
        parser.status = status
        return parser

    def sign_in(self, user, password):
        login = self.form("/login")
        fields = [(k, v) for k, v in login.fields if k not in ("username", "password")]
        fields += [("username", user), ("password", password)]
        status, _, _, _ = self.request("POST", "/login", urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")
        assert status == 303, f"sign-in failed: {status}"
        return self

    def csrf(self, path="/desk/stories/new"):
        """The CSRF token of a form on the page (what a script on that page would send)."""
        return dict(self.form(path).fields).get("csrf-token", "")

    def post_multipart(self, path, fields, files=()):
        return self.request("POST", path, *multipart(fields, files))

    def save_story(self, edit_path, **changes):
        """Opens the story form (a new one at /desk/stories/new), changes fields, saves. -> (status, Location, seconds)"""
        form = self.form(edit_path, "story-form")
        if form.status != 200:
            return form.status, None, 0.0
        values = dict(form.fields)
        values.update(changes)
        status, location, _, elapsed = self.post_multipart(form.action, list(values.items()))
        return status, location, elapsed
