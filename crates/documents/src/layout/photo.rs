//! Photos on a page: `Writer::photo` decodes a JPEG or PNG, scales it to
//! the size it prints at (`PRINT_DPI`), places it centred in a frame with
//! its ratio kept, and remembers it in a `PhotoSheet` that the document's
//! save adds to the PDF's resources. Reusable by any document (the story,
//! the impact report). Ids come from the order of placement, so the same
//! photos give the same bytes.

use image::imageops::FilterType;
use printpdf::{Op, Pt, RawImage, XObject, XObjectId, XObjectTransform};

use super::writer::Writer;

/// The resolution photos are printed at, in dots per inch.
pub(crate) const PRINT_DPI: f32 = 200.0;

/// The photos placed in a document, to add to its resources when saved.
#[derive(Debug, Default)]
pub(crate) struct PhotoSheet {
    images: Vec<(XObjectId, RawImage)>,
}

impl PhotoSheet {
    /// The photos as PDF resources (`PdfDocument::resources.xobjects`).
    pub(crate) fn into_resources(self) -> impl Iterator<Item = (XObjectId, XObject)> {
        self.images
            .into_iter()
            .map(|(id, image)| (id, XObject::Image(image)))
    }
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
    /// Draws the photo in `bytes` (JPEG or PNG) centred in `frame`, ratio
    /// kept; returns the size it takes, or `None` when the bytes are not a
    /// readable picture (nothing is drawn then).
    pub(crate) fn photo(
        &mut self,
        sheet: &mut PhotoSheet,
        bytes: &[u8],
        frame: Frame,
    ) -> Option<(f32, f32)> {
        let picture = image::load_from_memory(bytes).ok()?;
        let (w, h) = fitted(picture.width(), picture.height(), frame);
        // Pixels for the printed size: no more than the photo has.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let target = |pt: f32| ((pt / 72.0 * PRINT_DPI).round() as u32).max(1);
        let scaled = if target(w) < picture.width() {
            picture.resize_exact(target(w), target(h), FilterType::Triangle)
        } else {
            picture
        };
        let rgb = image::DynamicImage::ImageRgb8(scaled.to_rgb8());
        let raw = RawImage::from_dynamic_image(rgb).ok()?;
        let id = XObjectId(format!("Photo{}", sheet.images.len() + 1));
        #[allow(clippy::cast_precision_loss)]
        let (px_w, px_h) = (raw.width as f32, raw.height as f32);
        let x = frame.x + (frame.w - w) / 2.0;
        let bottom = frame.top - (frame.h + h) / 2.0;
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(bottom)),
                scale_x: Some(w / px_w),
                scale_y: Some(h / px_h),
                dpi: Some(72.0),
                ..XObjectTransform::default()
            },
        });
        self.mark();
        sheet.images.push((id, raw));
        Some((w, h))
    }
}
