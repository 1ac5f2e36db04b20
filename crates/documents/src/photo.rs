//! Photos in PDFs, for every document that shows some (the story, the
//! impact report): a JPEG file is embedded as it is (a `DCTDecode` image
//! stream, no decoding nor re-encoding — stored photos are JPEG files the
//! intake already resized), after reading its size and colour space from
//! its frame header. `Writer::photo` places one centred in a frame with its
//! ratio kept and remembers it in a `PhotoSheet`, whose photos the
//! document's save adds to the PDF's resources. Ids come from the order of
//! placement, so the same photos give the same bytes.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, XObject, XObjectId};

use crate::layout::Writer;

/// What a JPEG's frame header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JpegInfo {
    pub width: u32,
    pub height: u32,
    /// 1 grey, 3 colour (YCbCr or RGB), 4 CMYK.
    pub components: u8,
    /// An Adobe marker is present: CMYK is stored inverted.
    pub adobe: bool,
}

/// Reads the size and components of a JPEG (baseline or progressive);
/// `None` when `bytes` is not a JPEG with a frame header.
pub(crate) fn jpeg_info(bytes: &[u8]) -> Option<JpegInfo> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    let mut adobe = false;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let body = bytes.get(i + 4..i + 2 + len)?;
        if marker == 0xEE && body.starts_with(b"Adobe") {
            adobe = true;
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let height = u32::from(u16::from_be_bytes([*body.get(1)?, *body.get(2)?]));
            let width = u32::from(u16::from_be_bytes([*body.get(3)?, *body.get(4)?]));
            let components = *body.get(5)?;
            let ok = width > 0 && height > 0 && matches!(components, 1 | 3 | 4);
            return ok.then_some(JpegInfo {
                width,
                height,
                components,
                adobe,
            });
        }
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        i += 2 + len;
    }
    None
}

/// A photo ready to place: its resource id, size in pixels, and the image.
#[derive(Debug, Clone)]
pub(crate) struct Photo {
    pub id: XObjectId,
    pub width: u32,
    pub height: u32,
    pub xobject: XObject,
}

impl Photo {
    /// The JPEG `bytes` as an image named `id` in the file; `None` when
    /// they are not a readable JPEG.
    pub(crate) fn jpeg(bytes: &[u8], id: &str) -> Option<Self> {
        let info = jpeg_info(bytes)?;
        let name = |s: &str| DictItem::Name(s.as_bytes().to_vec());
        let space = match info.components {
            1 => "DeviceGray",
            4 => "DeviceCMYK",
            _ => "DeviceRGB",
        };
        let mut dict = BTreeMap::new();
        dict.insert("Type".to_owned(), name("XObject"));
        dict.insert("Subtype".to_owned(), name("Image"));
        dict.insert("Width".to_owned(), DictItem::Int(i64::from(info.width)));
        dict.insert("Height".to_owned(), DictItem::Int(i64::from(info.height)));
        dict.insert("ColorSpace".to_owned(), name(space));
        dict.insert("BitsPerComponent".to_owned(), DictItem::Int(8));
        dict.insert("Filter".to_owned(), name("DCTDecode"));
        if info.components == 4 && info.adobe {
            let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
            dict.insert("Decode".to_owned(), DictItem::Array(decode));
        }
        Some(Self {
            id: XObjectId(id.to_owned()),
            width: info.width,
            height: info.height,
            xobject: XObject::External(ExternalXObject {
                stream: ExternalStream {
                    dict,
                    content: bytes.to_vec(),
                    compress: false,
                },
                width: None,
                height: None,
                dpi: None,
            }),
        })
    }

    /// The largest size with the photo's proportions within `max_w` ×
    /// `max_h` points.
    pub(crate) fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let frame = Frame {
            x: 0.0,
            top: 0.0,
            w: max_w,
            h: max_h,
        };
        fitted(self.width, self.height, frame)
    }
}

/// The photos placed in a document, to add to its resources when saved.
#[derive(Debug, Default)]
pub(crate) struct PhotoSheet {
    pub photos: Vec<Photo>,
}

/// Where a photo goes: the frame's left edge and top, its width and
/// height, in points (origin at the bottom of the page).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Frame {
    pub x: f32,
    pub top: f32,
    pub w: f32,
    pub h: f32,
}

/// The size a `px_w` × `px_h` picture takes in `frame`, ratio kept.
pub(crate) fn fitted(px_w: u32, px_h: u32, frame: Frame) -> (f32, f32) {
    #[allow(clippy::cast_precision_loss)]
    let (w, h) = (px_w.max(1) as f32, px_h.max(1) as f32);
    let scale = (frame.w / w).min(frame.h / h);
    (w * scale, h * scale)
}

impl Writer<'_> {
    /// Draws the JPEG in `bytes` centred in `frame`, ratio kept; returns
    /// the size it takes, or `None` when the bytes are not a readable JPEG
    /// (nothing is drawn then).
    pub(crate) fn photo(
        &mut self,
        sheet: &mut PhotoSheet,
        bytes: &[u8],
        frame: Frame,
    ) -> Option<(f32, f32)> {
        let photo = Photo::jpeg(bytes, &format!("Photo{}", sheet.photos.len() + 1))?;
        let (w, h) = fitted(photo.width, photo.height, frame);
        let x = frame.x + (frame.w - w) / 2.0;
        let bottom = frame.top - (frame.h + h) / 2.0;
        self.image(&photo.id, x, bottom, w, h);
        sheet.photos.push(photo);
        Some((w, h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = include_bytes!("../tests/fixtures/photo.jpg");

    #[test]
    fn reads_the_frame_header() {
        let info = jpeg_info(JPEG).expect("jpeg");
        assert_eq!((info.width, info.height, info.components), (160, 120, 3));
        assert_eq!(jpeg_info(b"\x89PNG\r\n\x1a\n...."), None);
        assert_eq!(jpeg_info(&JPEG[..20]), None, "cut before the frame");
        assert_eq!(jpeg_info(b""), None);
    }

    #[test]
    fn fits_in_a_box_keeping_proportions() {
        let p = Photo::jpeg(JPEG, "IMG1").expect("photo");
        let (w, h) = p.fit(400.0, 150.0);
        assert!((h - 150.0).abs() < 0.01 && (w - 200.0).abs() < 0.01);
        let (w, h) = p.fit(100.0, 300.0);
        assert!((w - 100.0).abs() < 0.01 && (h - 75.0).abs() < 0.01);
    }
}
