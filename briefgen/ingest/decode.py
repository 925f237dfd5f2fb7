"""Ingest stage: the bytes gate that turns a source file's bytes into clean text, or refuses it."""

from __future__ import annotations

import codecs
import re
import stat
from collections import Counter
from pathlib import Path

from ..errors import SourceError

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# File signatures of formats that are never plain text.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",  # zip: docx, xlsx, odt, epub
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # jpeg
    b"\xd0\xcf\x11\xe0",  # old Office (doc, xls)
    b"\x7fELF",
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
    b"{\\rtf",
)

# Bytes that plain text does not contain; tab, LF, CR, form feed and vertical tab are allowed.
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_CONTROL_DELETE = bytes(sorted(_CONTROL_BYTES))  # for bytes.translate, which counts them in C
_SAMPLE = 65_536  # enough of the file to judge binary content
_MAX_CONTROL_RATIO = 0.1

# Characters Word (XML) and PDF text cannot hold; lone surrogates included.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# Page breaks and Word's manual line breaks still separate text: keep them as line breaks.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})


def _binary(path: Path) -> SourceError:
    return SourceError(f"{path}: looks like a binary file, not text; skipped")


def _looks_binary(data: bytes) -> bool:
    """Return True for bytes with a known binary signature, a NUL, or many control bytes."""
    if data.startswith(_MAGIC):
        return True
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_DELETE))
    # A stray bell or escape in a short note is still text; binary files have many.
    return controls > max(_MAX_CONTROL_RATIO * len(sample), 8)


def _sniff_utf16(data: bytes) -> str | None:
    """Return 'utf-16-le'/'utf-16-be' for BOM-less UTF-16 of mostly ASCII text, else None."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def _decode_unicode(
    data: bytes, encoding: str, label: str, path: Path, warnings: list[str], offset: int = 0
) -> str:
    """Return ``data`` decoded; broken sequences become U+FFFD with a warning, never an error."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        warnings.append(
            f"{path}: invalid {label} at byte {exc.start + offset}; unreadable characters replaced with U+FFFD"
        )
        return text


def _decode_legacy(data: bytes, first_bad: int, path: Path, warnings: list[str]) -> str:
    """Return non-UTF-8 ``data`` decoded, as mostly-UTF-8 with repairs or else as Windows-1252."""
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for ch in repaired if ord(ch) > 0x7F) - bad
    # Real UTF-8 with a few stray bytes: keep it, since cp1252 would garble every accented letter.
    if multibyte > 2 * bad:
        warnings.append(
            f"{path}: {bad} byte(s) that are not valid UTF-8 (first at byte {first_bad}) "
            "replaced with U+FFFD; re-save the file as UTF-8"
        )
        return repaired
    try:
        text = data.decode("cp1252")
        name = "Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # decodes any byte, so the gate never fails here
        name = "Latin-1"
    warnings.append(
        f"{path}: not UTF-8 (byte 0x{data[first_bad]:02x} at {first_bad}); read as {name}, "
        "check accented letters and re-save the file as UTF-8"
    )
    return text


def clean_text(text: str, path: Path, warnings: list[str]) -> str:
    """Return ``text`` with LF line ends and without characters Word and PDF cannot hold."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ch in text for ch in "\x0b\x0c\u2028\u2029\x85"):  # rare; str.translate is slow on long text
        text = text.translate(_BREAKS)
    found = Counter(FORBIDDEN.findall(text))
    if found:
        total = sum(found.values())
        kinds = ", ".join(f"U+{ord(ch):04X} x{n}" for ch, n in sorted(found.items()))
        warnings.append(
            f"{path}: removed {total} control character(s) that Word and PDF cannot hold ({kinds})"
        )
        text = FORBIDDEN.sub("", text)
    return text


def decode_source(data: bytes, path: Path) -> tuple[str, list[str]]:
    """Return the text in a source file's bytes and one-line warnings naming the file.

    Raise SourceError for an empty file or one that looks binary.
    """
    if not data:
        raise SourceError(f"{path}: empty file; skipped")
    warnings: list[str] = []
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data[len(bom) :], encoding, label, path, warnings, len(bom))
            break
    else:
        if utf16 := _sniff_utf16(data):
            label = "UTF-16 LE" if utf16.endswith("le") else "UTF-16 BE"
            warnings.append(f"{path}: no byte-order mark; read as {label}")
            text = _decode_unicode(data, utf16, label, path, warnings)
        elif _looks_binary(data):
            raise _binary(path)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                text = _decode_legacy(data, exc.start, path, warnings)
    text = clean_text(text, path, warnings)
    if not text.strip():
        raise SourceError(f"{path}: no text, only white space; skipped")
    return text, warnings


def _kind(mode: int) -> str:
    """Return what a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder (name it in a config's sources, or give it to extract, to read the files in it)"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def check_size(path: Path, limit: int) -> int:
    """Return the file's size in bytes; raise SourceError if it is over ``limit`` or unreadable."""
    try:
        info = path.stat()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror}); skipped") from None
    if not stat.S_ISREG(info.st_mode):  # a pipe or device would block the build or never end
        raise SourceError(f"{path}: {_kind(info.st_mode)}, not a regular file; skipped")
    size = info.st_size
    if size > limit:
        raise SourceError(
            f"{path}: file is {size:,} bytes, over the {limit:,}-byte cap (max_source_bytes); "
            "skipped; split the file or raise max_source_bytes"
        )
    return size


def read_source_bytes(path: Path, limit: int) -> bytes:
    """Return a source file's bytes once its size is checked against ``limit``."""
    check_size(path, limit)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror}); skipped") from None
