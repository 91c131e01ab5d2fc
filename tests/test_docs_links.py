"""Every relative link and image in README.md and docs/*.md points at something that exists.

Links to a heading (``file.md#heading`` or ``#heading``) must name a heading of that file,
as GitHub makes its anchors.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: [text](target) and ![alt](target), with an optional "title" after the target.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
#: <img src="..."> and <a href="..."> in inline HTML.
HTML_LINK = re.compile(r"<(?:img|a)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", re.IGNORECASE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # http:, https:, mailto:…


def prose(markdown: str) -> str:
    """``markdown`` without fenced code blocks and inline code, where links are not links."""
    out, in_code = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if not in_code:
            out.append(re.sub(r"`[^`]*`", "", line))
    return "\n".join(out)


def links(markdown: str) -> list[str]:
    text = prose(markdown)
    return LINK.findall(text) + HTML_LINK.findall(text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip())
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    """Every heading anchor of a page (a repeated heading gets ``-1``, ``-2``…)."""
    seen: dict[str, int] = {}
    out = set()
    in_code = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if match:
            base = slug(match.group(1))
            n = seen.get(base, 0)
            out.add(base if n == 0 else f"{base}-{n}")
            seen[base] = n + 1
    return out


def broken_links(page: Path) -> list[str]:
    problems = []
    for target in links(page.read_text(encoding="utf-8")):
        if EXTERNAL.match(target):
            continue
        path_part, _, anchor = target.partition("#")
        dest = (page.parent / path_part).resolve() if path_part else page
        if not dest.exists():
            problems.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest.read_text(encoding="utf-8")):
            problems.append(f"{target}: no heading #{anchor} in {dest.name}")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_and_images_exist(page):
    assert broken_links(page) == []


def test_every_docs_page_is_linked_from_another_page():
    linked = {(page.parent / t.partition("#")[0]).resolve()
              for page in PAGES for t in links(page.read_text(encoding="utf-8"))
              if not EXTERNAL.match(t) and t.partition("#")[0]
              and (page.parent / t.partition("#")[0]).resolve() != page.resolve()}
    unlinked = [str(p.relative_to(ROOT)) for p in PAGES[1:] if p.resolve() not in linked]
    assert unlinked == []


def test_checker_finds_missing_files_and_headings(tmp_path):
    (tmp_path / "other.md").write_text("# Title\n\n## A `code_name` heading, with \"punctuation\"\n")
    page = tmp_path / "page.md"
    page.write_text("[ok](other.md#a-code_name-heading-with-punctuation) ![pic](missing.png)\n"
                    "[bad](other.md#nope) [web](https://example.org/x) `[not](a-link.md)`\n"
                    "```\n[in code](nowhere.md)\n```\n[self](#here)\n\n## Here\n")
    assert broken_links(page) == ["missing.png: no such file", "other.md#nope: no heading #nope in other.md"]
