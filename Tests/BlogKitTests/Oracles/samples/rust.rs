//! A minimal log-line parser, used in "Zero-copy parsing in Rust".
//!
//! Each line looks like: `2024-05-01T12:00:00Z level=info msg="hello"`.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Severity of a log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

#[derive(Debug)]
pub struct ParseError {
    line: usize,
    reason: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for ParseError {}

impl FromStr for Level {
    type Err = &'static str;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "trace" => Ok(Level::Trace),
            "debug" => Ok(Level::Debug),
            "info" => Ok(Level::Info),
            "warn" | "warning" => Ok(Level::Warn),
            "error" => Ok(Level::Error),
            _ => Err("unknown level"),
        }
    }
}

/// One parsed entry; borrows from the input buffer.
#[derive(Debug)]
pub struct Entry<'a> {
    pub timestamp: &'a str,
    pub level: Level,
    pub fields: HashMap<&'a str, &'a str>,
}

const MAX_FIELDS: usize = 0x40;
const SAMPLE_RATE: f64 = 2.5e-1;
static BANNER: &str = r#"logparse v0.3 -- "fast enough""#;

pub fn parse_line<'a>(no: usize, line: &'a str) -> Result<Entry<'a>, ParseError> {
    let err = |reason| ParseError { line: no, reason };
    let (timestamp, rest) = line.split_once(' ').ok_or_else(|| err("missing timestamp"))?;
    let mut fields = HashMap::with_capacity(8);
    let mut level = Level::Info;

    for pair in rest.split_whitespace().take(MAX_FIELDS) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(err("expected key=value"));
        };
        let value = value.trim_matches('"');
        if key == "level" {
            level = value.parse().map_err(|_| err("bad level"))?;
        } else {
            fields.insert(key, value);
        }
    }
    Ok(Entry { timestamp, level, fields })
}

/* Count entries per level; generic over any iterator of lines. */
pub fn histogram<'a, I>(lines: I) -> HashMap<Level, u32>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut counts = HashMap::new();
    for (i, line) in lines.into_iter().enumerate() {
        if let Ok(entry) = parse_line(i + 1, line) {
            *counts.entry(entry.level).or_insert(0u32) += 1;
        }
    }
    counts
}

fn main() {
    println!("{BANNER}");
    let input = "2024-05-01T12:00:00Z level=info msg=\"started\" port=8080\n\
                 2024-05-01T12:00:01Z level=warn msg=\"缓存未命中\" key=user:42";
    let hist = histogram(input.lines());
    let mut levels: Vec<_> = hist.iter().collect();
    levels.sort_by_key(|(lvl, _)| **lvl);
    for (lvl, n) in levels {
        println!("{:<6?} {:>4}", lvl, n);
    }
    let sampled = (hist.len() as f64 * SAMPLE_RATE).ceil() as u8;
    assert!(sampled <= 0xFF_u8, "overflow: {}", sampled);
    let bytes = b"raw\x00bytes";
    let ch = '\u{1F600}';
    eprintln!("{} bytes, char {:?}", bytes.len(), ch);
}
