//! A story's photo, from the file a person chose to what the database
//! keeps: JPEG and PNG only, decoded, turned upright (EXIF orientation),
//! resized so its long side is at most `PHOTO_SIDE_MAX` pixels, flattened
//! on white and re-encoded as JPEG, with a thumbnail for lists. Anything
//! else is refused with a sentence naming the file, before anything is
//! written.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use tisserand_store::PhotoImage;

use crate::{AppError, AppResult, ErrorKind};

/// The largest file accepted, in bytes (25 Mo).
pub const PHOTO_FILE_MAX: u64 = 25 * 1024 * 1024;
/// The long side of a stored photo, in pixels.
pub const PHOTO_SIDE_MAX: u32 = 1600;
/// The long side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 320;
/// JPEG quality of stored photos and thumbnails.
const JPEG_QUALITY: u8 = 82;
/// Largest picture decoded, in pixels on a side (a 25 Mo PNG can claim
/// far more than memory holds).
const DECODE_SIDE_MAX: u32 = 12_000;

fn refused(path: &Path, fr: &str, en: &str) -> AppError {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    AppError::new(
        ErrorKind::Invalid,
        format!("« {name} » {fr} Rien n'a été ajouté."),
        format!("\"{name}\" {en} Nothing was added."),
    )
}

/// Reads, checks and prepares the photo at `path`.
///
/// # Errors
/// `Invalid` naming the file when it is too large, not a JPEG or PNG
/// image, or damaged; `Storage` when it cannot be read.
pub(crate) fn prepare_photo(path: &Path) -> AppResult<PhotoImage> {
    let bytes = read_at_most(path, PHOTO_FILE_MAX, |size| {
        refused(
            path,
            &format!(
                "pèse {} Mo, plus que les {} Mo acceptés : réduisez la photo avant de l'ajouter.",
                size / (1024 * 1024),
                PHOTO_FILE_MAX / (1024 * 1024)
            ),
            &format!(
                "is {} MB, more than the {} MB accepted: make the photo smaller first.",
                size / (1024 * 1024),
                PHOTO_FILE_MAX / (1024 * 1024)
            ),
        )
    })?;
    prepare_photo_bytes(path, &bytes)
}

/// The bytes of the file at `path`, or `too_big(size)` when it is larger
/// than `max` bytes (checked before reading it).
///
/// # Errors
/// `too_big`'s error; `Storage` naming the file when it cannot be read.
fn read_at_most(path: &Path, max: u64, too_big: impl Fn(u64) -> AppError) -> AppResult<Vec<u8>> {
    let io = |e: std::io::Error| {
        AppError::from(tisserand_store::StoreError::Io {
            path: path.to_owned(),
            kind: e.kind(),
            message: e.to_string(),
        })
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max {
        return Err(too_big(size));
    }
    std::fs::read(path).map_err(io)
}

/// Checks and prepares the photo in `bytes`, read from `path` (the name
/// its messages give).
///
/// # Errors
/// `Invalid` naming the file when it is not a JPEG or PNG image or is
/// damaged.
pub(crate) fn prepare_photo_bytes(path: &Path, bytes: &[u8]) -> AppResult<PhotoImage> {
    let image = decode(path, bytes, PHOTO_WORDS)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    prepared(path, file_name, &image)
}

/// How the refusals of a picture name what it should have been.
#[derive(Clone, Copy)]
struct Words {
    not_image: (&'static str, &'static str),
}

const PHOTO_WORDS: Words = Words {
    not_image: (
        "n'est pas une photo JPEG ou PNG : choisissez un fichier .jpg, .jpeg ou .png.",
        "is not a JPEG or PNG photo: choose a .jpg, .jpeg or .png file.",
    ),
};

const LOGO_WORDS: Words = Words {
    not_image: (
        "n'est pas une image PNG, JPEG ou SVG : choisissez le logo au format .png, .jpg, .jpeg ou .svg.",
        "is not a PNG, JPEG or SVG image: choose the logo as a .png, .jpg, .jpeg or .svg file.",
    ),
};

/// Whether `bytes` look like an SVG document (XML whose root is `svg`).
fn is_svg(path: &Path, bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let named = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    head.contains("<svg") || (named && head.trim_start().starts_with('<'))
}

/// The SVG in `bytes` drawn with its long side at `side` pixels.
///
/// # Errors
/// `Invalid` naming the file when it is not an SVG that can be drawn.
fn rasterise_svg(path: &Path, bytes: &[u8], side: u32) -> AppResult<DynamicImage> {
    use resvg::{tiny_skia, usvg};
    let unreadable = || {
        refused(
            path,
            "est une image SVG qui ne peut pas être lue : enregistrez-la à nouveau depuis votre logiciel de dessin, ou choisissez un PNG.",
            "is an SVG image that cannot be read: save it again from your drawing software, or choose a PNG.",
        )
    };
    let tree = usvg::Tree::from_data(bytes, &usvg::Options::default()).map_err(|e| {
        tracing::info!("logo {}: {e}", path.display());
        unreadable()
    })?;
    let size = tree.size();
    let long = size.width().max(size.height());
    if long <= 0.0 {
        return Err(unreadable());
    }
    #[allow(clippy::cast_precision_loss)]
    let scale = side as f32 / long;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (w, h) = (
        (size.width() * scale).round().max(1.0) as u32,
        (size.height() * scale).round().max(1.0) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or_else(unreadable)?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    image::RgbaImage::from_raw(w, h, rgba)
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(unreadable)
}

/// The long side of a stored logo, in pixels (about 5 cm at 300 dpi).
pub const LOGO_SIDE_MAX: u32 = 600;

/// Reads, checks and prepares the organisation's logo at `path`: PNG, JPEG
/// or SVG (drawn at `LOGO_SIDE_MAX` pixels; text in it must be paths), at
/// most 5 Mo, reduced, flattened on white, kept as JPEG.
///
/// # Errors
/// `Invalid` naming the file when it is too large, not a PNG or JPEG
/// image, or damaged; `Storage` when it cannot be read.
pub(crate) fn prepare_logo(path: &Path) -> AppResult<tisserand_store::Logo> {
    use tisserand_domain::settings::LOGO_FILE_MAX;
    let bytes = read_at_most(path, LOGO_FILE_MAX, |_| {
        refused(
            path,
            &format!(
                "pèse plus de {} Mo, la taille acceptée pour un logo : choisissez une image plus légère.",
                LOGO_FILE_MAX / (1024 * 1024)
            ),
            &format!(
                "is larger than {} MB, the size accepted for a logo: choose a lighter image.",
                LOGO_FILE_MAX / (1024 * 1024)
            ),
        )
    })?;
    let image = if is_svg(path, &bytes) {
        rasterise_svg(path, &bytes, LOGO_SIDE_MAX)?
    } else {
        decode(path, &bytes, LOGO_WORDS)?
    };
    Ok(tisserand_store::Logo {
        jpeg: jpeg(path, &on_white(&fit(&image, LOGO_SIDE_MAX)))?,
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    })
}

/// The picture in `bytes`, upright, if it is a JPEG or a PNG.
fn decode(path: &Path, bytes: &[u8], words: Words) -> AppResult<DynamicImage> {
    let not_image = || refused(path, words.not_image.0, words.not_image.1);
    let damaged = |e: image::ImageError| {
        tracing::info!("photo {}: {e}", path.display());
        refused(
            path,
            "est une image abîmée ou trop grande qui ne peut pas être lue : ouvrez-la et enregistrez-la à nouveau.",
            "is a damaged or oversized image that cannot be read: open it and save it again.",
        )
    };
    let format = image::guess_format(bytes).map_err(|_| not_image())?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png) {
        return Err(not_image());
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(DECODE_SIDE_MAX);
    limits.max_image_height = Some(DECODE_SIDE_MAX);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let orientation = decoder.orientation().map_err(damaged)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The stored photo and its thumbnail.
fn prepared(path: &Path, file_name: String, image: &DynamicImage) -> AppResult<PhotoImage> {
    let full = on_white(&fit(image, PHOTO_SIDE_MAX));
    let thumbnail = on_white(&fit(image, THUMBNAIL_SIDE));
    Ok(PhotoImage {
        file_name,
        width: full.width(),
        height: full.height(),
        image: jpeg(path, &full)?,
        thumbnail: jpeg(path, &thumbnail)?,
    })
}

/// `image` scaled down (never up) so its long side is at most `side`.
fn fit(image: &DynamicImage, side: u32) -> DynamicImage {
    if image.width() <= side && image.height() <= side {
        image.clone()
    } else {
        image.resize(side, side, image::imageops::FilterType::Triangle)
    }
}

/// The picture on a white background (a PNG's transparency would print
/// black in a JPEG).
fn on_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let a = u16::from(p[3]);
        let mix = |c: u8| u8::try_from((u16::from(c) * a + 255 * (255 - a)) / 255).unwrap_or(255);
        image::Rgb([mix(p[0]), mix(p[1]), mix(p[2])])
    })
}

fn jpeg(path: &Path, image: &RgbImage) -> AppResult<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(image)
        .map_err(|e| {
            AppError::new(
                ErrorKind::Internal,
                format!(
                    "La photo « {} » n'a pas pu être réenregistrée : {e}.",
                    path.display()
                ),
                format!("Photo \"{}\" could not be re-encoded: {e}.", path.display()),
            )
        })?;
    Ok(out)
}

/// `bytes` (a JPEG) as a `data:` URL the window shows in an `<img>`
/// (the CSP allows `img-src data:`).
pub(crate) fn data_url(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:image/jpeg;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}
