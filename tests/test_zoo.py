import os
import shutil

import pytest

from tfdfkd import data, distill, zoo
from tfdfkd.errors import TfdfkdError


def test_zoo_lists_the_shipped_entries_with_cards():
    entries = zoo.list()
    for name in ("lenet5_fashion_mnist", "lenet5_half_fashion_mnist", "lenet5_digits"):
        assert name in entries
        card = entries[name]
        for key in ("architecture", "dataset", "weights", "sha256", "test_accuracy", "recipe", "command", "commit"):
            assert key in card, (name, key)
        assert card["recipe"]["epochs"] > 0 and "seed" in card["recipe"]


@pytest.mark.parametrize("name", sorted(zoo.list()))
def test_zoo_model_reproduces_its_card_accuracy(name):
    """The card's accuracy is re-measured from the committed weights (pinned by their sha256), so
    it holds whatever the state of the checkout that trained them."""
    card = zoo.card(name)
    test = data.load(card["dataset"], "test")
    assert distill.accuracy(zoo.load(name), test.images, test.labels) == pytest.approx(card["test_accuracy"], abs=1e-3)


def test_zoo_refuses_weights_whose_sha256_differs(tmp_path):
    for suffix in (".json", ".weights.h5"):
        shutil.copy(os.path.join(zoo.ZOO_DIR, "lenet5_digits" + suffix), tmp_path)
    path = tmp_path / "lenet5_digits.weights.h5"
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # one flipped byte
    path.write_bytes(bytes(raw))
    with pytest.raises(TfdfkdError, match="does not match the sha256"):
        zoo.load("lenet5_digits", str(tmp_path))


def test_unknown_zoo_name_lists_the_known_ones():
    with pytest.raises(TfdfkdError, match="lenet5_digits"):
        zoo.load("no_such_teacher")


def test_cards_say_how_an_architecture_departs_from_the_paper():
    from tfdfkd import models

    for name, card in zoo.list().items():
        assert card.get("architecture_note") == models.ARCHITECTURE_NOTES.get(card["architecture"]), name


def test_a_zoo_entry_is_a_student_that_starts_from_its_weights():
    """--student=<zoo name>: the entry's weights, not a fresh init (a later round starts from a shipped student)."""
    import numpy as np

    from tfdfkd import pipeline
    from tfdfkd import teacher as teachers

    config = pipeline.RunConfig(teacher="lenet5_fashion_mnist", student="lenet5_half_fashion_mnist", out="unused")
    student = pipeline.build_student(config, teachers.load(config.teacher))
    for a, b in zip(student.get_weights(), zoo.load("lenet5_half_fashion_mnist").get_weights()):
        np.testing.assert_array_equal(a, b)
