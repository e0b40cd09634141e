// A placeholder: this package exists for its Cargo.lock (see Cargo.toml).
fn main() {}
