//! Character and name rules of XML 1.0 shared by the reader, the writer and the kept elements.

/// The position of the first C0 control byte other than tab, LF and CR. Eight bytes at a time:
/// a word is looked into only when one of its bytes is below 0x20.
pub(crate) fn first_control_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let is_control = |b: &u8| *b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r');
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // Non-zero exactly when some byte of the word is below 0x20.
        if word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0
            && let Some(i) = chunk.iter().position(is_control)
        {
            return Some(offset + i);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(is_control)
        .map(|i| offset + i)
}

/// True for an XML name without a prefix (`NCName` of Namespaces in XML 1.0): what an element's
/// local name must be, and what an element kept from a document can be written back as.
pub(crate) fn is_ncname(name: &str) -> bool {
    let start = |c: char| {
        matches!(c, 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
            | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
            | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
            | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
            | '\u{10000}'..='\u{EFFFF}')
    };
    let mut chars = name.chars();
    chars.next().is_some_and(start)
        && chars.all(|c| {
            start(c)
                || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}'
                    | '\u{203F}'..='\u{2040}')
        })
}

/// True for a qualified name (`QName` of Namespaces in XML 1.0): an NCName, or two joined by
/// one `:` (`xml:lang`, `xsi:nil`).
pub(crate) fn is_qname(name: &str) -> bool {
    match name.split_once(':') {
        Some((prefix, local)) => is_ncname(prefix) && is_ncname(local),
        None => is_ncname(name),
    }
}

/// True for characters XML 1.0 documents may contain.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::first_control_byte;

    fn naive(bytes: &[u8]) -> Option<usize> {
        bytes
            .iter()
            .position(|b| *b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r'))
    }

    /// The word-at-a-time search agrees with the byte-by-byte one for every byte value at
    /// every position of a word, among text, whitespace and high bytes (borrows between bytes
    /// are where such tricks go wrong).
    #[test]
    fn word_search_matches_the_byte_search() {
        let fillers: [&[u8]; 4] = [
            b"abcdefgh",
            b"\n\t\r \n\t\r ",
            b"\xc3\xa9\xff\x80\x1f\x20\x7f\x00",
            b"\r\n\r\n\r\n\r\n",
        ];
        for filler in fillers {
            for len in 0..24 {
                let base: Vec<u8> = filler.iter().copied().cycle().take(len).collect();
                assert_eq!(first_control_byte(&base), naive(&base), "{base:?}");
                for at in 0..len {
                    for value in 0..=255u8 {
                        let mut bytes = base.clone();
                        bytes[at] = value;
                        assert_eq!(first_control_byte(&bytes), naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }
}
