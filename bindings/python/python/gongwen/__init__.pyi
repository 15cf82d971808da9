"""Type stubs of the gongwen package (the runtime is ``__init__.py`` + the Rust extension)."""

import builtins
import os
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

import pandas

__version__: str
SCHEMA: str

Source = Union[str, os.PathLike[str], bytes]
BatchSource = Union[Source, Tuple[str, bytes]]
JSON = Any

class Error(Exception):
    code: str
    message: str
    path: Optional[str]
    def __init__(self, message: str, code: Optional[str] = ..., path: Optional[str] = ...) -> None: ...

class IoError(Error, OSError): ...
class EmptyError(Error): ...
class UnknownFormatError(Error): ...
class UnsupportedFormatError(Error): ...
class EncryptedError(Error): ...
class MalformedError(Error): ...
class LimitExceededError(Error): ...
class TimeoutError(Error, builtins.TimeoutError): ...

def error_class(code: str) -> type[Error]: ...

class Document:
    """A converted notice (schema ``gongwen/1``)."""

    @property
    def json(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    def to_dict(self) -> Dict[str, JSON]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def schema(self) -> str: ...
    @property
    def source(self) -> Dict[str, JSON]: ...
    @property
    def meta(self) -> Dict[str, JSON]: ...
    @property
    def parts(self) -> Dict[str, JSON]: ...
    @property
    def blocks(self) -> List[Dict[str, JSON]]: ...
    @property
    def sections(self) -> List[Dict[str, JSON]]: ...
    @property
    def signature(self) -> Optional[Dict[str, JSON]]: ...
    @property
    def attachments(self) -> List[Dict[str, JSON]]: ...
    @property
    def contacts(self) -> Dict[str, List[str]]: ...
    @property
    def notice(self) -> Optional[Dict[str, JSON]]: ...
    @property
    def warnings(self) -> List[Dict[str, JSON]]: ...
    @property
    def notes(self) -> List[Dict[str, JSON]]: ...
    def _chunks(self, max_chars: int, overlap: int) -> List[Dict[str, JSON]]: ...

@dataclass(frozen=True)
class Failure:
    path: str
    code: str
    message: str
    def exception(self) -> Error: ...

@dataclass(frozen=True)
class Chunk:
    index: int
    text: str
    headings: List[str]
    blocks: List[int]
    start: int
    end: int
    pages: List[int]
    def with_context(self) -> str: ...

def convert(
    source: Source,
    *,
    from_: str = ...,
    name: Optional[str] = ...,
    password: Optional[str] = ...,
    http_charset: Optional[str] = ...,
    punctuation: bool = ...,
    ascii_alnum: bool = ...,
    whitespace: bool = ...,
    quotes: bool = ...,
    join_lines: bool = ...,
    notice: bool = ...,
    drop_footer_chrome: bool = ...,
    limits: Optional[Mapping[str, int]] = ...,
) -> Document: ...
def normalize(
    text: str,
    *,
    punctuation: bool = ...,
    ascii_alnum: bool = ...,
    whitespace: bool = ...,
    quotes: bool = ...,
    join_lines: bool = ...,
) -> str: ...
def batch(
    sources: Iterable[BatchSource],
    jobs: Optional[int] = ...,
    *,
    timeout: Optional[float] = ...,
    from_: str = ...,
    password: Optional[str] = ...,
    punctuation: bool = ...,
    ascii_alnum: bool = ...,
    whitespace: bool = ...,
    quotes: bool = ...,
    join_lines: bool = ...,
    notice: bool = ...,
    drop_footer_chrome: bool = ...,
    limits: Optional[Mapping[str, int]] = ...,
) -> Iterator[Union[Document, Failure]]: ...
def chunks(doc: Document, max_chars: int = ..., overlap: int = ...) -> List[Chunk]: ...
def dataset(
    sources: Iterable[Union[BatchSource, Document]],
    jobs: Optional[int] = ...,
    *,
    from_: str = ...,
) -> Dict[str, pandas.DataFrame]: ...
def fts_query(query: str) -> str: ...
