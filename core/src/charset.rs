//! The charset of a document: every body is turned into UTF-8 here, before the XML reader sees
//! it (the reader reads UTF-8 only, and hands out text borrowed from the document).
//!
//! Which charset (docs/protocol.md §1.5):
//!
//! 1. A byte-order mark wins over any declaration: `EF BB BF` is UTF-8, `FF FE` UTF-16LE,
//!    `FE FF` UTF-16BE. A charset declared otherwise is ignored then (a BOM is unambiguous: no
//!    declared charset could make those bytes start an XML document), as the WHATWG Encoding
//!    standard decodes and XML 1.0 Appendix F detects.
//! 2. Else the `charset` parameter of the HTTP `Content-Type`, when the body came with one.
//! 3. Else the `encoding` of the XML declaration (`<?xml version="1.0" encoding="…"?>`).
//! 4. Else UTF-8: an undeclared document that is not UTF-8 is `invalid_utf8`, as before.
//!
//! Charsets: UTF-8; UTF-16 (LE and BE); ISO-8859-1, US-ASCII and Windows-1252, all three
//! decoded as Windows-1252 as the WHATWG Encoding standard (and every browser) does; and
//! ISO-8859-15 (Latin-9, Latin-1 with `€`). Labels are the WHATWG standard's for these
//! (`latin1`, `cp1252`, `iso_8859-1`, `l9`, `ucs-2`, … without case). Any other label is
//! `unsupported_charset`; bytes that are not valid in the declared charset (an unpaired UTF-16
//! surrogate, an odd byte count) are `invalid_encoding`.
//!
//! Not `encoding_rs`: its decoders are reached through one dispatch over every encoding, so that
//! all of them — the CJK tables included — land in any program that decodes one. Measured on the
//! WASM read module, a page's budget of 300,000 bytes: 290,056 bytes without it, 658,698 with it
//! (and 2,066,223 for the main module, whose budget is 1.8 MB). A SOAP service answers in UTF-8,
//! or in one of the few charsets above behind a proxy or a PHP client; the tables they need are
//! below (UTF-16 is `char::decode_utf16` of the standard library).
//!
//! A UTF-8 body costs a scan of its declaration and no copy; any other is transcoded once
//! (the result is at most three times the document, whose size limit is checked first).
//! Compression (`Content-Encoding: gzip`) is the host's HTTP client's job: the body handed to
//! the core is the decompressed one.

use std::borrow::Cow;

use crate::error::{Error, ErrorCode, Result};
use crate::xml::Limits;

/// A charset this library decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Charset {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    Iso8859_15,
}

/// The body as UTF-8: borrowed when it already is (or says nothing else), transcoded
/// otherwise. `content_type` is the HTTP header, when the body came with one.
pub(crate) fn to_utf8<'a>(
    body: &'a [u8],
    content_type: Option<&str>,
    limits: Limits,
) -> Result<Cow<'a, [u8]>> {
    let (charset, rest) = match body {
        [0xEF, 0xBB, 0xBF, ..] => return Ok(Cow::Borrowed(body)),
        [0xFF, 0xFE, rest @ ..] => (Charset::Utf16Le, rest),
        [0xFE, 0xFF, rest @ ..] => (Charset::Utf16Be, rest),
        _ => match declared(body, content_type) {
            None => return Ok(Cow::Borrowed(body)),
            Some(label) => (lookup(&label, body)?, body),
        },
    };
    if charset == Charset::Utf8 {
        return Ok(Cow::Borrowed(body));
    }
    crate::xml::check_document_size(body, &limits)?;
    let text = match charset {
        Charset::Utf16Le => utf16(rest, u16::from_le_bytes, "UTF-16LE")?,
        Charset::Utf16Be => utf16(rest, u16::from_be_bytes, "UTF-16BE")?,
        Charset::Windows1252 => single_byte(rest, windows_1252),
        Charset::Iso8859_15 | Charset::Utf8 => single_byte(rest, iso_8859_15),
    };
    Ok(Cow::Owned(without_declaration(text)))
}

/// UTF-16 in the byte order `unit` reads.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Result<String> {
    let invalid = |what: &str| {
        Error::malformed(
            ErrorCode::InvalidEncoding,
            format!("the body is not valid {name}: {what}"),
        )
    };
    let pairs = bytes.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return Err(invalid("an odd number of bytes"));
    }
    let units = pairs.map(|p| unit([p[0], p[1]]));
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for c in char::decode_utf16(units) {
        out.push(c.map_err(|e| {
            invalid(&format!(
                "an unpaired surrogate 0x{:04X}",
                e.unpaired_surrogate()
            ))
        })?);
    }
    Ok(out)
}

/// A single-byte charset: ASCII as it is, the upper half through `upper`.
fn single_byte(bytes: &[u8], upper: fn(u8) -> char) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    out.extend(
        bytes
            .iter()
            .map(|&b| if b < 0x80 { char::from(b) } else { upper(b) }),
    );
    out
}

/// Windows-1252 as the WHATWG Encoding standard decodes it (its `index-windows-1252`): 0x80–0x9F
/// are the typographic characters, the five bytes Windows leaves undefined the C1 controls;
/// 0xA0–0xFF are Latin-1.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// ISO-8859-15: Latin-1 but for eight characters (`€`, `Š`, `š`, `Ž`, `ž`, `Œ`, `œ`, `Ÿ`).
fn iso_8859_15(b: u8) -> char {
    match b {
        0xA4 => '\u{20AC}',
        0xA6 => '\u{160}',
        0xA8 => '\u{161}',
        0xB4 => '\u{17D}',
        0xB8 => '\u{17E}',
        0xBC => '\u{152}',
        0xBD => '\u{153}',
        0xBE => '\u{178}',
        _ => char::from(b),
    }
}

/// A transcoded document without its XML declaration, which would name the charset it is no
/// longer in (and make a second decoding of the UTF-8 misread it).
fn without_declaration(text: String) -> Vec<u8> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let declared =
        rest.starts_with("<?xml") && rest[5..].starts_with(|c: char| c.is_ascii_whitespace());
    match rest.find("?>") {
        Some(end) if declared => {
            let mut bytes = text.into_bytes();
            bytes.drain(start..start + end + 2);
            bytes
        }
        _ => text.into_bytes(),
    }
}

/// The charset of a WHATWG label (ASCII case-insensitive, surrounding whitespace ignored);
/// `utf-16` without a BOM is read in the byte order its first character shows (`<` is `3C 00`
/// in UTF-16LE, `00 3C` in UTF-16BE).
fn lookup(label: &str, body: &[u8]) -> Result<Charset> {
    let charset = match label.trim().to_ascii_lowercase().as_str() {
        "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8"
        | "x-unicode20utf8" => Charset::Utf8,
        "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16"
        | "utf-16le" => Charset::Utf16Le,
        "unicodefffe" | "utf-16be" => Charset::Utf16Be,
        "ansi_x3.4-1968" | "ascii" | "cp1252" | "cp819" | "csisolatin1" | "ibm819"
        | "iso-8859-1" | "iso-ir-100" | "iso8859-1" | "iso88591" | "iso_8859-1"
        | "iso_8859-1:1987" | "l1" | "latin1" | "us-ascii" | "windows-1252" | "x-cp1252" => {
            Charset::Windows1252
        }
        "csisolatin9" | "iso-8859-15" | "iso8859-15" | "iso885915" | "iso_8859-15" | "l9" => {
            Charset::Iso8859_15
        }
        _ => {
            return Err(Error::malformed(
                ErrorCode::UnsupportedCharset,
                format!(
                    "the declared charset `{}` is not one this library decodes (UTF-8, UTF-16, \
                     ISO-8859-1/Windows-1252, ISO-8859-15)",
                    printable(label)
                ),
            ));
        }
    };
    if charset == Charset::Utf16Le && body.first() == Some(&0) {
        return Ok(Charset::Utf16Be);
    }
    Ok(charset)
}

/// The charset declared by the Content-Type, else by the XML declaration.
fn declared(body: &[u8], content_type: Option<&str>) -> Option<String> {
    if let Some(label) = content_type.and_then(content_type_charset) {
        return Some(label);
    }
    // A document in UTF-16 without a BOM shows it by its first bytes.
    match body {
        [b'<', 0, b'?', 0, ..] => return Some("utf-16le".to_owned()),
        [0, b'<', 0, b'?', ..] => return Some("utf-16be".to_owned()),
        _ => {}
    }
    declaration_encoding(body)
}

/// The `charset` parameter of a media type (`text/xml; charset="ISO-8859-1"`).
pub(crate) fn content_type_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').trim().to_owned())
            .filter(|v| !v.is_empty())
    })
}

/// The `encoding` pseudo-attribute of the XML declaration, read from the ASCII bytes at the
/// start of the document (whitespace before the declaration tolerated).
fn declaration_encoding(body: &[u8]) -> Option<String> {
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = body.get(start..)?.strip_prefix(b"<?xml")?;
    if !head.first().is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let end = head.windows(2).take(512).position(|w| w == b"?>")?;
    let mut decl = head.get(..end)?;
    while let Some(at) = find(decl, b"encoding") {
        let after = decl.get(at + 8..)?;
        let after = trim_start(after);
        if let Some(value) = after.strip_prefix(b"=") {
            let value = trim_start(value);
            let quote = *value.first()?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let value = value.get(1..)?;
            let close = value.iter().position(|b| *b == quote)?;
            let label = std::str::from_utf8(value.get(..close)?).ok()?.trim();
            return (!label.is_empty()).then(|| label.to_owned());
        }
        decl = after;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    bytes.get(n..).unwrap_or_default()
}

/// A label as it may be quoted in a message: printable ASCII, at most 40 characters.
fn printable(label: &str) -> String {
    label
        .chars()
        .take(40)
        .map(|c| if c.is_ascii_graphic() { c } else { '?' })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn utf8(body: &[u8], ct: Option<&str>) -> Result<String> {
        to_utf8(body, ct, Limits::default()).map(|b| String::from_utf8(b.into_owned()).unwrap())
    }

    #[test]
    fn declarations() {
        assert_eq!(
            declaration_encoding(b"<?xml version=\"1.0\" encoding = 'ISO-8859-1' ?><a/>"),
            Some("ISO-8859-1".to_owned())
        );
        assert_eq!(declaration_encoding(b"<?xml version=\"1.0\"?><a/>"), None);
        assert_eq!(
            declaration_encoding(b"<?xml-stylesheet encoding=\"x\"?>"),
            None
        );
        assert_eq!(declaration_encoding(b"<a encoding=\"x\"/>"), None);
        assert_eq!(
            content_type_charset("text/xml; Charset=\"windows-1252\""),
            Some("windows-1252".to_owned())
        );
        assert_eq!(content_type_charset("text/xml"), None);
    }

    #[test]
    fn decodes_what_is_declared() {
        let latin1 = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xE0\x80</a>";
        assert_eq!(utf8(latin1, None).unwrap(), "<a>à€</a>");
        // Decoding twice changes nothing: the declaration went with the first.
        let once = to_utf8(latin1, None, Limits::default())
            .unwrap()
            .into_owned();
        assert_eq!(to_utf8(&once, None, Limits::default()).unwrap(), once);
        assert_eq!(
            utf8(b"<a>\xE0</a>", Some("text/xml; charset=latin1")).unwrap(),
            "<a>à</a>"
        );
        // The Content-Type wins over the declaration.
        assert_eq!(
            utf8(
                b"<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\xE0</a>",
                Some("text/xml; charset=windows-1252")
            )
            .unwrap(),
            "<a>à</a>"
        );
        // A BOM wins over both.
        let mut le = vec![0xFF, 0xFE];
        le.extend("<a>é</a>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            utf8(&le, Some("text/xml; charset=iso-8859-1")).unwrap(),
            "<a>é</a>"
        );
        let be: Vec<u8> = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf8(&be, None).unwrap(), "<a/>");
        let undeclared = to_utf8(b"<a>\xE0</a>", None, Limits::default()).unwrap();
        assert!(matches!(undeclared, Cow::Borrowed(_)));
    }

    #[test]
    fn refuses_unknown_and_invalid() {
        let e = utf8(b"<a/>", Some("text/xml; charset=x-klingon")).unwrap_err();
        assert_eq!(e.code(), "unsupported_charset");
        let e = utf8(b"<?xml version='1.0' encoding='Shift_JIS'?><a/>", None).unwrap_err();
        assert_eq!(e.code(), "unsupported_charset");
        let e = utf8(b"\xFF\xFE<\x00\x00\xD8", None).unwrap_err();
        assert_eq!(e.code(), "invalid_encoding");
        let e = utf8(b"\xFF\xFE<\x00a", None).unwrap_err();
        assert_eq!(e.code(), "invalid_encoding");
    }

    #[test]
    fn single_byte_tables() {
        let all: Vec<u8> = (0x80..=0xFF).collect();
        let w = single_byte(&all, windows_1252);
        assert!(w.starts_with("€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ\u{A0}¡"));
        assert!(w.ends_with("ýþÿ"));
        let l9 = single_byte(&all, iso_8859_15);
        assert!(l9.contains("£€¥Š§š©") && l9.contains("Žµ¶·ž¹º»ŒœŸ¿"));
        assert_eq!(
            utf8(b"<a>\xA4</a>", Some("text/xml; charset=ISO-8859-15")).unwrap(),
            "<a>€</a>"
        );
    }
}
