"""Exceptions by code: one class per library error code, carrying code and path."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import List, Tuple

import pytest

import gongwen
from conftest import FIXTURES, SAMPLES

CLASSES = {
    "empty": gongwen.EmptyError,
    "unknown_format": gongwen.UnknownFormatError,
    "unsupported_format": gongwen.UnsupportedFormatError,
    "encrypted": gongwen.EncryptedError,
    "malformed": gongwen.MalformedError,
    "limit_exceeded": gongwen.LimitExceededError,
}


def single_outcome_fixtures() -> List[Tuple[str, str]]:
    rows = []
    for line in (FIXTURES / "malformed" / "expected.tsv").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, outcome = line.split("\t")[:2]
        if "|" not in outcome and outcome != "ok":
            rows.append((name, outcome))
    return rows


@pytest.mark.parametrize("name,code", single_outcome_fixtures())
def test_each_malformed_fixture_raises_its_class(name: str, code: str) -> None:
    path = FIXTURES / "malformed" / name
    with pytest.raises(gongwen.Error) as info:
        gongwen.convert(path)
    err = info.value
    assert type(err) is CLASSES[code]
    assert err.code == code
    assert err.path == str(path)
    assert err.message and name in str(err)


def test_every_code_is_covered() -> None:
    codes = {code for _, code in single_outcome_fixtures()}
    assert codes == set(CLASSES)


def test_missing_file_is_an_io_error_and_an_oserror(tmp_path: Path) -> None:
    path = tmp_path / "gone.pdf"
    with pytest.raises(OSError) as info:
        gongwen.convert(path)
    assert isinstance(info.value, gongwen.IoError)
    assert info.value.code == "io" and info.value.path == str(path)


def test_bytes_errors_carry_the_name() -> None:
    with pytest.raises(gongwen.EmptyError) as info:
        gongwen.convert(b"", name="blank.html")
    assert info.value.path == "blank.html"
    with pytest.raises(gongwen.EmptyError) as info:
        gongwen.convert(b"")
    assert info.value.path is None


def test_limits_and_password() -> None:
    with pytest.raises(gongwen.LimitExceededError):
        gongwen.convert(SAMPLES / "001.html", limits={"input_bytes": 100})
    with pytest.raises(ValueError):
        gongwen.convert(SAMPLES / "001.html", limits={"no_such_limit": 1})
    encrypted = FIXTURES / "malformed" / "encrypted-password.pdf"
    doc = gongwen.convert(encrypted, password="secret-user")
    assert "Hello gongwen" in doc.text
    with pytest.raises(gongwen.EncryptedError):
        gongwen.convert(encrypted, password="wrong")


def test_errors_pickle_with_their_fields() -> None:
    err = gongwen.error_class("malformed")("bad xref", "malformed", "a.pdf")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is gongwen.MalformedError
    assert (back.code, back.message, back.path) == ("malformed", "bad xref", "a.pdf")
    assert gongwen.error_class("timeout") is gongwen.TimeoutError
    assert issubclass(gongwen.TimeoutError, TimeoutError)
    assert gongwen.error_class("something_new") is gongwen.Error
