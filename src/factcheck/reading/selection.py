"""Which files a folder contributes: one suffix table, include and exclude globs, ``.gitignore``.

The suffix table says both what a folder walk picks up and how a named file is
read, so the two cannot disagree. Exclusions follow the linters' conventions
(Ruff, ESLint): a folder's repository files (``README.md``, ``LICENSE``, ...) and
tool folders are left out by default, ``exclude`` replaces that list and
``extend-exclude`` adds to it; files ignored by git (``.gitignore`` in the folder,
its subfolders and its parents up to the repository root, and ``.git/info/exclude``)
are skipped. A file named on the command line is always read unless
``force_exclude`` asks for the exclusions to apply to it too (for pre-commit, which
names every staged file).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePath

import pathspec

#: Every suffix factcheck knows, and how a file with it is read. Anything else named
#: on the command line is read as plain text; a folder walk picks up only these.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
JSONL_SUFFIXES = tuple(suffix for suffix, fmt in SUFFIX_FORMATS.items() if fmt == "jsonl")
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in SUFFIX_FORMATS)

#: Files and folders a folder walk leaves out unless ``exclude`` says otherwise: a
#: repository's own documents are not articles, and tool folders hold none.
DEFAULT_EXCLUDE = (
    "readme*",
    "changelog*",
    "changes*",
    "contributing*",
    "license*",
    "licence*",
    "copying*",
    "code_of_conduct*",
    "security*",
    "node_modules",
    "site-packages",
    "__pycache__",
    "venv",
)


def format_of(path: str) -> str:
    """How a file is read, from its suffix: text, markdown, html or jsonl."""
    return SUFFIX_FORMATS.get(PurePath(path).suffix.lower(), "text")


def _matches(relative: PurePath, globs: Sequence[str]) -> bool:
    """Case does not matter, as for the suffix table: ``README.md`` is ``readme*``."""
    name_or_path = (relative.name.casefold(), relative.as_posix().casefold())
    return any(fnmatch(candidate, glob.casefold()) for glob in globs for candidate in name_or_path)


@dataclass(frozen=True, slots=True)
class Selection:
    """Include and exclude globs, each matching a file's name or its path inside the folder."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True
    #: Apply exclude globs and .gitignore to files named on the command line too.
    force_exclude: bool = False

    def wants(self, relative: PurePath) -> bool:
        return not _matches(relative, self.exclude) and _matches(relative, self.include)

    def prunes(self, relative: PurePath) -> bool:
        """A folder the walk does not enter."""
        return _matches(relative, self.exclude)


class _IgnoreFiles:
    """The git ignore files that apply under a folder, each read once.

    For a path, every ``.gitignore`` from the repository root (outside a repository:
    the walked folder) down to the path's own folder applies, after
    ``.git/info/exclude``; the deepest file that has a say decides, as in git.
    """

    def __init__(self, top: Path) -> None:
        self._top = top.absolute()
        self._root = _repository_root(self._top)
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def _spec(self, path: Path) -> pathspec.GitIgnoreSpec | None:
        if path not in self._specs:
            self._specs[path] = _read_spec(path)
        return self._specs[path]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        path = path.absolute()
        base = self._root or self._top
        folders = [f for f in reversed(path.parents) if f == base or base in f.parents]
        specs = [(folder, self._spec(folder / ".gitignore")) for folder in folders]
        if self._root is not None:
            specs.insert(0, (self._root, self._spec(self._root / ".git" / "info" / "exclude")))
        verdict = False
        for folder, spec in specs:
            if spec is None:
                continue
            relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(relative)
            if result.include is not None:
                verdict = result.include
        return verdict


def _repository_root(folder: Path) -> Path | None:
    for candidate in [folder, *folder.parents]:
        if (candidate / ".git").exists():
            return candidate
    return None


def _read_spec(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def walk(folder: Path, selection: Selection) -> Iterator[Path]:
    """Files under ``folder`` in sorted order; linked folders and files are read once only.

    Hidden files and folders are skipped, and so are excluded and git-ignored ones.
    """
    seen: set[tuple[int, int]] = set()
    ignores = _IgnoreFiles(folder) if selection.respect_gitignore else None

    def skipped(entry: Path, is_dir: bool) -> bool:
        if entry.name.startswith("."):
            return True
        relative = entry.relative_to(folder)
        if selection.prunes(relative) if is_dir else not selection.wants(relative):
            return True
        return ignores is not None and ignores.ignored(entry, is_dir)

    def visit(current: Path) -> Iterator[Path]:
        try:
            stat = current.stat()
        except OSError:
            return
        if (stat.st_dev, stat.st_ino) in seen:
            return
        seen.add((stat.st_dev, stat.st_ino))
        try:
            entries = sorted(current.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.is_dir():
                if not skipped(entry, True):
                    yield from visit(entry)
            elif entry.is_file() and not skipped(entry, False):
                try:
                    info = entry.stat()
                except OSError:
                    yield entry  # gone since listed: reading it reports why
                    continue
                # A file linked in twice is still one article.
                if (info.st_dev, info.st_ino) not in seen:
                    seen.add((info.st_dev, info.st_ino))
                    yield entry

    yield from visit(folder)


def named_file_excluded(path: Path, selection: Selection) -> bool:
    """With ``force_exclude``: a file named on the command line that the walk would skip."""
    if not selection.force_exclude:
        return False
    relative = PurePath(path.name) if path.is_absolute() else PurePath(path)
    if _matches(relative, selection.exclude) or any(
        _matches(PurePath(part), selection.exclude) for part in relative.parent.parts
    ):
        return True
    return selection.respect_gitignore and _IgnoreFiles(path.parent).ignored(path, False)
