"""The exceptions of gongwen: one class per stable error code of the library.

Every conversion error is a :class:`gongwen.Error` with ``code`` (the library's stable code,
the same as in ``gongwen batch`` error records), ``message`` and ``path`` (the input's path or
``name``, when known). Catch :class:`gongwen.Error` for all of them, or a subclass for one.
"""

from __future__ import annotations

import builtins
from typing import Dict, Optional, Tuple, Type


class Error(Exception):
    """A conversion failed. ``code`` is stable; ``message`` is for humans."""

    code: str = "error"

    def __init__(self, message: str, code: Optional[str] = None, path: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> Tuple[type, Tuple[str, str, Optional[str]]]:
        return (type(self), (self.message, self.code, self.path))


class IoError(Error, OSError):
    """The input could not be read (missing file, no permission). Also an ``OSError``."""

    code = "io"

    def __init__(self, message: str, code: Optional[str] = None, path: Optional[str] = None) -> None:
        Error.__init__(self, message, code, path)

    def __str__(self) -> str:
        return Error.__str__(self)


class EmptyError(Error):
    """The input is empty (0 bytes)."""

    code = "empty"


class UnknownFormatError(Error):
    """The format could not be recognised; pass ``from_=`` to force one."""

    code = "unknown_format"


class UnsupportedFormatError(Error):
    """A recognised format gongwen does not read (``.doc``, ``.wps``, …); the message says what to do."""

    code = "unsupported_format"


class EncryptedError(Error):
    """The file is encrypted and the password (if any) did not open it; pass ``password=``."""

    code = "encrypted"


class MalformedError(Error):
    """The file is damaged beyond what the reader can recover."""

    code = "malformed"


class LimitExceededError(Error):
    """A resource limit was exceeded; raise it with ``limits={...}``."""

    code = "limit_exceeded"


class TimeoutError(Error, builtins.TimeoutError):
    """A batch input took longer than ``timeout`` seconds. Also a built-in ``TimeoutError``."""

    code = "timeout"

    def __init__(self, message: str, code: Optional[str] = None, path: Optional[str] = None) -> None:
        Error.__init__(self, message, code, path)

    def __str__(self) -> str:
        return Error.__str__(self)


_BY_CODE: Dict[str, Type[Error]] = {
    cls.code: cls
    for cls in (
        IoError,
        EmptyError,
        UnknownFormatError,
        UnsupportedFormatError,
        EncryptedError,
        MalformedError,
        LimitExceededError,
        TimeoutError,
    )
}


def error_class(code: str) -> Type[Error]:
    """The exception class for a library error code (:class:`Error` for a code not known here)."""
    return _BY_CODE.get(code, Error)


def _from_code(code: str, message: str, path: Optional[str]) -> Error:
    """Called by the Rust extension to build the exception it raises."""
    return error_class(code)(message, code, path)
