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


@pytest.mark.skipif(data._find_idx_dir(None, "test") is None, reason="dataset-fashion-mnist is not installed (tools/setup.sh installs it)")
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


def _write_idx(path, array, gz=True):
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    (gzip.open if gz else open)(path, "wb").write(header + array.astype(np.uint8).tobytes())


def test_damaged_idx_files_give_one_line_errors_not_tracebacks(tmp_path):
    good = tmp_path / "good-idx3-ubyte.gz"
    _write_idx(good, np.zeros((50, 28, 28)))
    cut = tmp_path / "cut-idx3-ubyte.gz"
    cut.write_bytes(good.read_bytes()[:40])  # the gzip stream ends early
    with pytest.raises(TfdfkdError, match="cannot be read.*EOFError.*replace .*cut-idx3-ubyte.gz with an intact copy"):
        data.read_idx(str(cut))
    plain = tmp_path / "plain-idx3-ubyte.gz"
    plain.write_bytes(b"\0\0\x08\x03 not gzip")
    with pytest.raises(TfdfkdError, match="cannot be read"):
        data.read_idx(str(plain))
    header = tmp_path / "header-idx3-ubyte"
    header.write_bytes(bytes([0, 0, 8, 3, 0, 0]))
    with pytest.raises(TfdfkdError, match="truncated inside its header"):
        data.read_idx(str(header))
    long = tmp_path / "long-idx1-ubyte"
    long.write_bytes(bytes([0, 0, 8, 1]) + (3).to_bytes(4, "big") + bytes(4))
    with pytest.raises(TfdfkdError, match="has 4 data bytes, its header \\(3,\\) says 3"):
        data.read_idx(str(long))


def test_fashion_mnist_files_that_disagree_are_refused(tmp_path):
    def files(images, labels):
        directory = tmp_path / str(len(list(tmp_path.iterdir())))
        directory.mkdir()
        _write_idx(directory / "t10k-images-idx3-ubyte.gz", images)
        _write_idx(directory / "t10k-labels-idx1-ubyte.gz", labels)
        return str(directory)

    ok = files(np.full((4, 28, 28), 255), np.arange(4))
    loaded = data.load("fashion_mnist", "test", data_dir=ok)
    assert loaded.images.shape == (4, 32, 32, 1) and loaded.images.max() == 1.0
    np.testing.assert_array_equal(loaded.labels, np.arange(4))
    with pytest.raises(TfdfkdError, match="4 images but .* 3 labels"):
        data.load("fashion_mnist", "test", data_dir=files(np.zeros((4, 28, 28)), np.arange(3)))
    with pytest.raises(TfdfkdError, match="holds label 200"):
        data.load("fashion_mnist", "test", data_dir=files(np.zeros((2, 28, 28)), np.array([0, 200])))
    with pytest.raises(TfdfkdError, match="not 28x28 images"):
        data.load("fashion_mnist", "test", data_dir=files(np.zeros(4), np.arange(4)))
    partial = tmp_path / "partial"
    partial.mkdir()
    _write_idx(partial / "t10k-images-idx3-ubyte.gz", np.zeros((4, 28, 28)))
    with pytest.raises(TfdfkdError, match="holds t10k-images-idx3-ubyte but not t10k-labels-idx1-ubyte"):
        data.load("fashion_mnist", "test", data_dir=str(partial))


def test_dataset_that_cannot_be_had_names_the_command(tmp_path):
    with pytest.raises(TfdfkdError, match="tfds.load\\('mnist'\\)"):
        data.load("mnist", "test", data_dir=str(tmp_path), download=False)


def test_behind_a_proxy_online_means_the_proxy_answers(monkeypatch):
    import socket

    for variable in data._PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    with socket.socket() as listening:  # a proxy on loopback that accepts connections
        listening.bind(("127.0.0.1", 0))
        listening.listen(1)
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{listening.getsockname()[1]}")
        assert data._online(timeout=1.0)
        closed = listening.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{closed}")  # nothing listens there now
    assert not data._online(timeout=1.0)


def test_a_download_is_not_attempted_offline(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "_online", lambda: False)  # as on a machine without network (tfds would retry for minutes)
    with pytest.raises(TfdfkdError, match="this machine is offline.*tfds.load\\('cifar10'\\)"):
        data.load("cifar10", "test", data_dir=str(tmp_path))


def test_unknown_dataset_and_split_are_refused():
    with pytest.raises(TfdfkdError, match="unknown dataset"):
        data.load("imagenet")
    with pytest.raises(TfdfkdError, match="unknown split"):
        data.load("digits", "validation")


def test_usps_is_read_from_libsvm_files_and_missing_files_name_where_to_get_them(tmp_path):
    import bz2

    # Two 16x16 images in LIBSVM's USPS layout: label 1..10, then index:value in [-1, 1] (absent = 0).
    lines = ["1 1:1 2:0 256:1", "10 17:0.5 256:-1"]
    for name in ("usps.bz2", "usps.t.bz2"):
        with bz2.open(tmp_path / name, "wt") as f:
            f.write("\n".join(lines) + "\n")
    test = data.load("usps", "test", data_dir=str(tmp_path))
    assert test.images.shape == (2, 32, 32, 1) and list(test.labels) == [0, 9]
    assert test.images.min() >= 0.0 and test.images.max() <= 1.0
    assert test.images[0, 0, 0, 0] > 0.9 and test.images[1, 31, 31, 0] < 0.05  # a white corner pixel, a black one
    assert abs(test.images[1, 16, 0, 0] - 0.5) < 0.05  # an absent value is LIBSVM's 0: mid-grey
    with pytest.raises(TfdfkdError, match="libsvmtools"):
        data.load("usps", "test", data_dir=str(tmp_path / "elsewhere"))
    with bz2.open(tmp_path / "usps.t.bz2", "wt") as f:
        f.write("one 1:0\n")
    with pytest.raises(TfdfkdError, match="line 1 is not in LIBSVM's USPS format"):
        data.load("usps", "test", data_dir=str(tmp_path))


def test_to_channels_converts_grey_and_rgb():
    rgb = np.random.default_rng(0).uniform(size=(2, 4, 4, 3)).astype("float32")
    grey = data.to_channels(rgb, 1)
    assert grey.shape == (2, 4, 4, 1) and grey.dtype == np.float32
    np.testing.assert_allclose(grey[..., 0], rgb @ np.array([0.2989, 0.587, 0.114]), rtol=1e-5)
    assert data.to_channels(grey, 3).shape == (2, 4, 4, 3) and data.to_channels(grey, 1) is grey
