"""gongwen (公文): Chinese government notices (HTML, PDF, DOCX, OFD, text) as structured data.

The conversion runs in Rust (the ``gongwen`` crate) with the GIL released, so threads convert in
parallel; results are the same as the ``gongwen`` command's, byte for byte.

>>> import gongwen
>>> doc = gongwen.convert("samples/001.html")            # doctest: +SKIP
>>> doc.title                                            # doctest: +SKIP
'中共广州市花都区委关于巡视整改进展情况的通报'

Functions: :func:`convert`, :func:`batch`, :func:`chunks`, :func:`dataset`, :func:`normalize`,
:func:`fts_query`. Errors: :class:`Error` and one subclass per error code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from . import _gongwen
from ._errors import (
    EmptyError,
    EncryptedError,
    Error,
    IoError,
    LimitExceededError,
    MalformedError,
    TimeoutError,
    UnknownFormatError,
    UnsupportedFormatError,
    error_class,
)
from ._gongwen import Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "SCHEMA",
    "Chunk",
    "Document",
    "EmptyError",
    "EncryptedError",
    "Error",
    "Failure",
    "IoError",
    "LimitExceededError",
    "MalformedError",
    "TimeoutError",
    "UnknownFormatError",
    "UnsupportedFormatError",
    "batch",
    "chunks",
    "convert",
    "dataset",
    "error_class",
    "fts_query",
    "normalize",
]

__version__ = "0.1.0"

#: The schema identifier of every document (``"gongwen/1"``).
SCHEMA: str = _gongwen.SCHEMA

Source = Union[str, "os.PathLike[str]", bytes]


def _options(**kwargs: Any) -> Dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def convert(
    source: Source,
    *,
    from_: str = "auto",
    name: Optional[str] = None,
    password: Optional[str] = None,
    http_charset: Optional[str] = None,
    punctuation: bool = True,
    ascii_alnum: bool = True,
    whitespace: bool = True,
    quotes: bool = True,
    join_lines: bool = True,
    notice: bool = True,
    drop_footer_chrome: bool = True,
    limits: Optional[Mapping[str, int]] = None,
) -> Document:
    """Convert one notice.

    Args:
        source: a path (``str`` or ``os.PathLike``) or the bytes of a file.
        from_: the input format, ``"auto"`` (sniff the content; the default), ``"html"``,
            ``"text"``, ``"pdf"``, ``"docx"`` or ``"ofd"``.
        name: a file name for ``bytes`` input: a hint for format detection, written to
            ``source.path`` (a path source always uses the path).
        password: the password of an encrypted PDF.
        http_charset: a charset from outside the file (an HTTP ``Content-Type``).
        punctuation, ascii_alnum, whitespace, quotes, join_lines: the normalization rules, all on
            (see :func:`normalize`).
        notice: extract the facts of inspection notices (``notice``).
        drop_footer_chrome: drop footer chrome (主办单位, ICP …) left over by the reader.
        limits: resource limits by name (``{"pages": 50, "input_bytes": 10_000_000}``; the names
            of the CLI's ``--limit-…`` flags with ``_``).

    Returns:
        The :class:`Document`.

    Raises:
        Error: a subclass by code: :class:`IoError`, :class:`EmptyError`,
            :class:`UnknownFormatError`, :class:`UnsupportedFormatError`,
            :class:`EncryptedError`, :class:`MalformedError`, :class:`LimitExceededError`.
    """
    opts = _options(
        from_=from_,
        name=name,
        password=password,
        http_charset=http_charset,
        punctuation=punctuation,
        ascii_alnum=ascii_alnum,
        whitespace=whitespace,
        quotes=quotes,
        join_lines=join_lines,
        notice=notice,
        drop_footer_chrome=drop_footer_chrome,
        limits=dict(limits) if limits is not None else None,
    )
    return _gongwen.convert(source, opts)


def normalize(
    text: str,
    *,
    punctuation: bool = True,
    ascii_alnum: bool = True,
    whitespace: bool = True,
    quotes: bool = True,
    join_lines: bool = True,
) -> str:
    """Normalize Chinese text the way a copy editor would (``gongwen normalize``).

    Every rule is on by default; pass ``False`` to keep that aspect of the text as it is.

    Args:
        text: the text.
        punctuation: ASCII punctuation inside Chinese text becomes full-width (``,`` → ``，``).
        ascii_alnum: full-width letters and digits become ASCII (``２０２０`` → ``2020``).
        whitespace: odd spaces, runs, spaces between Chinese characters and indentation go.
        quotes: straight quotes become paired curly quotes in Chinese text.
        join_lines: line breaks inside a paragraph are joined (blank lines separate paragraphs).

    >>> normalize("根据部署,２０２０ 年(一)")
    '根据部署，2020年（一）'
    """
    return _gongwen.normalize(text, punctuation, ascii_alnum, whitespace, quotes, join_lines)


@dataclass(frozen=True)
class Failure:
    """An input of :func:`batch` that could not be converted (a value, not an exception).

    ``code`` is the library's stable error code (``"io"``, ``"encrypted"``, …; see
    :func:`error_class`), ``message`` says what went wrong, ``path`` names the input.
    """

    path: str
    code: str
    message: str

    def exception(self) -> Error:
        """The exception :func:`convert` would have raised for this input."""
        return error_class(self.code)(self.message, self.code, self.path)


BatchSource = Union[Source, Tuple[str, bytes]]


def batch(
    sources: Iterable[BatchSource],
    jobs: Optional[int] = None,
    *,
    timeout: Optional[float] = None,
    from_: str = "auto",
    password: Optional[str] = None,
    punctuation: bool = True,
    ascii_alnum: bool = True,
    whitespace: bool = True,
    quotes: bool = True,
    join_lines: bool = True,
    notice: bool = True,
    drop_footer_chrome: bool = True,
    limits: Optional[Mapping[str, int]] = None,
) -> Iterator[Union[Document, Failure]]:
    """Convert many inputs in parallel (Rust threads, the GIL released), in input order.

    Args:
        sources: paths, bytes, or ``(name, bytes)`` pairs. Bytes without a name are called
            ``<bytes N>`` (N: the 0-based position).
        jobs: worker threads (default: one per core).
        timeout: give up on one input after this many seconds (its result is a
            :class:`Failure` with code ``"timeout"``).
        from_, password, …: as for :func:`convert`.

    Yields:
        One :class:`Document` or :class:`Failure` per source, in the order of ``sources``; a
        failure never stops the loop.
    """
    opts = _options(
        from_=from_,
        password=password,
        punctuation=punctuation,
        ascii_alnum=ascii_alnum,
        whitespace=whitespace,
        quotes=quotes,
        join_lines=join_lines,
        notice=notice,
        drop_footer_chrome=drop_footer_chrome,
        limits=dict(limits) if limits is not None else None,
    )
    for item in _gongwen.batch(list(sources), jobs, timeout, opts):
        if isinstance(item, tuple):
            yield Failure(item[1], item[2], item[3])
        else:
            yield item


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's body for retrieval (see :func:`chunks`).

    ``headings`` are the headings above it, outermost first, as written (``["二、…", "（三）…"]``);
    ``blocks`` the indices into ``doc.to_dict()["blocks"]`` it comes from; ``start`` the char
    offset in the first block's text, ``end`` in the last block's (exclusive); ``pages`` the
    pages (PDF, OFD; empty otherwise).
    """

    index: int
    text: str
    headings: List[str]
    blocks: List[int]
    start: int
    end: int
    pages: List[int]

    def with_context(self) -> str:
        """The text preceded by its heading path, one heading per line (what to embed)."""
        return "\n".join([*self.headings, self.text])


def chunks(doc: Document, max_chars: int = 800, overlap: int = 0) -> List[Chunk]:
    """Cut a document's body into section-aware chunks (``gongwen convert --to chunks``).

    A chunk never spans two sections and carries its heading path; a block that fits goes whole
    into one chunk; a longer one is cut between sentences (after 。！？；), a sentence longer
    than ``max_chars`` between clauses (after ，), and only a clause longer than that at
    ``max_chars``. Headings are the path, not chunk text. With ``overlap`` 0 every body
    character is in exactly one chunk.

    Args:
        doc: a converted document.
        max_chars: most characters of a chunk's text (default 800).
        overlap: characters of whole sentences repeated from the chunk before in the same
            section (default 0).
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if overlap < 0:
        raise ValueError("overlap must not be negative")
    return [
        Chunk(
            index=c["index"],
            text=c["text"],
            headings=c["headings"],
            blocks=c["blocks"],
            start=c["start"],
            end=c["end"],
            pages=c.get("pages", []),
        )
        for c in doc._chunks(max_chars, overlap)
    ]


_DTYPES: Dict[str, Dict[str, str]] = {
    "documents": {
        "id": "string",
        "path": "string",
        "format": "string",
        "sha256": "string",
        "title": "string",
        "issuer": "string",
        "doc_number": "string",
        "written_date": "string",
        "published_date": "string",
        "signature_date": "string",
        "is_notice": "bool",
        "kind": "string",
        "follow_up": "boolean",
        "special": "boolean",
        "inspector_group": "string",
        "inspector_parent": "string",
        "target": "string",
        "period_start": "string",
        "period_end": "string",
        "period_text": "string",
        "feedback_date": "string",
        "report_date": "string",
        "problem_count": "int64",
        "problems_completed": "int64",
        "figure_count": "int64",
        "chars": "int64",
        "warnings": "int64",
    },
    "figures": {
        "document_id": "string",
        "seq": "int64",
        "label": "string",
        "value": "float64",
        "unit": "string",
        "block": "int64",
        "span_start": "int64",
        "span_end": "int64",
        "sentence": "string",
    },
    "problems": {
        "document_id": "string",
        "seq": "int64",
        "number": "string",
        "title": "string",
        "category": "string",
        "parent": "string",
        "status": "string",
        "status_text": "string",
        "cause": "string",
        "rectification": "string",
        "measure_count": "int64",
        "measures": "string",
        "block": "int64",
    },
}


def dataset(
    sources: Iterable[Union[BatchSource, Document]],
    jobs: Optional[int] = None,
    *,
    from_: str = "auto",
) -> Dict[str, "pandas.DataFrame"]:
    """The research dataset of ``gongwen export`` as pandas DataFrames.

    Args:
        sources: paths, bytes, ``(name, bytes)`` pairs or already converted :class:`Document`\\ s.
        jobs: worker threads for the conversions (default: one per core).
        from_: the input format, as for :func:`convert`.

    Returns:
        ``{"documents": …, "figures": …, "problems": …, "failures": …}``: the first three with
        the columns of ``docs/dataset.md`` (strings as pandas ``string``, counts ``int64``,
        ``value`` ``float64``, flags ``bool``/``boolean``), ``failures`` with ``path``, ``code``,
        ``message`` for inputs that could not be converted (they are left out of the tables).

    Raises:
        ImportError: pandas is not installed (``pip install gongwen[pandas]``).
    """
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - exercised without pandas
        raise ImportError(
            "gongwen.dataset needs pandas: pip install gongwen[pandas] (or pip install pandas)"
        ) from err
    rows = _gongwen.dataset_json(list(sources), jobs, _options(from_=from_))
    frames: Dict[str, "pandas.DataFrame"] = {}
    for table, dtypes in _DTYPES.items():
        frame = pd.DataFrame(rows[table], columns=list(dtypes))
        frames[table] = frame.astype(dtypes)
    failures = [
        {"path": f["path"], "code": f["error"]["code"], "message": f["error"]["message"]}
        for f in rows["failures"]
    ]
    frames["failures"] = pd.DataFrame(failures, columns=["path", "code", "message"]).astype("string")
    return frames


def fts_query(query: str) -> str:
    """The FTS5 ``MATCH`` expression for ``query`` on the SQLite export's ``documents_cjk``.

    That index matches Chinese words of any length, two-character ones (``整改``, ``线索``)
    included, which the trigram index ``documents_fts`` cannot::

        SELECT d.id, d.title FROM documents_cjk
        JOIN documents d ON d.rowid = documents_cjk.rowid
        WHERE documents_cjk MATCH ?          -- gongwen.fts_query("整改")

    >>> fts_query("整改")
    '"整改"'
    >>> fts_query("巡视整改 线索")
    '"巡视 视整 整改" AND "线索"'
    """
    return _gongwen.fts_query(query)
