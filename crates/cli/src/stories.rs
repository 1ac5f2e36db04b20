//! `tisserand stories …` and `tisserand story ID -o FILE`: the « belles
//! histoires » of partnerships, their photos and their one-page PDF.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use tisserand_app::{App, AppError, ErrorKind};
use tisserand_domain::story::{PhotoInput, Quote, StoryDetail, StoryInput};

use crate::{output, Format, FormatArg};

#[derive(Subcommand)]
pub(crate) enum StoriesCommand {
    /// Write a story of a partnership; prints its id.
    Create {
        /// The partnership's id.
        partnership: String,
        #[command(flatten)]
        fields: StoryFields,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Edit a story: the fields given replace the stored ones (quotes all
    /// at once when one is given).
    Update {
        id: String,
        /// The version the edit is made on (`stories get` prints it).
        #[arg(long)]
        version: u32,
        #[command(flatten)]
        fields: StoryFields,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// The stories of a partnership.
    List {
        /// The partnership's id.
        partnership: String,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// One story with its indicators' values as they stand.
    Get {
        id: String,
        #[command(flatten)]
        fmt: FormatArg,
    },
    /// Delete a story (`stories restore` brings it back).
    Delete {
        id: String,
    },
    Restore {
        id: String,
    },
    /// Add a photo (JPEG or PNG, at most 25 Mo) to a story.
    AddPhoto {
        id: String,
        file: PathBuf,
        #[command(flatten)]
        meta: PhotoFields,
    },
    /// Change a photo's caption, credit or publication.
    UpdatePhoto {
        photo: String,
        #[command(flatten)]
        meta: PhotoFields,
    },
    /// Remove a photo from its story (`stories restore-photo` brings it back).
    DeletePhoto {
        photo: String,
    },
    RestorePhoto {
        photo: String,
    },
}

#[derive(Args)]
pub(crate) struct StoryFields {
    #[arg(long)]
    headline: Option<String>,
    /// The need on the territory.
    #[arg(long)]
    need: Option<String>,
    /// What the partners did.
    #[arg(long)]
    action: Option<String>,
    /// What changed.
    #[arg(long)]
    change: Option<String>,
    /// The name of a partnership's indicator that shows the change (repeatable).
    #[arg(long = "indicator", value_name = "NAME")]
    indicators: Vec<String>,
    /// A quote that may be published, « TEXT|AUTHOR » (repeatable).
    #[arg(long = "public-quote", value_name = "TEXT|AUTHOR")]
    public_quotes: Vec<String>,
    /// A quote for internal use only, « TEXT|AUTHOR » (repeatable).
    #[arg(long = "quote", value_name = "TEXT|AUTHOR")]
    quotes: Vec<String>,
}

#[derive(Args)]
pub(crate) struct PhotoFields {
    #[arg(long, default_value = "")]
    caption: String,
    /// Who took it.
    #[arg(long, default_value = "")]
    credit: String,
    /// The photo may be published (it then needs its credit).
    #[arg(long)]
    publishable: bool,
}

impl PhotoFields {
    fn input(&self) -> PhotoInput {
        PhotoInput {
            caption: self.caption.clone(),
            credit: self.credit.clone(),
            publishable: self.publishable,
        }
    }
}

/// The story's PDF.
#[derive(Args)]
pub(crate) struct StoryArgs {
    /// The story's id.
    id: String,
    #[arg(short = 'o', long)]
    output: PathBuf,
    /// Print only the quotes and photos that may be published.
    #[arg(long)]
    publication: bool,
    /// The « generated on » date, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
}

fn quote(text: &str, publishable: bool) -> Result<Quote, AppError> {
    let (said, author) = text.rsplit_once('|').ok_or_else(|| {
        AppError::new(
            ErrorKind::Invalid,
            format!("La citation « {text} » n'a pas d'auteur : écrivez « TEXTE|AUTEUR »."),
            format!("Quote \"{text}\" has no author: write \"TEXT|AUTHOR\"."),
        )
    })?;
    Ok(Quote {
        text: said.to_owned(),
        author: author.to_owned(),
        publishable,
    })
}

impl StoryFields {
    /// `base` with the fields given replaced.
    fn over(self, mut base: StoryInput) -> Result<StoryInput, AppError> {
        let replace = |slot: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *slot = v;
            }
        };
        replace(&mut base.headline, self.headline);
        replace(&mut base.need, self.need);
        replace(&mut base.action, self.action);
        replace(&mut base.change, self.change);
        if !self.indicators.is_empty() {
            base.indicators = self.indicators;
        }
        if !self.public_quotes.is_empty() || !self.quotes.is_empty() {
            let public = self.public_quotes.iter().map(|q| quote(q, true));
            let private = self.quotes.iter().map(|q| quote(q, false));
            base.quotes = public.chain(private).collect::<Result<_, _>>()?;
        }
        Ok(base)
    }
}

pub(crate) fn run(app: &mut App, cmd: StoriesCommand) -> Result<(), AppError> {
    match cmd {
        StoriesCommand::Create {
            partnership,
            fields,
            fmt,
        } => {
            let story = app.create_story(&partnership, &fields.over(StoryInput::default())?)?;
            output::created(&story, &story.id, fmt.format);
        }
        StoriesCommand::Update {
            id,
            version,
            fields,
            fmt,
        } => {
            let base = app.get_story(&id)?.story.to_input();
            let story = app.update_story(&id, version, &fields.over(base)?)?;
            output::created(&story, &story.id, fmt.format);
        }
        StoriesCommand::List { partnership, fmt } => {
            let stories = app.list_stories(&partnership)?;
            if fmt.format == Format::Json {
                output::json(&stories);
            } else {
                let rows: Vec<Vec<String>> = stories
                    .iter()
                    .map(|s| {
                        vec![
                            s.id.clone(),
                            s.headline.clone(),
                            s.quote_count.to_string(),
                            s.photo_count.to_string(),
                            s.publishable_count.to_string(),
                        ]
                    })
                    .collect();
                output::table(&["ID", "TITRE", "CITATIONS", "PHOTOS", "PUBLIABLES"], &rows);
            }
        }
        StoriesCommand::Get { id, fmt } => detail(&app.get_story(&id)?, fmt.format),
        StoriesCommand::Delete { id } => {
            app.delete_story(&id)?;
            out!("Histoire supprimée.");
        }
        StoriesCommand::Restore { id } => {
            app.restore_story(&id)?;
            out!("Histoire restaurée.");
        }
        StoriesCommand::AddPhoto { id, file, meta } => {
            let story = app.add_story_photo(&id, &file, &meta.input())?;
            let photo = story.photos.last().map_or("", |p| p.id.as_str());
            out!("{photo}");
        }
        StoriesCommand::UpdatePhoto { photo, meta } => {
            app.update_story_photo(&photo, &meta.input())?;
            out!("Photo modifiée.");
        }
        StoriesCommand::DeletePhoto { photo } => {
            app.delete_story_photo(&photo)?;
            out!("Photo retirée.");
        }
        StoriesCommand::RestorePhoto { photo } => {
            app.restore_story_photo(&photo)?;
            out!("Photo restaurée.");
        }
    }
    Ok(())
}

fn detail(d: &StoryDetail, format: Format) {
    if format == Format::Json {
        output::json(d);
        return;
    }
    let s = &d.story;
    out!("{} (version {})", s.text.headline, s.version);
    out!("{} · {}", d.partnership_title, d.partners.join(", "));
    for (title, text) in [
        ("Le besoin", &s.text.need),
        ("Ce que les partenaires ont fait", &s.text.action),
        ("Ce qui a changé", &s.text.change),
    ] {
        if !text.is_empty() {
            out!("\n{title} :\n{text}");
        }
    }
    for i in &d.indicators {
        let value = i
            .value
            .map_or_else(|| "pas encore mesuré".to_owned(), |v| format!("{v}"));
        let unit = i.unit.as_deref().unwrap_or("");
        out!("- {} : {value} {unit}", i.name);
    }
    for q in &s.text.quotes {
        let mark = if q.publishable {
            ""
        } else {
            " (non publiable)"
        };
        out!("« {} » — {}{mark}", q.text, q.author);
    }
    for p in &s.photos {
        let mark = if p.publishable {
            ""
        } else {
            " (non publiable)"
        };
        out!("Photo {} : {} ({}){mark}", p.id, p.caption, p.file_name);
    }
}

/// `tisserand story ID -o FILE`.
pub(crate) fn pdf(app: &App, a: &StoryArgs) -> Result<(), AppError> {
    let on = match a.date.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => crate::clock::now().today(),
        Some(t) => crate::partnerships::date_of(t)?,
    };
    let bytes = app.story_pdf(&a.id, a.publication, on)?;
    tisserand_app::write_document(&a.output, &bytes)?;
    out!("PDF écrit : {}", a.output.display());
    Ok(())
}
