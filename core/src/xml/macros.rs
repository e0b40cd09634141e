//! [`xml_model!`](crate::xml_model): a struct mapped to a sequence of child elements.

/// Declares a struct mapped to a sequence of child elements, in wire order.
///
/// ```text
/// xml_model! {
///     /// docs
///     pub struct ShippingDetails {
///         /// docs
///         pub ship_to_name: Option<Text> => "shipToName",
///         pub products: Vec<ProductDetail> => "ProductDetails" / "ProductDetail",  // wrapped list
///         pub events: Vec<Event> => "event",                                       // repeated
///         pub last_name: Option<Text> => "Lastname" | "LastName",                  // spellings read
///         pub name: Option<Text> => "FirstName" [max 65],                          // a length rule
///     }
/// }
/// ```
///
/// Every element but a repeated one (a `Vec` without wrapper) may appear once: a second
/// occurrence, under any of its spellings, is refused (`duplicate_element`). The spellings
/// after `|` are other names of the *same* element (documentation typos); distinct elements
/// get distinct fields.
///
/// A struct declared with `#[unknown]` before `pub struct` keeps what it does not know, and
/// writes it back: unknown children whole in `unknown: Vec<UnknownElement>`, the attributes of
/// its own element in `attributes`, those of its known leaves and list wrappers in
/// `child_attributes`. Every result-side model is declared so.
macro_rules! xml_model {
    (@item) => { None };
    (@item $item:literal) => { Some($item) };
    (@max) => { None };
    (@max $max:literal) => { Some($max) };
    (@unknown_read keep, $self:ident, $r:ident, $child:ident) => {
        $crate::xml::keep_unknown(&mut $self.unknown, $r, $child)
    };
    (@unknown_read skip, $self:ident, $r:ident, $child:ident) => { $r.skip($child) };
    (@unknown_write keep, $self:ident, $w:ident) => {
        $crate::xml::write_unknown(&$self.unknown, $w)
    };
    (@unknown_write skip, $self:ident, $w:ident) => { Ok(()) };
    (@kept_mut keep, $self:ident) => { Some(&mut $self.child_attributes) };
    (@kept_mut skip, $self:ident) => { None };
    (@kept_empty keep, $self:ident) => {
        $self.unknown.is_empty() && $self.attributes.is_empty() && $self.child_attributes.is_empty()
    };
    (@kept_empty skip, $self:ident) => { true };
    (@kept keep, $self:ident) => { &$self.child_attributes };
    (@kept skip, $self:ident) => { &[] };
    (@own keep) => {
        fn read_own_attributes<'a>(
            &mut self,
            r: &mut $crate::xml::XmlReader<'a>,
            element: &$crate::xml::Child<'a>,
        ) -> $crate::Result<()> {
            $crate::xml::keep_own_attributes(&mut self.attributes, r, element)
        }

        fn own_attributes(&self) -> &[$crate::xml::KeptAttribute] {
            &self.attributes
        }
    };
    (@own skip) => {};
    (@owns keep) => {
        fn owns_attribute(_: &str) -> bool {
            true
        }
    };
    (@owns skip) => {};
    (@struct $mode:ident
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident : $ty:ty => $xml:literal $(/ $item:literal)? $(| $alias:literal)* $([max $max:literal])?
            ),* $(,)?
        }
        { $($extra:tt)* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "camelCase", default, deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(skip_serializing_if = "crate::xml::Absent::is_absent")]
                pub $field: $ty,
            )*
            $($extra)*
        }

        impl $crate::xml::XmlModel for $name {
            fn write_children(&self, w: &mut $crate::xml::XmlWriter) -> $crate::Result<()> {
                // One call for every field (the WASM modules' size): see `write_fields`.
                let fields: &[$crate::xml::FieldOut<'_>] = &[$(
                    (&self.$field, $xml, &[$xml $(, $alias)*], $crate::xml_model!(@item $($item)?)),
                )*];
                $crate::xml::write_fields(w, fields, $crate::xml_model!(@kept $mode, self))?;
                $crate::xml_model!(@unknown_write $mode, self, w)
            }

            fn check_children(&self, check: &mut $crate::validate::Check, path: &str) {
                $(
                    $crate::xml::XmlField::check_field(
                        &self.$field, check, path, $xml,
                        $crate::xml_model!(@item $($item)?), $crate::xml_model!(@max $($max)?));
                )*
            }

            fn read_child<'a>(
                &mut self,
                r: &mut $crate::xml::XmlReader<'a>,
                child: &$crate::xml::Child<'a>,
                seen: &mut $crate::xml::Seen,
            ) -> $crate::Result<()> {
                // Each field's index, for `seen`.
                #[allow(non_camel_case_types, dead_code)]
                enum __Field { $($field,)* }
                const _: () = assert!(<[&str]>::len(&[$(stringify!($field)),*]) <= 128);
                // The arms only pick the field: what reading it involves is written once, in
                // `read_field_of` (the WASM modules' size).
                #[allow(unreachable_code)]
                {
                    let (field, index, item): (&mut dyn $crate::xml::DynField, u32, Option<&'static str>) =
                        match child.local {
                            $(
                                $xml $(| $alias)* => (
                                    &mut self.$field as &mut dyn $crate::xml::DynField,
                                    __Field::$field as u32,
                                    $crate::xml_model!(@item $($item)?),
                                ),
                            )*
                            _ => return $crate::xml_model!(@unknown_read $mode, self, r, child),
                        };
                    $crate::xml::read_field_of(field, index, item, seen,
                        $crate::xml_model!(@kept_mut $mode, self), r, child)
                }
            }

            fn is_empty_value(&self) -> bool {
                true $(&& $crate::xml::Absent::is_absent(&self.$field))*
                    && $crate::xml_model!(@kept_empty $mode, self)
            }

            $crate::xml_model!(@own $mode);
        }

        impl $crate::xml::XmlNode for $name {
            fn write_node(&self, w: &mut $crate::xml::XmlWriter, name: &'static str) -> $crate::Result<()> {
                // An empty block carries nothing: it is omitted, as an absent one.
                if $crate::xml::XmlModel::is_empty_value(self) {
                    return Ok(());
                }
                $crate::xml::XmlModel::write_element(self, w, name)
            }
            fn read_node<'a>(
                r: &mut $crate::xml::XmlReader<'a>,
                child: &$crate::xml::Child<'a>,
            ) -> $crate::Result<Option<Self>> {
                $crate::xml::read_model_node(r, child)
            }
            fn read_node_in<'a>(
                r: &mut $crate::xml::XmlReader<'a>,
                child: &$crate::xml::Child<'a>,
                slot: &mut Option<Self>,
            ) -> $crate::Result<()> {
                $crate::xml::read_model_in(r, child, slot)
            }
            fn read_into<'a>(
                r: &mut $crate::xml::XmlReader<'a>,
                child: &$crate::xml::Child<'a>,
                list: &mut Vec<Self>,
            ) -> $crate::Result<()> {
                $crate::xml::read_model_into(r, child, list)
            }
            $crate::xml_model!(@owns $mode);
            fn check_node(&self, check: &mut $crate::validate::Check, path: &str, _: Option<usize>) {
                $crate::xml::XmlModel::check_children(self, check, path)
            }
        }
    };
    (#[unknown] $($rest:tt)*) => {
        $crate::xml_model!(@struct keep $($rest)* {
            /// Elements this library does not know, kept whole, in document order (see
            /// [`UnknownElement`](crate::xml::UnknownElement)).
            #[serde(skip_serializing_if = "crate::xml::KeptList::is_empty")]
            pub unknown: $crate::xml::KeptList<$crate::xml::UnknownElement>,
            /// The attributes of this element itself, kept and written back (namespace
            /// declarations aside).
            #[serde(skip_serializing_if = "crate::xml::KeptList::is_empty")]
            pub attributes: $crate::xml::KeptList<$crate::xml::KeptAttribute>,
            /// The attributes of its known leaves and list wrappers, by element, kept and
            /// written back (a leaf's value is plain text).
            #[serde(skip_serializing_if = "crate::xml::KeptList::is_empty")]
            pub child_attributes: $crate::xml::KeptList<$crate::xml::ChildAttributes>,
        });
    };
    ($($rest:tt)*) => {
        $crate::xml_model!(@struct skip $($rest)* {});
    };
}
pub(crate) use xml_model;
