#!/usr/bin/env python3
"""A large WordPress site to import, made from the real export in src/test/resources/wordpress: its header
(authors, categories, tags), attachments and posts, then POSTS more published posts cloned from its own (new ids,
slugs, dates over two years, links), some of them LONG posts of 500 paragraphs, and PHOTOS big camera pictures
(bench/MakePhoto.java, 24 megapixels) as attachments, each the featured image and a body picture of some posts.
Writes OUT/export.xml and OUT/uploads.zip (the test uploads, the photos and FILLER_MB of other uploads the posts
do not use, as a real uploads folder has).

    bench/wordpress_big.py OUT [POSTS=2000] [PHOTOS=6] [LONG=20] [FILLER_MB=200]
"""
import os
import random
import re
import subprocess
import sys
import zipfile

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "..", "src", "test", "resources", "wordpress")
out = sys.argv[1]
posts, photos, long_posts, filler_mb = (int(a) for a in (sys.argv[2:] + ["2000", "6", "20", "200"][len(sys.argv) - 2:])[:4])
os.makedirs(out, exist_ok=True)
text = open(os.path.join(source, "export.xml"), encoding="utf-8").read()
first, last = text.index("<item>"), text.rindex("</item>") + len("</item>")
header, items, footer = text[:first], re.findall(r"<item>.*?</item>", text[first:last], re.S), text[last:]
published = [i for i in items if "<wp:status><![CDATA[publish]]></wp:status>" in i and "[CDATA[post]]" in i]
attachment = next(i for i in items if "[CDATA[attachment]]" in i)


def cdata(item, tag, value):
    return re.sub(rf"<{tag}><!\[CDATA\[.*?\]\]></{tag}>", lambda m: f"<{tag}><![CDATA[{value}]]></{tag}>", item, count=1, flags=re.S)


def meta(item, key, value):
    return re.sub(rf"(<wp:meta_key><!\[CDATA\[{key}\]\]></wp:meta_key>\s*<wp:meta_value><!\[CDATA\[).*?(\]\]>)",
                  lambda m: m.group(1) + value + m.group(2), item, count=1, flags=re.S)


new = []
for p in range(photos):
    aid, path = 900000 + p, f"2023/06/camera-{p}.jpg"
    a = cdata(attachment, "title", f"Camera photo {p}")
    a = re.sub(r"<wp:post_id>\d+</wp:post_id>", f"<wp:post_id>{aid}</wp:post_id>", a)
    a = cdata(a, "wp:attachment_url", f"http://wordpress.example/wp-content/uploads/{path}")
    a = cdata(a, "wp:post_name", f"camera-photo-{p}")
    a = re.sub(r"<guid[^>]*>.*?</guid>", f'<guid isPermaLink="false">http://wordpress.example/wp-content/uploads/{path}</guid>', a)
    a = meta(a, "_wp_attached_file", path)
    a = meta(a, "_wp_attachment_image_alt", f"A camera photo, number {p}")
    new.append(a)
random.seed(26)
paragraph = ("<!-- wp:paragraph -->\n<p>Council officials said on Thursday that the harbour works would take another "
             "season, and that traders on the quay would be told of each closure a week ahead.</p>\n<!-- /wp:paragraph -->\n\n")
for k in range(posts):
    item = published[k % len(published)]
    pid, day = 100000 + k, 1 + k % 28
    month, year = 1 + (k // 28) % 12, 2022 + (k // 336) % 2
    slug = re.search(r"<wp:post_name><!\[CDATA\[(.*?)\]\]>", item).group(1) + f"-{k}"
    date = f"{year}-{month:02d}-{day:02d} 09:{k % 60:02d}:00"
    i = re.sub(r"<wp:post_id>\d+</wp:post_id>", f"<wp:post_id>{pid}</wp:post_id>", item)
    i = cdata(i, "wp:post_name", slug)
    i = re.sub(r"<title><!\[CDATA\[(.*?)\]\]></title>", lambda m: f"<title><![CDATA[{m.group(1)} ({k})]]></title>", i, count=1)
    i = re.sub(r"<link>.*?</link>", f"<link>http://wordpress.example/{year}/{month:02d}/{day:02d}/{slug}/</link>", i, count=1)
    i = re.sub(r"<guid[^>]*>.*?</guid>", f'<guid isPermaLink="false">http://wordpress.example/?p={pid}</guid>', i, count=1)
    for tag in ("wp:post_date", "wp:post_date_gmt", "wp:post_modified", "wp:post_modified_gmt"):
        i = cdata(i, tag, date)
    if photos:
        photo = k % photos
        i = meta(i, "_thumbnail_id", str(900000 + photo)) if "_thumbnail_id" in i else i
        picture = (f'<!-- wp:image -->\n<figure class="wp-block-image"><img src="http://wordpress.example/wp-content/uploads/'
                   f'2023/06/camera-{photo}.jpg" alt="Camera photo {photo}" /></figure>\n<!-- /wp:image -->\n\n')
    else:
        picture = ""
    extra = paragraph * (500 if k < long_posts else 8)
    i = re.sub(r"(<content:encoded><!\[CDATA\[)", lambda m: m.group(1) + picture + extra, i, count=1)
    new.append(i)
with open(os.path.join(out, "export.xml"), "w", encoding="utf-8") as f:
    f.write(header + "\n".join(items + new) + footer)
with zipfile.ZipFile(os.path.join(out, "uploads.zip"), "w", zipfile.ZIP_STORED) as z:
    with zipfile.ZipFile(os.path.join(source, "uploads.zip")) as original:
        for entry in original.infolist():
            z.writestr(entry, original.read(entry))
    if photos:
        subprocess.run(["java", os.path.join(here, "MakePhoto.java"), "6000", "4000", os.path.join(out, "camera.jpg")],
                       check=True, stdout=subprocess.DEVNULL)
        for p in range(photos):
            z.write(os.path.join(out, "camera.jpg"), f"wp-content/uploads/2023/06/camera-{p}.jpg")
    chunk = os.urandom(1024 * 1024)
    for n in range(filler_mb // 10):
        with z.open(f"wp-content/uploads/2021/01/video-{n}.mp4", "w", force_zip64=True) as f:
            for _ in range(10):
                f.write(chunk)
print(out, os.path.getsize(os.path.join(out, "export.xml")), os.path.getsize(os.path.join(out, "uploads.zip")))
