"""The installed version, in a module of its own: everything may read it, it reads nothing."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
