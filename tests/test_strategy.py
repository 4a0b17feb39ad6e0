"""--strategy names and the TF_CONFIG check behind multi_worker (in-process; the two-worker run is
in test_multiworker.py, the CLI's one-line errors in test_bad_inputs.py)."""

import json

import pytest
import tensorflow as tf

from tfdfkd import strategy as strategies
from tfdfkd.errors import TfdfkdError

TWO_WORKERS = {"worker": ["127.0.0.1:2222", "127.0.0.1:2223"]}


def test_a_well_formed_tf_config_is_accepted():
    config = {"cluster": TWO_WORKERS, "task": {"type": "worker", "index": 1}}
    assert strategies.check_tf_config(json.dumps(config)) == config
    with_chief = {"cluster": {"chief": ["host:1"], "worker": ["host:2"]}, "task": {"type": "chief", "index": 0}}
    assert strategies.check_tf_config(json.dumps(with_chief)) == with_chief


@pytest.mark.parametrize("tf_config, message", [
    ("", "needs TF_CONFIG, which is not set"),
    ("{cluster: 1}", "is not valid JSON"),
    (json.dumps([1, 2]), "needs a 'cluster' and a 'task'"),
    (json.dumps({"cluster": TWO_WORKERS}), "needs a 'cluster' and a 'task'"),
    (json.dumps({"cluster": {**TWO_WORKERS, "ps": ["h:1"]}, "task": {"type": "worker", "index": 0}}), "does not use"),
    (json.dumps({"cluster": {"worker": ["127.0.0.1"]}, "task": {"type": "worker", "index": 0}}), "'host:port' addresses"),
    (json.dumps({"cluster": {"worker": []}, "task": {"type": "worker", "index": 0}}), "'host:port' addresses"),
    (json.dumps({"cluster": {"evaluator": ["h:1"]}, "task": {"type": "evaluator", "index": 0}}), "lists no 'worker'"),
    (json.dumps({"cluster": TWO_WORKERS, "task": {"type": "worker", "index": 2}}), "not one of its cluster's tasks"),
    (json.dumps({"cluster": TWO_WORKERS, "task": {"type": "chief", "index": 0}}), "not one of its cluster's tasks"),
    (json.dumps({"cluster": TWO_WORKERS, "task": {"type": "worker", "index": "0"}}), "not one of its cluster's tasks"),
])
def test_a_malformed_tf_config_is_one_error_that_names_the_fix(tf_config, message):
    with pytest.raises(TfdfkdError, match=message) as error:
        strategies.check_tf_config(tf_config)
    assert "\n" not in str(error.value) and "Fix: " in str(error.value)


def test_multi_worker_without_tf_config_is_refused_before_tensorflow_waits(monkeypatch):
    monkeypatch.delenv("TF_CONFIG", raising=False)
    with pytest.raises(TfdfkdError, match="needs TF_CONFIG"):
        strategies.get("multi_worker")


def test_single_process_strategies_are_the_chief():
    assert strategies.is_chief(strategies.get("default"))
    assert strategies.is_chief(tf.distribute.get_strategy())
    assert strategies.is_chief(strategies.get("mirrored"))


def test_unknown_strategy_names_the_choices():
    with pytest.raises(TfdfkdError, match="default, mirrored, multi_worker, tpu"):
        strategies.get("gpu")
