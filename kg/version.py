"""kg's version: its own module, so that any module can name it without importing kg's API."""

__all__ = ["__version__"]

__version__ = "0.1.0"
