"""transformer.v1: fine-tune and run any encoder (BERT, RoBERTa, ...) from a local directory.

Why any local encoder: no Chinese pretrained model can be downloaded on our machines, so the
user brings one (e.g. a Chinese RoBERTa saved with `save_pretrained`) and this backend adds a
three-way classification head and fine-tunes it on our labelled views. Nothing is ever fetched:
every load passes `local_files_only=True`, and a folder that is not a model says so by name.

What the model reads is `views.target_view`: the title and the sentences around the target's
mentions, with the target masked as TGT and other targets as OTH, so one model serves every
catalogue target. `none` is decided by mention (views.mentioned_targets), never by the model.

A stance's score is its label's probability divided down by a temperature
(pipeline/stance/calibration.py), fitted at training on views held out from the fine-tuning
(CALIBRATION_SHARE of the articles, whole articles so that no held-out view has a sibling in
training): a fine-tuned encoder is sure of itself (Guo et al. 2017), and users filter on the
score. The linear models fit theirs on cross-validated probabilities; five fine-tunes of an
encoder would cost hours on a CPU, so this one learns from the rest and says so in its card.

torch and transformers are imported inside functions: importing this module (which the registry
does to learn the name) must stay cheap for users who run only lexicon.v1 or linear.v1.
"""

from __future__ import annotations

import json
import logging
import math
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import ConfigError, UnknownModelError
from pipeline.records import Stance
from pipeline.staging import staged_into
from pipeline.stance import views as stance_views
from pipeline.stance.base import AnalysisInput
from pipeline.stance.calibration import fit_temperature, tempered
from pipeline.stance.registry import register

if TYPE_CHECKING:
    from pipeline.settings import Settings
    from pipeline.targets import Catalogue

log = logging.getLogger(__name__)

NAME = "transformer.v1"
LABELS = ("bullish", "bearish", "neutral")
META_FILE = "duokong.json"
EVIDENCE_MAX = 3
INFERENCE_BATCH = 32
WARMUP_SHARE = 0.1
PROGRESS_EVERY = 20  # batches between progress lines: an epoch on CPU takes minutes
# Share of the articles `duokong train` holds out of the fine-tuning to fit the temperature on;
# under MIN_CALIBRATION held-out views no fit is worth its noise, and the model learns from all.
CALIBRATION_SHARE = 0.15
MIN_CALIBRATION = 30
TEMPERATURE_KEY = "temperature"
TORCH_HINT = f"{NAME} needs torch: pip install -e '.[transformer]'"


def _require_torch() -> tuple[Any, Any]:
    """torch and transformers, or an error that says how to install them."""
    try:
        import torch
    except ImportError:
        raise ConfigError(TORCH_HINT) from None
    import transformers

    return torch, transformers


def _check_base_dir(base_dir: Path) -> None:
    """Fail before any loading when the folder cannot be a transformers model: from_pretrained
    would otherwise read a bare name as a Hub id and give a confusing network error."""
    if not base_dir.is_dir():
        raise ConfigError(
            f"{base_dir} is not a directory; --base must be a local folder holding a "
            "transformers encoder (config.json, weights, tokenizer files)"
        )
    if not (base_dir / "config.json").is_file():
        raise ConfigError(
            f"{base_dir} is not a model directory (no config.json); --base must be a local "
            "folder holding a transformers encoder saved with save_pretrained "
            "(config.json, weights, tokenizer files)"
        )


def _length_limit(config: Any, tokenizer: Any, max_length: int) -> int:
    """max_length capped by what the encoder can embed, so a small or old model does not fail
    with an index error on long views."""
    limit = max_length
    positions = getattr(config, "max_position_embeddings", None)
    if isinstance(positions, int) and positions > 0:
        if "roberta" in (getattr(config, "model_type", "") or ""):
            positions -= (getattr(config, "pad_token_id", None) or 0) + 1  # padding_idx offset
        limit = min(limit, positions)
    model_max = getattr(tokenizer, "model_max_length", None)
    if isinstance(model_max, int) and 0 < model_max < 100_000:
        limit = min(limit, model_max)
    if limit < max_length:
        log.info("max_length %d capped to %d, what the encoder can embed", max_length, limit)
    return limit


def _load_base(base_dir: Path) -> tuple[Any, Any]:
    """Tokenizer and a fresh three-way classifier on top of the encoder in base_dir."""
    _, transformers = _require_torch()
    _check_base_dir(base_dir)
    id2label = dict(enumerate(LABELS))
    label2id = {label: i for i, label in id2label.items()}
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(base_dir, local_files_only=True)
        model = transformers.AutoModelForSequenceClassification.from_pretrained(
            base_dir,
            local_files_only=True,
            num_labels=len(LABELS),
            id2label=id2label,
            label2id=label2id,
            # A base that already has a head of another size (e.g. 2 labels) gets a new one.
            ignore_mismatched_sizes=True,
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot load an encoder from {base_dir}: {exc}") from None
    if tokenizer.pad_token is None:
        raise ConfigError(
            f"the tokenizer in {base_dir} has no padding token; {NAME} expects an encoder "
            "such as BERT or RoBERTa"
        )
    # The masks should be one token each, also for encoders whose vocabulary lacks them (a
    # lower-casing Chinese vocabulary would read "TGT" as t ##g ##t); new rows are learned.
    tokenizer.add_tokens([stance_views.TARGET_MASK, stance_views.OTHER_MASK])
    if len(tokenizer) > model.get_input_embeddings().num_embeddings:
        model.resize_token_embeddings(len(tokenizer))
    return tokenizer, model


def fit(
    views: Sequence[str],
    labels: Sequence[str],
    base_dir: Path,
    out_dir: Path,
    *,
    epochs: int = 3,
    batch_size: int = 16,
    lr: float = 3e-5,
    max_length: int = 256,
    seed: int = 13,
    progress: Callable[[str], None] | None = None,
    calibration_share: float = 0.0,
    groups: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Fine-tune the encoder in base_dir on (view, label) pairs and save it to out_dir.

    calibration_share > 0 holds that share of the groups (articles; each view its own group
    when none are given) out of the fine-tuning and fits the model's temperature on their
    probabilities (held_out_split, then calibration.fit_temperature); the card records it.

    A plain loop rather than `Trainer`: it needs no `accelerate`, is deterministic on CPU for a
    seed, and weighs classes by their inverse frequency because neutral outnumbers the rest.
    The global RNG state is restored afterwards, so training does not perturb the caller.
    Returns n, epochs, the last epoch's mean loss, per-epoch losses and seconds.
    """
    torch, _ = _require_torch()
    base_dir, out_dir = Path(base_dir), Path(out_dir)
    _check_fit_args(views, labels, epochs, batch_size, groups, calibration_share, lr)
    _check_base_dir(base_dir)  # before the held-out share is spoken of
    say = _reporter(progress)
    started = time.perf_counter()
    views, labels, held_views, held_labels = _hold_out(
        views, labels, groups, calibration_share, seed, say
    )
    n = len(views)
    # The new head's init and dropout draw from the global RNG: seeded here, restored after.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        tokenizer, model = _load_base(base_dir)
        limit = _length_limit(model.config, tokenizer, max_length)
        losses = _fine_tune(
            tokenizer,
            model,
            limit,
            views,
            labels,
            base_dir=base_dir,
            epochs=epochs,
            batch_size=batch_size,
            lr=lr,
            seed=seed,
            say=say,
        )
    _check_converged(losses, lr)
    calibration = _calibrate(tokenizer, model, limit, held_views, held_labels, batch_size, say)
    meta = {
        "name": NAME,
        "base": str(base_dir),
        "max_length": limit,
        "labels": list(LABELS),
        "trained_on": n,
        "epochs": epochs,
        "batch_size": batch_size,
        "lr": lr,
        "seed": seed,
        "final_loss": round(losses[-1], 6),
        TEMPERATURE_KEY: calibration.get(TEMPERATURE_KEY, 1.0),
        "calibration": {k: v for k, v in calibration.items() if k != TEMPERATURE_KEY},
    }
    _save(out_dir, tokenizer, model, meta)
    seconds = round(time.perf_counter() - started, 2)
    say(f"{NAME}: saved to {out_dir} in {seconds} s")
    return {
        "name": NAME,
        "n": n,
        "epochs": epochs,
        "loss": losses[-1],
        "losses": losses,
        "seconds": seconds,
        "max_length": limit,
        "out_dir": str(out_dir),
        TEMPERATURE_KEY: meta[TEMPERATURE_KEY],
        "held_out": len(held_views),
    }


def _check_fit_args(
    views: Sequence[str],
    labels: Sequence[str],
    epochs: int,
    batch_size: int,
    groups: Sequence[str] | None,
    calibration_share: float,
    lr: float = 3e-5,
) -> None:
    """Refuse a call that cannot train before loading anything: loading an encoder takes long
    and a bad label or size found half-way through would leave nothing behind but the wait."""
    if not 0 < lr <= 1:  # NaN too; inf turned every weight into NaN, 1e4 (for 1e-4) diverged
        raise ValueError(
            f"{NAME}: the learning rate must be above 0 and at most 1, got {lr}; fine-tuning "
            "an encoder takes rates such as 3e-5 or 1e-4"
        )
    if len(views) != len(labels):
        raise ValueError(f"{len(views)} views but {len(labels)} labels")
    if not views:
        raise ValueError(f"{NAME}: nothing to train on (no views)")
    bad = sorted(set(labels) - set(LABELS))
    if bad:
        raise ValueError(
            f"{NAME} learns {', '.join(LABELS)} only; got {bad} (leave out targets an example "
            "does not mention: 'none' is decided by mention)"
        )
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"epochs and batch_size must be at least 1, got {epochs}, {batch_size}")
    if groups is not None and len(groups) != len(views):
        raise ValueError(f"{len(views)} views but {len(groups)} groups")
    if not 0.0 <= calibration_share < 1.0:
        raise ValueError(f"calibration_share must be in [0, 1), got {calibration_share}")


def _check_converged(losses: list[float], lr: float) -> None:
    """A fine-tuning whose loss became NaN or infinite has weights to match: saved, it read
    every page as one label with no score. Refused before anything is written."""
    bad = next((i for i, loss in enumerate(losses, 1) if not math.isfinite(loss)), None)
    if bad is not None:
        raise ValueError(
            f"{NAME}: the loss diverged ({losses[bad - 1]}) in epoch {bad} at learning rate "
            f"{lr}; nothing was saved: train again with a lower --lr"
        )


def _reporter(progress: Callable[[str], None] | None) -> Callable[[str], None]:
    """One way to report, to the log and the caller's callback alike, so a run started without
    a callback (a library user, a test) still leaves its lines in the log."""

    def say(message: str) -> None:
        log.info("%s", message)
        if progress is not None:
            progress(message)

    return say


def _hold_out(
    views: Sequence[str],
    labels: Sequence[str],
    groups: Sequence[str] | None,
    share: float,
    seed: int,
    say: Callable[[str], None],
) -> tuple[list[str], list[str], list[str], list[str]]:
    """(views, labels) to fine-tune on, then (views, labels) held out for the temperature.

    A held-out set too small to fit a temperature on, or one that would leave nothing to train
    on, is given back to training: a noisy temperature is worse than none, and says so."""
    held = held_out_split(groups or [str(i) for i in range(len(views))], share, seed)
    if held and (len(held) < MIN_CALIBRATION or len(held) == len(views)):
        say(
            f"{NAME}: {len(held)} of {len(views)} views would be held out to fit the "
            f"temperature (at least {MIN_CALIBRATION}, and not all); training on all of them "
            "and leaving the scores untempered"
        )
        held = []
    held_views = [views[i] for i in held]
    held_labels = [labels[i] for i in held]
    kept = sorted(set(range(len(views))) - set(held))
    return [views[i] for i in kept], [labels[i] for i in kept], held_views, held_labels


@dataclass(frozen=True)
class _Training:
    """What every optimiser step needs, bundled so that the epoch loop does not pass six
    arguments down to each batch."""

    tokenizer: Any
    model: Any
    max_length: int
    loss_fn: Any
    optimizer: Any
    scheduler: Any


def _fine_tune(
    tokenizer: Any,
    model: Any,
    max_length: int,
    views: list[str],
    labels: list[str],
    *,
    base_dir: Path,
    epochs: int,
    batch_size: int,
    lr: float,
    seed: int,
    say: Callable[[str], None],
) -> list[float]:
    """Train the model in place and return each epoch's mean loss. Batches come in an order
    drawn from a generator of its own (seeded), so the order does not depend on how many
    numbers dropout drew before; the caller seeds and restores the global RNG around this."""
    import torch

    n = len(views)
    targets = torch.tensor([LABELS.index(label) for label in labels])
    counts, weights = _class_weights(targets)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer, scheduler = _optimiser(model, lr, epochs * math.ceil(n / batch_size))
    training = _Training(tokenizer, model, max_length, loss_fn, optimizer, scheduler)
    order_rng = torch.Generator().manual_seed(seed)
    say(
        f"{NAME}: fine-tuning {base_dir} on {n} views "
        f"({', '.join(f'{lab} {int(c)}' for lab, c in zip(LABELS, counts, strict=True))}), "
        f"{epochs} epochs, batch {batch_size}, lr {lr}, max_length {max_length}"
    )
    model.train()
    losses: list[float] = []
    for epoch in range(1, epochs + 1):
        order = torch.randperm(n, generator=order_rng).tolist()
        losses.append(
            _train_epoch(training, views, targets, order, batch_size, f"{epoch}/{epochs}", say)
        )
    model.eval()
    return losses


def _class_weights(targets: Any) -> tuple[Any, Any]:
    """Each label's count and its inverse-frequency weight: neutral outnumbers the rest, and an
    unweighted loss would teach the model that answering neutral is mostly right. A label with
    no views weighs 0 rather than dividing by zero."""
    import torch

    n = len(targets)
    counts = torch.bincount(targets, minlength=len(LABELS)).float()
    weights = torch.where(
        counts > 0, n / (len(LABELS) * counts.clamp(min=1)), torch.zeros_like(counts)
    )
    return counts, weights


def _optimiser(model: Any, lr: float, steps: int) -> tuple[Any, Any]:
    """AdamW with a short linear warm-up, then linear decay to zero: the new head starts random,
    and full-rate steps through it at first would wreck the pretrained encoder under it."""
    import torch
    import transformers

    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    scheduler = transformers.get_linear_schedule_with_warmup(
        optimizer, num_warmup_steps=int(WARMUP_SHARE * steps), num_training_steps=steps
    )
    return optimizer, scheduler


def _train_epoch(
    training: _Training,
    views: list[str],
    targets: Any,
    order: list[int],
    batch_size: int,
    epoch: str,
    say: Callable[[str], None],
) -> float:
    """One pass over the views in the given order; returns the batches' losses averaged by their
    sizes, so that a short last batch does not count as a full one. An epoch on CPU takes
    minutes, hence a line every PROGRESS_EVERY batches besides the one at its end."""
    started = time.perf_counter()
    n = len(views)
    total = 0.0
    for i in range(0, n, batch_size):
        idx = order[i : i + batch_size]
        total += _train_batch(training, [views[j] for j in idx], targets[idx]) * len(idx)
        done = i + len(idx)
        if done < n and (i // batch_size + 1) % PROGRESS_EVERY == 0:
            say(
                f"{NAME}: epoch {epoch}, {done} of {n} views "
                f"({time.perf_counter() - started:.0f} s)"
            )
    loss = total / n
    say(f"{NAME}: epoch {epoch} loss {loss:.4f} ({time.perf_counter() - started:.1f} s)")
    return loss


def _train_batch(training: _Training, texts: list[str], targets: Any) -> float:
    """One optimiser step on a batch; returns its mean loss. Gradients are clipped at norm 1 so
    that one odd batch early on cannot throw the encoder far from its pretrained weights."""
    import torch

    enc = _encode(training.tokenizer, texts, training.max_length)
    loss = training.loss_fn(training.model(**enc).logits, targets)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(training.model.parameters(), 1.0)
    training.optimizer.step()
    training.scheduler.step()
    training.optimizer.zero_grad()
    return loss.item()


def _calibrate(
    tokenizer: Any,
    model: Any,
    max_length: int,
    views: list[str],
    labels: list[str],
    batch_size: int,
    say: Callable[[str], None],
) -> dict[str, Any]:
    """The temperature fitted on the held-out views (empty when none were held out), reported
    with what it does to their mean score, so the user sees whether calibration changed much."""
    calibration = _fit_temperature(tokenizer, model, max_length, views, labels, batch_size)
    if calibration:
        say(
            f"{NAME}: temperature {calibration[TEMPERATURE_KEY]} from {len(views)} "
            f"held-out views (mean score {calibration['mean_score_untempered']} -> "
            f"{calibration['mean_score']}, right {calibration['right']})"
        )
    return calibration


def _save(out_dir: Path, tokenizer: Any, model: Any, meta: dict[str, Any]) -> None:
    """Write the model, its tokenizer and its card (duokong.json) to out_dir: staged first, so
    a save that fails half-way (a full disk) leaves the model that was there whole, not a mix
    of two models nor none (pipeline/staging.py)."""
    with staged_into(out_dir) as stage:
        model.save_pretrained(stage)
        tokenizer.save_pretrained(stage)
        (stage / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )


def held_out_split(groups: Sequence[str], share: float, seed: int) -> list[int]:
    """Indices of the views whose groups are drawn (seeded) until `share` of the views is
    reached: whole articles, so a held-out view has no sibling view of its article in training."""
    if share <= 0 or not groups:
        return []
    order = list(dict.fromkeys(groups))
    random.Random(seed).shuffle(order)
    want = share * len(groups)
    by_group: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    held: list[int] = []
    for g in order:
        if len(held) >= want:
            break
        held += by_group[g]
    return sorted(held)


def _encode(tokenizer: Any, texts: list[str], max_length: int) -> Any:
    """One padded batch of tensors, cut at the model's length."""
    return tokenizer(
        texts, padding=True, truncation=True, max_length=max_length, return_tensors="pt"
    )


def _softmax_rows(
    tokenizer: Any, model: Any, texts: Sequence[str], max_length: int, batch_size: int
) -> list[list[float]]:
    """Softmax over the labels for each text, in input order. Texts are batched by length so
    a long view does not pad many short sentences up to its size."""
    import torch

    out: list[list[float]] = [[] for _ in texts]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            enc = _encode(tokenizer, [texts[j] for j in idx], max_length)
            probs = torch.softmax(model(**enc).logits.float(), dim=-1).tolist()
            for j, p in zip(idx, probs, strict=True):
                out[j] = p
    return out


def _fit_temperature(
    tokenizer: Any,
    model: Any,
    max_length: int,
    views: Sequence[str],
    labels: Sequence[str],
    batch_size: int,
) -> dict[str, Any]:
    """The temperature fitted on held-out views, with what it did to their mean score beside
    the share right (for the card); empty when nothing was held out."""
    if not views:
        return {}
    import numpy as np

    probs = np.array(_softmax_rows(tokenizer, model, views, max_length, batch_size))
    truth = np.array([LABELS.index(label) for label in labels])
    temperature = fit_temperature(probs, truth)
    best = probs.argmax(axis=1)
    rows = np.arange(len(best))
    return {
        TEMPERATURE_KEY: temperature,
        "held_out": len(views),
        "right": round(float(np.mean(best == truth)), 3),
        "mean_score_untempered": round(float(probs[rows, best].mean()), 3),
        "mean_score": round(float(tempered(probs, temperature)[rows, best].mean()), 3),
    }


def is_trained(model_dir: Path) -> bool:
    """Whether model_dir holds a model saved by `fit` (its duokong.json names this backend)."""
    meta = Path(model_dir) / META_FILE
    if not meta.is_file() or not (Path(model_dir) / "config.json").is_file():
        return False
    try:
        return json.loads(meta.read_text("utf-8")).get("name") == NAME
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class LoadedModel:
    tokenizer: Any
    model: Any
    labels: tuple[str, ...]  # by output index
    max_length: int
    meta: dict[str, Any]


_cache: dict[tuple[str, int], LoadedModel] = {}
_cache_lock = threading.Lock()


def load_model(model_dir: Path) -> LoadedModel:
    """The trained model in model_dir, loaded once per process (keyed by the folder and its
    duokong.json's mtime, so retraining in the same process is picked up)."""
    _require_torch()
    model_dir = Path(model_dir)
    if not is_trained(model_dir):
        raise UnknownModelError(
            f"{NAME} has no trained model in {model_dir}; train one: "
            f"duokong train --model {NAME} --base /path/to/local/encoder"
        )
    meta_path = model_dir / META_FILE
    key = (str(model_dir.resolve()), meta_path.stat().st_mtime_ns)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        _, transformers = _require_torch()
        meta = json.loads(meta_path.read_text("utf-8"))
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
            model = transformers.AutoModelForSequenceClassification.from_pretrained(
                model_dir, local_files_only=True
            )
        except (OSError, ValueError, KeyError) as exc:
            raise UnknownModelError(
                f"{NAME}: the model in {model_dir} cannot be loaded ({exc}); retrain it: "
                f"duokong train --model {NAME} --base /path/to/local/encoder"
            ) from None
        model.eval()
        id2label = model.config.id2label
        labels = tuple(id2label[i] for i in range(len(id2label)))
        if set(labels) - set(LABELS):
            raise UnknownModelError(
                f"{NAME}: the model in {model_dir} has labels {list(labels)}, not {list(LABELS)}"
            )
        loaded = LoadedModel(tokenizer, model, labels, int(meta.get("max_length", 256)), meta)
        _cache[key] = loaded
        log.info("%s: loaded %s (base %s)", NAME, model_dir, meta.get("base"))
        return loaded


class TransformerStance:
    """Stance from a fine-tuned encoder: the model's argmax over each target's view; evidence
    is the sentences naming the target that most support that label on their own."""

    name = NAME

    def __init__(
        self, model_dir: Path, catalogue: Catalogue, batch_size: int = INFERENCE_BATCH
    ) -> None:
        self.model_dir = Path(model_dir)
        self.catalogue = catalogue
        self.batch_size = batch_size
        self.loaded = load_model(self.model_dir)

    def probabilities(self, texts: list[str]) -> list[list[float]]:
        """Softmax over the labels for each text, in input order, untempered (the evidence
        ranks sentences on them)."""
        loaded = self.loaded
        return _softmax_rows(
            loaded.tokenizer, loaded.model, texts, loaded.max_length, self.batch_size
        )

    @property
    def temperature(self) -> float:
        """The model's temperature; a model trained before calibration has none (1.0)."""
        return float(self.loaded.meta.get(TEMPERATURE_KEY, 1.0))

    def predict(self, item: AnalysisInput, targets: list[str]) -> list[Stance]:
        """One Stance per target, in the order given; `none` for targets the article does not
        name, without asking the model."""
        article_id = item.article.id
        mentioned = stance_views.mentioned_targets(item, self.catalogue)
        # One forward pass per article: every target's view, then every candidate evidence
        # sentence (masked for that target), so evidence costs no extra model calls.
        texts: list[str] = []
        plan: dict[str, tuple[int, list[str]]] = {}
        for target in dict.fromkeys(targets):
            if target not in mentioned:
                continue
            view_at = len(texts)
            texts.append(stance_views.target_view(item, target, self.catalogue))
            candidates = list(stance_views.sentences_naming(item, target))
            texts += [stance_views.mask(c, target, self.catalogue) for c in candidates]
            plan[target] = (view_at, candidates)
        probs = self.probabilities(texts) if texts else []
        stances = []
        for target in targets:
            if target not in plan:
                stances.append(Stance(article_id, target, "none", 0.99, (), NAME))
                continue
            view_at, candidates = plan[target]
            p = probs[view_at]
            best = max(range(len(p)), key=p.__getitem__)
            support = [probs[view_at + 1 + k][best] for k in range(len(candidates))]
            label = self.loaded.labels[best]
            if label == "neutral":  # its first mentions, as the other backends (views.py)
                evidence = tuple(candidates[:EVIDENCE_MAX])
            else:
                ranked = sorted(range(len(candidates)), key=lambda k: -support[k])
                evidence = tuple(candidates[k] for k in ranked[:EVIDENCE_MAX])
            score = float(tempered(p, self.temperature)[0][best])
            stances.append(Stance(article_id, target, label, round(score, 3), evidence, NAME))
        return stances


@register(NAME)
def create(settings: Settings, catalogue: Catalogue) -> TransformerStance:
    """The model trained into settings.model_dir(NAME) (models/transformer-v1 by default)."""
    return TransformerStance(settings.model_dir(NAME), catalogue)
