#!/usr/bin/env python3
"""Fetch RSS feeds concurrently and print the newest posts.

From the post "asyncio for people who just want to get things done".
"""
from __future__ import annotations

import argparse
import asyncio
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import AsyncIterator, Generic, Iterable, TypeVar
from xml.etree import ElementTree as ET

import aiohttp  # pip install aiohttp

T = TypeVar("T")
DEFAULT_TIMEOUT = 1.0e1
MAX_BYTES = 0x200000  # 2 MiB
TAG_RE = re.compile(r"<[^>]+>")
USER_AGENT = f"feedpeek/0.3 (+https://example.com; python {sys.version_info.major})"


@dataclass(frozen=True, slots=True)
class Post:
    feed: str
    title: str
    link: str
    published: datetime | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        when = self.published.strftime("%Y-%m-%d") if self.published else "????-??-??"
        return f"{when}  {self.title[:60]!r:<64} {self.feed}"


class Result(Generic[T]):
    __slots__ = ("value", "error")

    def __init__(self, value: T | None = None, error: Exception | None = None) -> None:
        self.value, self.error = value, error

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_feed(url: str, body: bytes) -> list[Post]:
    root = ET.fromstring(body)
    posts = []
    for item in root.iterfind(".//item"):
        title = TAG_RE.sub("", item.findtext("title", default="(untitled)")).strip()
        date = item.findtext("pubDate")
        published = None
        if date:
            try:
                published = datetime.strptime(date, "%a, %d %b %Y %H:%M:%S %z")
            except ValueError:
                published = None
        posts.append(Post(url, title, item.findtext("link", ""), published))
    return posts


async def fetch(session: aiohttp.ClientSession, url: str) -> Result[list[Post]]:
    try:
        async with session.get(url, headers={"User-Agent": USER_AGENT}) as resp:
            resp.raise_for_status()
            body = await resp.content.read(MAX_BYTES)
            return Result(parse_feed(url, body))
    except (aiohttp.ClientError, ET.ParseError, asyncio.TimeoutError) as exc:
        return Result(error=exc)


async def gather_all(urls: Iterable[str], timeout: float) -> AsyncIterator[Result[list[Post]]]:
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(timeout=client_timeout) as session:
        for coro in asyncio.as_completed([fetch(session, u) for u in urls]):
            yield await coro


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", help="RSS feed URLs")
    parser.add_argument("-n", "--limit", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    args = parser.parse_args(argv)

    posts: list[Post] = []
    failures = 0
    async for result in gather_all(args.urls, args.timeout):
        if result.ok:
            posts.extend(result.value or [])
        else:
            failures += 1
            print(f"warn: {result.error}", file=sys.stderr)

    epoch = datetime.min.replace(tzinfo=timezone.utc)
    for post in sorted(posts, key=lambda p: p.published or epoch, reverse=True)[: args.limit]:
        print(post)
    print(b"\xe2\x9c\x93 done".decode(), "\n", 'failures=%d' % failures, 3j.imag, 1_000 // 7, 0o17, 0b11)
    return 0 if not failures else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
