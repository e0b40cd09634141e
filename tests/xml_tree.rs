//! Element-for-element comparison of two XML documents: same namespaces and local names in the
//! same order, same leaf text; prefixes, namespace declarations, comments, the XML declaration
//! and indentation are not significant.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

#[derive(Debug, PartialEq)]
pub(crate) struct Node {
    ns: String,
    name: String,
    text: String,
    children: Vec<Node>,
}

fn parse(doc: &[u8]) -> Result<Node, String> {
    let text = std::str::from_utf8(doc).map_err(|e| e.to_string())?;
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let ns = match resolved {
            ResolveResult::Bound(ns) => ns.into_inner().to_owned(),
            _ => String::new(),
        };
        match event {
            Event::Start(s) => stack.push(Node {
                ns,
                name: s.local_name().into_inner().to_owned(),
                text: String::new(),
                children: Vec::new(),
            }),
            Event::Empty(s) => {
                stack.push(Node {
                    ns,
                    name: s.local_name().into_inner().to_owned(),
                    text: String::new(),
                    children: Vec::new(),
                });
                if let Some(done) = close(&mut stack) {
                    return Ok(done);
                }
            }
            Event::End(_) => {
                if let Some(done) = close(&mut stack) {
                    return Ok(done);
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&c.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::unescape(&format!("&{};", &*r))
                        .map_err(|e| e.to_string())?
                        .into_owned(),
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&c);
                }
            }
            Event::Eof => return Err("document ended before its root closed".into()),
            _ => {}
        }
    }
}

/// Pops the top node into its parent; returns the root when it closes.
fn close(stack: &mut Vec<Node>) -> Option<Node> {
    let node = stack.pop()?;
    match stack.last_mut() {
        Some(parent) => {
            parent.children.push(node);
            None
        }
        None => Some(node),
    }
}

fn normalise(node: &mut Node) {
    if !node.children.is_empty() {
        node.text.clear();
    }
    node.children.iter_mut().for_each(normalise);
}

fn diff(path: &str, a: &Node, b: &Node) -> Option<String> {
    let here = format!("{path}/{}", a.name);
    if a.name != b.name || a.ns != b.ns {
        return Some(format!(
            "{path}: expected <{}> in `{}`, got <{}> in `{}`",
            b.name, b.ns, a.name, a.ns
        ));
    }
    if a.text != b.text {
        return Some(format!(
            "{here}: expected text {:?}, got {:?}",
            b.text, a.text
        ));
    }
    for (i, (ca, cb)) in a.children.iter().zip(&b.children).enumerate() {
        if let Some(d) = diff(&format!("{here}[{i}]"), ca, cb) {
            return Some(d);
        }
    }
    if a.children.len() != b.children.len() {
        let names = |n: &Node| {
            n.children
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Some(format!(
            "{here}: expected children [{}], got [{}]",
            names(b),
            names(a)
        ));
    }
    None
}

/// `Ok` when `got` and `expected` are the same document element for element.
pub(crate) fn same_document(got: &[u8], expected: &[u8]) -> Result<(), String> {
    let mut a = parse(got).map_err(|e| format!("built document: {e}"))?;
    let mut b = parse(expected).map_err(|e| format!("expected document: {e}"))?;
    normalise(&mut a);
    normalise(&mut b);
    match diff("", &a, &b) {
        None => Ok(()),
        Some(d) => Err(format!("{d}\n--- built\n{}", String::from_utf8_lossy(got))),
    }
}
