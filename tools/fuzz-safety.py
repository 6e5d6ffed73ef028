#!/usr/bin/env python3
"""Replays the attacks of issue #19 ("nothing lost, nothing leaked, round two") against a
built `blog` binary, each in a temporary folder, and checks what the README promises: a
clear error naming the file (exit status 1 where it is an error), the output folder and the
old site unchanged, no process left behind, and an end within a time limit (a hang is a
FAIL, never a hang of this script).

    tools/fuzz-safety.py                         # every case, against .build/debug/blog
    tools/fuzz-safety.py --blog .build/release/blog --only damaged-save --seed 7 --rounds 40
    tools/fuzz-safety.py --list

One line per case (`PASS name`, `FAIL name: why`, `SKIP name: why`), then `N passed, M
failed`; exit status 1 when any case failed. Python 3 standard library only.
"""

import argparse
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

CONFIG = "title: T\nbase_url: https://example.com/\n"
POST = "---\ntitle: A\ndate: 2019-01-01\n---\nHello.\n"
SECRET = "root:x:0:0"


class Fail(Exception):
    """The case found behaviour the issue calls wrong."""


class Skip(Exception):
    """The case cannot run here (say, no way to drop root)."""


def require(condition, why):
    if not condition:
        raise Fail(why)


def short(text, limit=300):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class Result:
    def __init__(self, status, out, err, seconds):
        self.status, self.out, self.err, self.seconds = status, out, err, seconds

    def __repr__(self):
        return f"exit {self.status}: {short(self.err or self.out)}"


class Context:
    """The binary, the random generator, and a temporary folder per case."""

    def __init__(self, blog, seed, rounds):
        self.blog, self.seed, self.rounds = blog, seed, rounds
        self.random = random.Random(seed)
        self.env = dict(os.environ, NO_COLOR="1")
        self.folder = None

    # -- processes ----------------------------------------------------------------------

    def start(self, args, prefix=()):
        return subprocess.Popen(
            list(prefix) + [self.blog] + list(args), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=self.env, start_new_session=True)

    def finish(self, process, args, timeout, started):
        """Waits for a process started by `start`; a hang or a process left behind fails."""
        try:
            out, err = process.communicate(timeout=max(0.1, timeout - (time.monotonic() - started)))
        except subprocess.TimeoutExpired:
            kill_group(process.pid)
            process.communicate()
            raise Fail(f"'blog {' '.join(args[:1])}' did not finish within {timeout} s (killed)")
        seconds = time.monotonic() - started
        if group_alive(process.pid):
            kill_group(process.pid)
            raise Fail(f"'blog {' '.join(args[:1])}' left a process behind")
        return Result(process.returncode, self.relative(out), self.relative(err), seconds)

    def relative(self, output):
        """The output with the case's folder written as TMP: shorter, and a check for a word
        cannot match the folder's own name (blog-fuzz-fifo-…)."""
        text = output.decode("utf-8", "replace")
        for folder in {os.path.realpath(self.folder), self.folder}:
            text = text.replace(folder, "TMP")
        return text

    def run(self, args, timeout=60, prefix=()):
        started = time.monotonic()
        return self.finish(self.start(args, prefix), args, timeout, started)

    def build(self, site, *extra, timeout=60, prefix=()):
        return self.run(["build", "--source", site] + list(extra), timeout=timeout, prefix=prefix)

    def build_ok(self, site, *extra, what="the first build"):
        result = self.build(site, *extra)
        require(result.status == 0, f"{what} failed: {result}")
        return result

    # -- folders ------------------------------------------------------------------------

    def site(self, files, name="site"):
        root = os.path.join(self.folder, name)
        write(root, files)
        return root

    def path(self, *parts):
        return os.path.join(self.folder, *parts)


def kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def write(root, files):
    for relative, content in files.items():
        full = os.path.join(root, relative)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(content if isinstance(content, bytes) else content.encode())
    os.makedirs(root, exist_ok=True)


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def snapshot(folder):
    """Every path under a folder as lstat sees it: a file's bytes, a folder, a link's target."""
    entries = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            full = os.path.join(parent, name)
            relative = os.path.relpath(full, folder)
            mode = os.lstat(full).st_mode
            if stat.S_ISLNK(mode):
                entries[relative] = ("link", os.readlink(full))
            elif stat.S_ISDIR(mode):
                entries[relative] = ("folder",)
            elif stat.S_ISREG(mode):
                try:
                    entries[relative] = ("file", read(full))
                except OSError as error:
                    entries[relative] = ("unreadable", str(error))
            else:
                entries[relative] = ("other", mode)
    return entries


def differences(before, after, limit=4):
    paths = sorted(set(before) | set(after))
    changed = [p for p in paths if before.get(p) != after.get(p)]
    said = []
    for path in changed[:limit]:
        if path not in before:
            said.append(f"{path} appeared")
        elif path not in after:
            said.append(f"{path} vanished")
        else:
            said.append(f"{path} changed")
    return ", ".join(said) + (f" (and {len(changed) - limit} more)" if len(changed) > limit else "")


def require_unchanged(before, folder, what):
    after = snapshot(folder)
    require(before == after, f"{what} changed: {differences(before, after)}")


def files_only(entries):
    return {path: entry for path, entry in entries.items() if entry[0] != "folder"}


def text_anywhere(folder, needle):
    """The first file under a folder whose bytes hold `needle`, or None."""
    for path, entry in snapshot(folder).items():
        if entry[0] == "file" and needle.encode() in entry[1]:
            return path
    return None


def nobody_prefix():
    """How to run as an unprivileged user: nothing when not root, else setpriv or runuser."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv"):
        return ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    if shutil.which("runuser"):
        return ("runuser", "-u", "nobody", "--")
    raise Skip("running as root, and neither setpriv nor runuser is here to drop privileges")


def open_to_anyone(folder):
    """Opens a folder and everything in it to every user; links are left alone (chmod would
    change what they lead to, /etc/passwd in one case)."""
    os.chmod(folder, 0o777)
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            full = os.path.join(parent, name)
            if not os.path.islink(full):
                os.chmod(full, 0o777)


def reopen_folders(folder):
    for parent, folders, _ in os.walk(folder):
        for name in folders:
            full = os.path.join(parent, name)
            if not os.path.islink(full):
                os.chmod(full, 0o755)


# -- the cases ----------------------------------------------------------------------------

def output_git_kept(ctx, files, expect_error):
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST})
    ctx.build_ok(site)
    public = os.path.join(site, "public")
    write(public, {".git/HEAD": "ref: refs/heads/main\n", ".git/objects/ab/cdef": b"\x78\x01object"})
    before = snapshot(public)
    write(site, files)
    result = ctx.build(site)
    git_before = {p: e for p, e in before.items() if p == ".git" or p.startswith(".git/")}
    git_after = {p: e for p, e in snapshot(public).items() if p == ".git" or p.startswith(".git/")}
    require(git_before == git_after, f"the output's .git was touched: {differences(git_before, git_after)} ({result})")
    if expect_error:
        require(result.status == 1, f"expected exit status 1 and an error, got {result}")
        require("posts/b.md" in result.err and "error" in result.err, f"the error does not name posts/b.md: {result}")
        require_unchanged(before, public, "the output")
    else:
        require(".git" in result.err, f"nothing says static/.git is left out: {result}")


def case_git_static_file(ctx):
    output_git_kept(ctx, {"static/.git": "gitdir: ../.git/modules/static\n"}, expect_error=False)


def case_git_alias(ctx):
    output_git_kept(ctx, {"posts/b.md": "---\ntitle: B\ndate: 2019-02-01\naliases: [/.git/HEAD]\n---\nx\n"}, expect_error=True)


def case_git_slug(ctx):
    output_git_kept(ctx, {"posts/b.md": "---\ntitle: B\ndate: 2019-02-01\nslug: .git\n---\nx\n",
                          "blog.yaml": CONFIG + "permalink: /:slug/\n"}, expect_error=True)


def case_output_symlink(ctx):
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST, "posts/b.md": POST.replace("title: A", "title: B")})
    ctx.build_ok(site)
    elsewhere = ctx.site({"index.html": "mine\n"}, name="elsewhere")
    public = os.path.join(site, "public")
    shutil.rmtree(os.path.join(public, "2019"))
    os.symlink(elsewhere, os.path.join(public, "2019"))
    before, theirs = snapshot(public), snapshot(elsewhere)
    write(site, {"posts/a.md": POST + "\nEdited.\n"})
    result = ctx.build(site)
    require_unchanged(theirs, elsewhere, "the folder the link leads to")
    require(result.status == 1, f"expected exit status 1 and an error naming public/2019, got {result}")
    require("public/2019" in result.err and "error" in result.err, f"the error does not name public/2019: {result}")
    require_unchanged(before, public, "the output")


def case_hidden_static(ctx):
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST, "static/.env": "SECRET=1\n",
                     "static/.well-known/security.txt": "Contact: me\n", "static/robots.txt": "User-agent: *\n"})
    first = ctx.build_ok(site)
    public = os.path.join(site, "public")
    require(not os.path.lexists(public + "/.env"), "static/.env was published")
    require(not os.path.lexists(public + "/.well-known"), "static/.well-known was published without include:")
    require(".env" in first.err and "warning" in first.err, f"no warning names the skipped .env: {first}")
    write(site, {"blog.yaml": CONFIG + "include: [.well-known]\n"})
    ctx.build_ok(site, what="the build with include: [.well-known]")
    require(os.path.isfile(public + "/.well-known/security.txt"), "include: [.well-known] did not publish it")
    require(not os.path.lexists(public + "/.env"), "static/.env was published with include: [.well-known]")


def case_newline_name(ctx):
    odd = "posts/odd\nname\t.md"
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST,
                     odd: "---\ntitle: Oddity\ndate: 2019-03-01\n---\nOdd one out.\n"})
    ctx.build_ok(site)
    public = os.path.join(site, "public")
    require(text_anywhere(public, "Odd one out.") is not None, "the post with a newline in its name was not published")
    os.remove(os.path.join(site, odd))
    ctx.build_ok(site, what="the build after deleting it")
    left = text_anywhere(public, "Odd one out.") or text_anywhere(public, "Oddity")
    require(left is None, f"the deleted post is still published in {left!r}")


def fifo_case(ctx, fifo):
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST, "posts/2019/trip/index.md": POST.replace("title: A", "title: Trip"),
                     "static/robots.txt": "User-agent: *\n"})
    ctx.build_ok(site)
    public = os.path.join(site, "public")
    before = snapshot(public)
    full = os.path.join(site, fifo)
    if os.path.exists(full):
        os.remove(full)
    os.mkfifo(full, 0o644)
    for command in ("build", "check"):
        result = ctx.run([command, "--source", site], timeout=20)
        require(result.status == 1, f"{command}: expected exit status 1, got {result}")
        require(fifo in result.err and "error" in result.err, f"{command}: the error does not name {fifo}: {result}")
        require(re.search("fifo|named pipe", result.err, re.I), f"{command}: the error does not say it is a FIFO: {result}")
    require_unchanged(before, public, "the output")


def case_fifo_post(ctx):
    fifo_case(ctx, "posts/pipe.md")


def case_fifo_static(ctx):
    fifo_case(ctx, "static/pipe.txt")


def case_fifo_bundle(ctx):
    fifo_case(ctx, "posts/2019/trip/pipe.png")


def case_fifo_blog_yaml(ctx):
    fifo_case(ctx, "blog.yaml")


def case_unreadable_bundle(ctx):
    prefix = nobody_prefix()
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST,
                     "posts/2025/trip/index.md": POST.replace("title: A", "title: Trip")})
    open_to_anyone(ctx.folder)
    probe = ctx.run(["--version"], prefix=prefix)
    if probe.status != 0:
        raise Skip(f"the unprivileged user cannot run {ctx.blog}: {probe}")
    first = ctx.build(site, prefix=prefix)
    require(first.status == 0, f"the first build failed: {first}")
    public = os.path.join(site, "public")
    before = snapshot(public)
    trip = os.path.join(site, "posts/2025/trip")
    os.chmod(trip, 0)
    try:
        for command in ("build", "check"):
            result = ctx.run([command, "--source", site], prefix=prefix)
            require(result.status == 1, f"{command}: expected exit status 1, got exit {result.status}: {short(result.out)}")
            require("posts/2025/trip" in result.err and "error" in result.err, f"{command}: the error does not name the folder: {result}")
            require(not re.search(r"[1-9][0-9]* removed", result.out), f"{command}: says it removed pages: {short(result.out)}")
    finally:
        os.chmod(trip, 0o777)
    require_unchanged(before, public, "the output")


def dead_links_site(ctx, count):
    links = "\n".join(f"[l{n}](/gone/{n}/)" for n in range(1, count + 1))
    return ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST + links + "\n"}, name=f"links-{count}")


def case_dead_links(ctx):
    seconds = {}
    for count in (5000, 20000):
        site = dead_links_site(ctx, count)
        result = ctx.build(site, timeout=30)
        require(result.status == 1, f"{count} dead links: expected exit status 1, got {result}")
        require("posts/a.md:" in result.err and "error" in result.err, f"{count} dead links: no error at posts/a.md: {result}")
        require(len(result.err) < 200_000, f"{count} dead links: {len(result.err)} bytes of messages (no cap)")
        seconds[count] = result.seconds
    small, large = seconds[5000], seconds[20000]
    require(large < 10, f"20,000 dead links took {large:.1f} s (5,000: {small:.1f} s)")
    # Linear: four times the links, about four times the time; quadratic would be sixteen.
    require(large < 1.0 or large / max(small, 0.05) < 8, f"not linear: 5,000 links {small:.2f} s, 20,000 links {large:.2f} s")


def case_concurrent_builds(ctx):
    files = {"blog.yaml": CONFIG, "static/index.html.blog-tmp": "a file of the site\n"}
    for n in range(1, 151):
        files[f"posts/p{n}.md"] = f"---\ntitle: P{n}\ndate: 2019-01-{10 + n % 18}\n---\nText {n}.\n"
    site = ctx.site(files)
    public = os.path.join(site, "public")
    for round_ in range(max(1, min(ctx.rounds, 4))):
        if round_:
            write(site, {f"posts/p{round_}.md": f"---\ntitle: P{round_} again\ndate: 2019-01-02\n---\nRound {round_}.\n"})
        args = ["build", "--source", site]
        started = time.monotonic()
        processes = [ctx.start(args), ctx.start(args)]
        results = [ctx.finish(process, args, 60, started) for process in processes]
        require(any(r.status == 0 for r in results), f"round {round_}: neither build succeeded: {results}")
        for result in results:
            require("part old, part new" not in result.err, f"round {round_}: {result}")
        cold = ctx.build(site, "--output", ctx.path(f"cold-{round_}"))
        require(cold.status == 0, f"round {round_}: the cold build failed: {cold}")
        built, expected = files_only(snapshot(public)), files_only(snapshot(ctx.path(f"cold-{round_}")))
        require(built == expected, f"round {round_}: the output is not a cold build's: {differences(expected, built)}")
    require(os.path.isfile(public + "/index.html.blog-tmp"), "static/index.html.blog-tmp was not published")


def case_damaged_save(ctx):
    site = ctx.site({
        "blog.yaml": CONFIG + "paginate: 2\n", "posts/a.md": POST,
        "posts/b.md": "---\ntitle: B\ndate: 2019-02-01\ntags: [x]\n---\nSee [a](a.md).\n",
        "posts/2019/trip/index.md": "---\ntitle: Trip\ndate: 2019-03-01\ntags: [x, y]\n---\n![p](p.png)\n",
        "posts/2019/trip/p.png": png(10, 20), "static/css/extra.css": "body { color: red }\n",
        "pages/about.md": "---\ntitle: About\n---\nMe.\n",
    })
    ctx.build_ok(site)
    public = os.path.join(site, "public")
    reference = ctx.path("reference")
    shutil.copytree(site, reference, symlinks=True, ignore=shutil.ignore_patterns(".blog", "public"))
    ctx.build_ok(reference, what="the cold reference build")
    expected = files_only(snapshot(os.path.join(reference, "public")))
    state = os.path.join(site, ".blog")
    for round_ in range(ctx.rounds):
        # An edit and its undoing, so that the next build reads the save rather than stopping
        # at "nothing changed".
        write(site, {"posts/a.md": POST + f"\nRound {round_}.\n"})
        ctx.build_ok(site, what=f"round {round_}: the build before the damage")
        write(site, {"posts/a.md": POST})
        saves = sorted(n for n in os.listdir(state) if n.startswith(("saved-", "manifest-")))
        require(saves, "the build left no saved-… or manifest-… in .blog/")
        name = ctx.random.choice(saves)
        data = bytearray(read(os.path.join(state, name)))
        if not data:
            continue
        at, mask = ctx.random.randrange(len(data)), ctx.random.randrange(1, 256)
        data[at] ^= mask
        with open(os.path.join(state, name), "wb") as handle:
            handle.write(data)
        where = f"seed {ctx.seed}, round {round_}: byte {at} of {len(data)} of {name} xor {mask:#04x}"
        result = ctx.build(site)
        require(result.status == 0, f"{where}: {result}")
        built = files_only(snapshot(public))
        require(built == expected, f"{where}: the output is not a cold build's: {differences(expected, built)}")


def case_output_link_in_static(ctx):
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": POST, "static/robots.txt": "User-agent: *\n"})
    mirror = os.path.join(site, "static/mirror")
    os.makedirs(mirror)
    os.symlink(mirror, os.path.join(site, "linkout"))
    for attempt in range(3):
        result = ctx.build(site, "--output", os.path.join(site, "linkout"))
        require(result.status in (0, 1), f"build {attempt + 1} through linkout: {result}")
        if result.status == 1:
            require("error" in result.err, f"refused without an error: {result}")
            break
        require(not os.path.lexists(os.path.join(mirror, "mirror")), f"build {attempt + 1} republished the output into itself (static/mirror/mirror)")
    # The default output, reached the other way: a link in static/ to it.
    ctx.build_ok(site, what="the build into public")
    os.symlink(os.path.join(site, "public"), os.path.join(site, "static/copy"))
    for attempt in range(2):
        result = ctx.build(site)
        require(result.status in (0, 1), f"build {attempt + 1} with static/copy → public: {result}")
    require(not os.path.lexists(os.path.join(site, "public/copy/copy")), "public republished itself (public/copy/copy)")
    require(not os.path.lexists(os.path.join(site, "public/copy/index.html")), "public republished itself (public/copy/index.html)")


def case_svg_script(ctx):
    onload = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"></svg>\n'
    script = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(2)</script></svg>\n'
    body = "---\ntitle: A\ndate: 2019-01-01\n---\n![s](s.svg)\n\n![t](t.svg)\n"
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": body, "posts/s.svg": onload, "posts/t.svg": script})
    result = ctx.build(site)
    require(result.status in (0, 1), f"{result}")
    for name in ("s.svg", "t.svg"):
        lines = [line for line in result.err.splitlines() if name in line and ("warning" in line or "error" in line)]
        require(lines, f"nothing flags posts/{name}: {result}")
    write(site, {"blog.yaml": CONFIG + "markdown: {safe: true}\n"})
    safe = ctx.build(site)
    require(safe.status == 1 and "s.svg" in safe.err, f"with safe: true, a scripted SVG is not an error: {safe}")


def case_jpeg_zero(ctx):
    jpeg = bytes([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x00, 0x03]) + bytes(20)
    site = ctx.site({"blog.yaml": CONFIG, "posts/a.md": "---\ntitle: A\ndate: 2019-01-01\n---\n![z](z.jpg)\n", "posts/z.jpg": jpeg})
    result = ctx.build(site)
    require(result.status == 0, f"{result}")
    require(any("z.jpg" in line and "warning" in line for line in result.err.splitlines()), f"no warning names z.jpg: {result}")
    page = text_anywhere(os.path.join(site, "public"), 'width="0"')
    require(page is None, f'{page} has width="0"')


def import_into(ctx, old, *args, timeout=60):
    new = ctx.path("new")
    before = snapshot(old)
    result = ctx.run(["import"] + list(args) + [old, new], timeout=timeout)
    require_unchanged(before, old, "the old site")
    return new, result


def case_import_include_passwd(ctx):
    if SECRET not in read("/etc/passwd").decode("utf-8", "replace"):
        raise Skip(f"/etc/passwd holds no '{SECRET}' to look for")
    old = ctx.site({"_config.yml": "title: Old\n",
                    "_posts/2020-01-01-a.md": "---\ntitle: A\n---\nHello {% include evil.html %}.\n"}, name="old")
    os.makedirs(os.path.join(old, "_includes"))
    os.symlink("/etc/passwd", os.path.join(old, "_includes/evil.html"))
    os.symlink("/etc/passwd", os.path.join(old, "passwd.txt"))
    new, result = import_into(ctx, old, "jekyll")
    require(result.status in (0, 1), f"the import failed: {result}")
    if os.path.isdir(new):
        ctx.build(new)
        leaked = text_anywhere(new, SECRET)
        require(leaked is None, f"{leaked} holds /etc/passwd")
    require("evil.html" in result.out + result.err, f"the import does not name _includes/evil.html: {short(result.out)}")


def case_import_alias_bomb(ctx):
    bomb = '---\ntitle: Bomb\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, previous in zip("bcdefghi", "abcdefgh"):
        bomb += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    bomb += "---\nBody\n"
    old = ctx.site({"_config.yml": "title: Old\n", "_posts/2020-01-01-bomb.md": bomb,
                    "_posts/2020-01-02-fine.md": "---\ntitle: Fine\n---\nText\n"}, name="old")
    _, result = import_into(ctx, old, "jekyll", timeout=20)
    require(result.seconds < 10, f"the import took {result.seconds:.1f} s")
    require(result.status == 1, f"expected exit status 1, got {result}")
    require("2020-01-01-bomb.md" in result.out + result.err and "error" in result.out + result.err,
            f"no error names the bomb's file: {short(result.out + result.err)}")


def case_import_youtube_script(ctx):
    old = ctx.site({"hugo.toml": 'title = "Old"\n', "content/posts/a.md":
                    '---\ntitle: A\ndate: 2020-01-01\n---\n{{< youtube id="x\\"><script>alert(1)</script>" >}}\n\n'
                    '{{< tweet user="u" id="1\\" onmouseover=\\"alert(3)" >}}\n'}, name="old")
    new, result = import_into(ctx, old, "hugo")
    require(result.status in (0, 1) and os.path.isdir(new), f"the import failed: {result}")
    built = ctx.build(new)
    require(built.status in (0, 1), f"{built}")
    for needle in ("<script>alert(1)", '" onmouseover="'):
        live = text_anywhere(os.path.join(new, "public"), needle)
        require(live is None, f"{live} holds a live {needle!r}")


def case_import_new_through_link(ctx):
    old = ctx.site({"hugo.toml": 'title = "Old"\n', "content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText\n",
                    "static/robots.txt": "User-agent: *\n"}, name="old")
    before = snapshot(old)
    os.makedirs(ctx.path("elsewhere"))
    os.symlink(os.path.join(old, "static"), ctx.path("elsewhere/linkin"))
    result = ctx.run(["import", "hugo", old, ctx.path("elsewhere/linkin/new")])
    require_unchanged(before, old, "the old site")
    require(result.status == 1, f"expected exit status 1, got {result}")
    require("linkin/new" in result.err and "error" in result.err, f"the error does not name linkin/new: {result}")


def png(width, height):
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"
    return header + width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 6, 0, 0, 0]) + bytes(4)


CASES = [
    ("git-static-file", case_git_static_file),
    ("git-alias", case_git_alias),
    ("git-slug", case_git_slug),
    ("output-symlink", case_output_symlink),
    ("hidden-static", case_hidden_static),
    ("newline-name", case_newline_name),
    ("fifo-post", case_fifo_post),
    ("fifo-static", case_fifo_static),
    ("fifo-bundle", case_fifo_bundle),
    ("fifo-blog-yaml", case_fifo_blog_yaml),
    ("unreadable-bundle", case_unreadable_bundle),
    ("dead-links", case_dead_links),
    ("concurrent-builds", case_concurrent_builds),
    ("damaged-save", case_damaged_save),
    ("output-link-in-static", case_output_link_in_static),
    ("svg-script", case_svg_script),
    ("jpeg-zero", case_jpeg_zero),
    ("import-include-passwd", case_import_include_passwd),
    ("import-alias-bomb", case_import_alias_bomb),
    ("import-youtube-script", case_import_youtube_script),
    ("import-new-through-link", case_import_new_through_link),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blog", default=".build/debug/blog", help="the blog binary (default: .build/debug/blog)")
    parser.add_argument("--only", action="append", default=[], help="run only this case (repeat, or comma-separated)")
    parser.add_argument("--seed", type=int, default=19, help="seed of the randomized cases (default: 19)")
    parser.add_argument("--rounds", type=int, default=12, help="rounds of the randomized cases (default: 12)")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    options = parser.parse_args()
    names = [name for name, _ in CASES]
    if options.list:
        print("\n".join(names))
        return 0
    only = [name for value in options.only for name in value.split(",") if name]
    unknown = [name for name in only if name not in names]
    if unknown:
        parser.error(f"no case named {', '.join(unknown)}; --list lists them")
    blog = os.path.abspath(options.blog)
    if not os.access(blog, os.X_OK):
        parser.error(f"{blog} is not an executable (build it with: swift build --product blog)")
    passed = failed = skipped = 0
    for name, case in CASES:
        if only and name not in only:
            continue
        ctx = Context(blog, options.seed, options.rounds)
        with tempfile.TemporaryDirectory(prefix=f"blog-fuzz-{name}-") as folder:
            ctx.folder = folder
            try:
                case(ctx)
                print(f"PASS {name}", flush=True)
                passed += 1
            except Skip as reason:
                print(f"SKIP {name}: {reason}", flush=True)
                skipped += 1
            except Fail as reason:
                print(f"FAIL {name}: {reason}", flush=True)
                failed += 1
            except Exception as error:  # the harness itself, or the binary, broke: still a failure
                print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
                failed += 1
            finally:
                reopen_folders(folder)  # an unreadable folder must not stop its removal
    if skipped:
        print(f"{skipped} skipped")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
