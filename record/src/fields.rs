//! The fields of tokio's spans and events, collected by name.

use std::fmt;
use tracing_core::field::{Field, Visit};

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    U(u64),
    I(i64),
    B(bool),
    S(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::U(v) => write!(f, "{v}"),
            Value::I(v) => write!(f, "{v}"),
            Value::B(v) => write!(f, "{v}"),
            Value::S(v) => f.write_str(v),
        }
    }
}

/// The fields of one span or event, in the order tokio wrote them.
#[derive(Default, Debug)]
pub(crate) struct Fields(pub Vec<(&'static str, Value)>);

impl Fields {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Value::S(s)) => Some(s),
            _ => None,
        }
    }

    pub fn u64(&self, name: &str) -> Option<u64> {
        match self.get(name) {
            Some(Value::U(v)) => Some(*v),
            Some(Value::I(v)) if *v >= 0 => Some(*v as u64),
            _ => None,
        }
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name) {
            Some(Value::B(v)) => Some(*v),
            _ => None,
        }
    }
}

impl Visit for Fields {
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.push((field.name(), Value::U(value)));
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0.push((field.name(), Value::I(value)));
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.push((field.name(), Value::B(value)));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name(), Value::S(value.to_string())));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        // `%kind` and `%name` arrive here as Display wrapped in Debug: no quotes.
        self.0.push((field.name(), Value::S(format!("{value:?}"))));
    }
}

/// Where a span was created, as tokio reports it (`Location::caller()`: 1-based line and column).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Loc {
    pub file: String,
    pub line: u32,
    pub col: u32,
}

impl Loc {
    /// `loc.file` / `loc.line` / `loc.col` (tasks, resources) or `spawn.location = "file:line:col"`
    /// (spawn_blocking).
    pub fn of(fields: &Fields) -> Option<Loc> {
        if let (Some(file), Some(line), Some(col)) = (
            fields.str("loc.file"),
            fields.u64("loc.line"),
            fields.u64("loc.col"),
        ) {
            return Some(Loc {
                file: file.to_string(),
                line: line as u32,
                col: col as u32,
            });
        }
        let s = fields.str("spawn.location")?;
        let mut parts = s.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        let file = parts.next()?.to_string();
        Some(Loc { file, line, col })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spawn_location_is_split_from_the_right() {
        let f = Fields(vec![(
            "spawn.location",
            Value::S("C:/a:b/main.rs:12:5".into()),
        )]);
        assert_eq!(
            Loc::of(&f),
            Some(Loc {
                file: "C:/a:b/main.rs".into(),
                line: 12,
                col: 5
            })
        );
        let bad = Fields(vec![("spawn.location", Value::S("main.rs".into()))]);
        assert_eq!(Loc::of(&bad), None);
    }
}
