import gzip

import numpy as np
import pytest

from tfdfkd import data
from tfdfkd.errors import TfdfkdError


def test_digits_are_32x32_unit_range_with_fixed_split():
    train, test = data.load("digits", "train"), data.load("digits", "test")
    assert train.images.shape[1:] == (32, 32, 1) and train.images.dtype == np.float32
    assert 0.0 <= train.images.min() and train.images.max() <= 1.0
    assert len(train) + len(test) == 1797
    assert set(np.unique(test.labels)) == set(range(10))
    np.testing.assert_array_equal(data.load("digits", "test").labels, test.labels)


@pytest.mark.skipif(data._find_idx_dir(None) is None, reason="dataset-fashion-mnist is not installed (tools/setup.sh installs it)")
def test_fashion_mnist_reads_the_original_idx_files():
    test = data.load("fashion_mnist", "test")
    assert test.images.shape == (10000, 32, 32, 1)
    assert 0.0 == test.images.min() and test.images.max() == 1.0
    assert np.bincount(test.labels).tolist() == [1000] * 10


def test_read_idx_parses_and_refuses_corruption(tmp_path):
    good = tmp_path / "x-idx3-ubyte.gz"
    payload = np.arange(2 * 3 * 4, dtype=np.uint8)
    with gzip.open(good, "wb") as f:
        f.write(bytes([0, 0, 8, 3]) + (2).to_bytes(4, "big") + (3).to_bytes(4, "big") + (4).to_bytes(4, "big") + payload.tobytes())
    np.testing.assert_array_equal(data.read_idx(str(good)), payload.reshape(2, 3, 4))
    bad = tmp_path / "y-idx3-ubyte"
    bad.write_bytes(b"not an idx file")
    with pytest.raises(TfdfkdError, match="not an unsigned-byte IDX"):
        data.read_idx(str(bad))


def test_dataset_that_cannot_be_had_names_the_command(tmp_path):
    with pytest.raises(TfdfkdError, match="tfds.load\\('mnist'\\)"):
        data.load("mnist", "test", data_dir=str(tmp_path), download=False)


def test_unknown_dataset_and_split_are_refused():
    with pytest.raises(TfdfkdError, match="unknown dataset"):
        data.load("imagenet")
    with pytest.raises(TfdfkdError, match="unknown split"):
        data.load("digits", "validation")
