"""The soak's load: the weighted mix of URLs the running site links to, and ``wrk`` running it
(``bench/soak.lua``) with its counts read back."""

from __future__ import annotations

import re
import subprocess
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote, urlsplit

from tests.harness.services import manage

LUA = Path(__file__).resolve().parent / "soak.lua"
UNCACHED_COOKIE = "sessionid=soak"  # must match bench/soak.lua: anonymous, skips the cache

#: Share of the requests per group of URLs, split evenly between the URLs of the group.
GROUP_WEIGHTS = {
    "home": 10,
    "news index": 5,
    "news articles": 10,
    "memorandum": 3,
    "events": 5,
    "priority areas": 5,
    "campaigns": 4,
    "other pages": 4,
    "tracker": 12,
    "initiative pages": 8,
    "feeds": 8,
    "initiatives API": 4,
    "camera status page": 8,
    "cameras API": 4,
    "sitemap": 2,
    "search": 2,
}
PAGE_GROUPS = {
    "HomePage": "home",
    "NewsIndexPage": "news index",
    "NewsPage": "news articles",
    "MemorandumPage": "memorandum",
    "EventIndexPage": "events",
    "EventPage": "events",
    "PriorityAreaIndexPage": "priority areas",
    "PriorityAreaPage": "priority areas",
    "CampaignIndexPage": "campaigns",
    "CampaignPage": "campaigns",
}
#: Printed by a ``manage.py shell`` snippet: the type of every live page, by its path.
PAGE_TYPES = """
from urllib.parse import urlsplit
from wagtail.models import Page
for page in Page.objects.live().specific().order_by("path"):
    url = page.get_url()
    if url:
        print("PAGE", type(page).__name__, urlsplit(url).path)
"""


def fetch(port: int, path: str, cookie: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError as error:
        return 0, str(error)


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)"', html)


def collect_urls(port: int, env: dict[str, str]) -> dict[str, list[str]]:
    """Every group of GROUP_WEIGHTS and its URLs, as the running site links them."""
    groups: dict[str, list[str]] = defaultdict(list)
    status, sitemap = fetch(port, "/sitemap.xml")
    if status != 200:
        raise RuntimeError(f"/sitemap.xml answered {status}")
    locations = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    types = {}
    for line in manage(env, "shell", "-c", PAGE_TYPES).splitlines():
        if line.startswith("PAGE "):
            _, kind, path = line.split(" ", 2)
            types[path] = kind
    for path in locations:
        groups[PAGE_GROUPS.get(types.get(path, ""), "other pages")].append(path)
    groups["sitemap"].append("/sitemap.xml")

    feeds: list[str] = []
    feed = re.compile(r"^/[^?]*/(rss|atom|ical)/$")

    def links_of(path: str) -> list[str]:
        status, html = fetch(port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        found = hrefs(html)
        feeds.extend(link for link in found if feed.match(link) and link not in feeds)
        return found

    initiatives: list[str] = []
    for prefix in ("", "/en"):
        tracker = f"{prefix}/initiatives/"
        links = links_of(tracker)
        details = re.compile(rf"^{prefix}/initiatives/\d+/$")
        initiatives += [link for link in dict.fromkeys(links) if details.match(link)]
        areas = [link for link in links if link.startswith("?area=")]
        groups["tracker"] += [
            tracker,
            f"{tracker}?state=accepted",
            f"{tracker}?page=2",
            *(f"{tracker}{area}" for area in areas[:1]),
            f"{tracker}how/",
        ]
        links_of(f"{prefix}/cameras/")
        groups["camera status page"].append(f"{prefix}/cameras/")
    if not initiatives:
        raise RuntimeError("the tracker lists no initiative")
    groups["initiative pages"] = initiatives
    for path in initiatives[:1] + [p for p in initiatives if p.startswith("/en/")][:1]:
        links_of(path)  # its own feeds
    indexes = [p for p in locations if types.get(p) in ("NewsIndexPage", "EventIndexPage")]
    for path in indexes:
        links_of(path)
    groups["feeds"] = feeds
    pks = [re.search(r"(\d+)/$", path).group(1) for path in initiatives]
    groups["initiatives API"] = [
        "/api/initiatives/",
        "/api/initiatives/?state=accepted",
        *(f"/api/initiatives/{pk}/" for pk in list(dict.fromkeys(pks))[:3]),
    ]
    groups["cameras API"] = ["/api/cameras/"]
    groups["search"] = [f"/search/?q={quote('безпека')}", "/en/search/?q=safety"]
    return {name: list(dict.fromkeys(groups[name])) for name in GROUP_WEIGHTS if groups[name]}


def preflight(port: int, groups: dict[str, list[str]]) -> list[str]:
    """Each URL as a cached and as an uncached visitor: anything but 200 is listed."""
    failures = []
    for paths in groups.values():
        for path in paths:
            for cookie in (None, UNCACHED_COOKIE):
                status, _body = fetch(port, path, cookie)
                if status != 200:
                    failures.append(f"{path} ({'uncached' if cookie else 'cached'}): {status}")
    return failures


def write_paths(groups: dict[str, list[str]], target: Path) -> None:
    with target.open("w") as out:
        for name, paths in groups.items():
            for path in paths:
                out.write(f"{GROUP_WEIGHTS[name] / len(paths):.6f}\t{path}\n")


def run_wrk(port: int, paths: Path, seconds: int, args, seed: int, holder: list) -> dict:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        f"--timeout={args.timeout}s",
        "--latency",
        "-s",
        str(LUA),
        f"http://127.0.0.1:{port}",
        "--",
        str(paths),
        f"{1 - args.cached_share:.4f}",
        str(seed),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    holder.append(process)
    out, err = process.communicate()
    holder.remove(process)
    if process.returncode:
        raise RuntimeError(f"wrk failed ({process.returncode}): {err.strip()}\n{out}")
    result: dict = {"text": out, "status": Counter(), "cache": Counter(), "errors": {}}
    for line in out.splitlines():
        parts = line.split()
        if not parts or parts[0] != "SOAK":
            continue
        if parts[1] == "status":
            result["status"][int(parts[2])] += int(parts[3])
        elif parts[1] == "cache":
            result["cache"][parts[2]] += int(parts[3])
        elif parts[1] == "error":
            result["errors"][parts[2]] = int(parts[3])
        elif parts[1] == "latency_us":
            result[parts[2]] = int(parts[3]) / 1000  # ms
        else:
            result[parts[1]] = int(parts[2])
    socket_line = re.search(r"Socket errors:.*", out)
    result["socket_errors_line"] = socket_line.group(0) if socket_line else ""
    result["socket_errors"] = sum(
        result["errors"].get(k, 0) for k in ("connect", "read", "write", "timeout")
    )
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    classes = Counter()
    for status, count in result["status"].items():
        classes[f"{status // 100}xx"] += count
    result["classes"] = classes
    return result
