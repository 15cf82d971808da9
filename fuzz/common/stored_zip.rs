//! A minimal zip writer (stored entries, correct CRC-32) for the structure-aware targets.
//!
//! Byte mutations of a real .docx/.ofd almost never reach the XML parsers: the entries are
//! deflated and their CRC-32 is checked, so a flipped byte ends at the zip layer. These targets
//! mutate the XML parts themselves and package them here, so every input reaches the reader.

/// The input split at NUL bytes (never valid in XML), one part per name in order; a part that
/// is absent falls back to `defaults`.
pub fn package(data: &[u8], names: &[&str], defaults: &[(&str, &[u8])]) -> Vec<u8> {
    let mut parts = data.split(|&b| b == 0);
    let mut entries: Vec<(&str, &[u8])> = Vec::new();
    for name in names {
        match parts.next() {
            Some(part) => entries.push((name, part)),
            None => break,
        }
    }
    for (name, body) in defaults {
        if !entries.iter().any(|(n, _)| n == name) {
            entries.push((name, body));
        }
    }
    stored_zip(&entries)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, body) in entries {
        let offset = out.len() as u32;
        let crc = crc32(body);
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // version made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(0u16.to_le_bytes()); // method: stored
            h.extend(0u32.to_le_bytes()); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((body.len() as u32).to_le_bytes());
            h.extend((body.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 8]); // comment len, disk, internal attrs, external attrs (part)
                h.extend([0u8; 2]);
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(*body);
        central.extend(header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u32;
    let cd_len = central.len() as u32;
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
