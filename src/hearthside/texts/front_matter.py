"""Reading one Markdown file with YAML front matter, and its fields, checked.

Every problem becomes a ContentError naming the file and, where it can be found,
the line: malformed content fails with a message a writer can act on, never a
traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from hearthside.errors import HearthsideError


class ContentError(HearthsideError):
    def __init__(self, path: Path, problem: str, line: int | None = None) -> None:
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"Content file {where}: {problem}")
        self.path = path
        self.line = line


@dataclass(frozen=True)
class Document:
    meta: dict[str, Any]
    body: str
    path: Path
    intro: str = field(default="")


def read_document(path: Path) -> Document:
    """Split a Markdown file into front matter and body, with errors that name the line."""
    import frontmatter
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(path, "the file is missing.") from None
    except UnicodeDecodeError:
        raise ContentError(path, "the file is not UTF-8 text.") from None
    except OSError as exc:
        raise ContentError(path, f"it can't be read ({exc.strerror}).") from None
    if not text.startswith("---"):
        raise ContentError(path, "expected YAML front matter starting with '---'.", 1)
    try:
        post = frontmatter.loads(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # +2: the opening '---' line, and YAML counts lines from zero.
        line = mark.line + 2 if mark else None
        problem = f"the front matter is not valid YAML ({exc.problem})."
        raise ContentError(path, problem, line) from None
    except yaml.YAMLError as exc:
        raise ContentError(path, f"the front matter is not valid YAML ({exc}).") from None
    if not isinstance(post.metadata, dict):
        raise ContentError(path, "the front matter must be a mapping of keys to values.", 2)
    return Document(meta=dict(post.metadata), body=post.content, path=path)


def line_of(path: Path, needle: str, start: int = 1) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if number >= start and needle in line:
                return number
    except OSError:
        return None
    return None


def flowing(text: str) -> str:
    """Paragraphs as flowing text: a screen or a page wraps them to its own width."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


def sections(body: str) -> list[tuple[str, str]]:
    """``## Heading`` sections of a Markdown body as (heading, text) pairs."""
    parts = re.split(r"^##[ \t]+(.+?)[ \t]*$", body, flags=re.MULTILINE)
    return [(parts[i].strip(), parts[i + 1].strip()) for i in range(1, len(parts) - 1, 2)]


class Fields:
    """Typed access to one mapping of front matter, with messages that point at the file."""

    def __init__(self, doc: Document, data: Any, what: str, *, anchor: str | None = None) -> None:
        if not isinstance(data, dict):
            raise ContentError(doc.path, f"expected {what} to be a mapping of keys to values.")
        self.doc, self.data, self.what, self.anchor = doc, data, what, anchor

    @cached_property
    def start(self) -> int | None:
        """The line this mapping starts on (found by ``anchor``, e.g. "id: birthday"), so a
        problem in the third item of a list points at the third, not the first. Looked for
        only when a problem is told: reading the file for each of the questions at load
        was most of the time the Today room took to open."""
        return line_of(self.doc.path, self.anchor) if self.anchor else None

    def fail(self, key: str, expected: str) -> ContentError:
        if self.start is not None and key not in self.data:
            line: int | None = self.start
        else:
            line = line_of(self.doc.path, f"{key}:", self.start or 1)
        return ContentError(self.doc.path, f"{self.what}: {key!r} {expected}", line)

    def text(self, key: str, *, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "is missing; expected some text.")
        return value.strip()

    def integer(self, key: str, *, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, "is missing or not a whole number.")
        return value

    def optional_int(self, key: str) -> int | None:
        return self.integer(key) if key in self.data else None

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "should be true or false.")
        return value

    def numbers(self, key: str) -> tuple[int, ...]:
        value = self.data.get(key)
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self.fail(key, "is missing; expected a list of whole numbers, like [8, 2].")
        return tuple(value)

    def strings(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "is missing; expected a list of text items.")
        return tuple(v.strip() for v in value)

    def mappings(self, key: str) -> list[dict[str, Any]]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(key, "is missing; expected a list of entries.")
        return value
