"""Tests for the ingest bytes gate: encodings, line ends, control characters, binary and empty files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import SourceError
from briefgen.ingest.decode import FORBIDDEN, check_size, decode_source, read_source_bytes

P = Path("seeds/note.txt")
TEXT = "Café owners in Łódź said “prices rose” — again.\nSecond line."


def test_utf8_is_read_without_warnings() -> None:
    assert decode_source(TEXT.encode("utf-8"), P) == (TEXT, [])


def test_utf8_bom_is_dropped() -> None:
    assert decode_source(codecs.BOM_UTF8 + TEXT.encode("utf-8"), P) == (TEXT, [])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_source(data, P) == (TEXT, [])


def test_utf16_without_bom_is_sniffed_with_a_warning() -> None:
    assert decode_source("Plain words here.".encode("utf-16-be"), P) == (
        "Plain words here.",
        ["seeds/note.txt: no byte-order mark; read as UTF-16 BE"],
    )


def test_broken_utf16_is_repaired_with_a_warning() -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
    assert decode_source(data, P) == (
        "ok\ufffd",
        ["seeds/note.txt: invalid UTF-16 LE at byte 6; unreadable characters replaced with U+FFFD"],
    )


def test_cp1252_falls_back_with_a_warning() -> None:
    text = "Caf\u00e9 \u2014 \u201cquoted\u201d"
    assert decode_source(text.encode("cp1252"), P) == (
        text,
        [
            "seeds/note.txt: not UTF-8 (byte 0xe9 at 3); read as Windows-1252, "
            "check accented letters and re-save the file as UTF-8"
        ],
    )


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    assert decode_source(b"A\x81B \xe9", P) == (
        "A\x81B \xe9",
        [
            "seeds/note.txt: not UTF-8 (byte 0x81 at 1); read as Latin-1, "
            "check accented letters and re-save the file as UTF-8"
        ],
    )


def test_mostly_utf8_keeps_utf8_and_replaces_stray_bytes() -> None:
    data = ("na\u00efve caf\u00e9 " * 3).encode("utf-8") + b"\xff end"
    assert decode_source(data, P) == (
        "na\u00efve caf\u00e9 " * 3 + "\ufffd end",
        [
            "seeds/note.txt: 1 byte(s) that are not valid UTF-8 (first at byte 39) replaced with U+FFFD; "
            "re-save the file as UTF-8"
        ],
    )


def test_crlf_and_cr_become_lf() -> None:
    assert decode_source(b"one\r\ntwo\rthree\n", P) == ("one\ntwo\nthree\n", [])


def test_control_characters_are_removed_with_a_count() -> None:
    text, warnings = decode_source(b"bell\x07 esc\x1b del\x7f bell\x07 end", P)
    assert text == "bell esc del bell end"
    assert warnings == [
        "seeds/note.txt: removed 4 control character(s) that Word and PDF cannot hold "
        "(U+0007 x2, U+001B x1, U+007F x1)"
    ]


def test_page_and_line_breaks_become_newlines() -> None:
    assert decode_source("page one\x0cpage two\x0bline\u2028x\u2029y".encode(), P) == (
        "page one\npage two\nline\nx\n\ny",
        [],
    )


def test_nul_from_utf16_is_removed() -> None:
    assert decode_source("a\x00b".encode("utf-16"), P) == (
        "ab",
        ["seeds/note.txt: removed 1 control character(s) that Word and PDF cannot hold (U+0000 x1)"],
    )


def test_noncharacters_are_removed() -> None:
    text, warnings = decode_source("x\ufffey\uffff".encode(), P)
    assert text == "xy" and len(warnings) == 1


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"text with a NUL\x00 inside",
        bytes(range(1, 9)) * 20 + b"some letters",
    ],
)
def test_binary_is_rejected(data: bytes) -> None:
    with pytest.raises(SourceError) as info:
        decode_source(data, P)
    assert info.value.problems == ["seeds/note.txt: looks like a binary file, not text; skipped"]


def test_empty_file_is_rejected() -> None:
    with pytest.raises(SourceError) as info:
        decode_source(b"", P)
    assert info.value.problems == ["seeds/note.txt: empty file; skipped"]


@pytest.mark.parametrize("data", [b"  \r\n\t\n", codecs.BOM_UTF8, b"\x07\n"])
def test_whitespace_only_is_rejected(data: bytes) -> None:
    with pytest.raises(SourceError) as info:
        decode_source(data, P)
    assert info.value.problems == ["seeds/note.txt: no text, only white space; skipped"]


def test_check_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    assert check_size(path, 2000) == 2000
    with pytest.raises(SourceError) as info:
        check_size(path, 1999)
    assert info.value.problems == [
        f"{path}: file is 2,000 bytes, over the 1,999-byte cap (max_source_bytes); skipped; "
        "split the file or raise max_source_bytes"
    ]


def test_read_source_bytes_names_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(SourceError) as info:
        read_source_bytes(path, 10)
    assert info.value.problems == [f"{path}: cannot read (No such file or directory); skipped"]


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_clean_text_or_a_source_error(data: bytes) -> None:
    try:
        text, warnings = decode_source(data, P)
    except SourceError as exc:
        assert all(line.startswith("seeds/note.txt: ") for line in exc.problems)
        return
    assert not FORBIDDEN.search(text)
    assert "\r" not in text and text.strip()
    assert all(w.startswith("seeds/note.txt: ") and "\n" not in w for w in warnings)
    text.encode("utf-8")  # no lone surrogates survive


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_any_text_round_trips_through_a_bom_or_utf8(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # lone surrogates cannot be written in any of these
    if encoding == "utf-16" and text.startswith("\x00"):
        return  # FF FE 00 00 is also the UTF-32 LE byte-order mark: a NUL-first text is ambiguous
    try:
        decoded, _ = decode_source(data, P)
    except SourceError:
        return  # empty, white space only, or NUL-bearing UTF-8 that looks binary
    expected = FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not any(ch in text for ch in "\x0b\x0c\u2028\u2029\x85"):
        assert decoded == expected
