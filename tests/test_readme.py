"""The README's "From Python" example runs as written, shrunk to the digits teacher.

The example is what a new user copies first; this test keeps it from rotting. Only sizes, the
zoo name, the dataset and the output paths are changed, each by an exact substitution that must
match, so a rewrite of the example fails here until the test follows it.
"""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SHRINK = {  # README text -> what runs here (digits teacher, seconds not minutes)
    '"lenet5_fashion_mnist"': '"lenet5_digits"',
    "iterations=1500": "iterations=5",
    "num_samples=24000": "num_samples=40",
    "batch_size=500": "batch_size=20",
    "batch_size=512": "batch_size=20",
    "epochs=100": "epochs=1",
    '"fashion_mnist", "test"': '"digits", "test"',
    '"runs/di"': 'os.path.join(OUT, "di")',
    '"runs/student"': 'os.path.join(OUT, "student")',
}


def _python_example() -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as readme:
        text = readme.read()
    section = text[text.index("## From Python"):]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_the_readme_python_example_runs(tmp_path, capsys):
    code = _python_example()
    for readme, here in SHRINK.items():
        assert readme in code, f"the README example no longer contains {readme!r}: update SHRINK"
        code = code.replace(readme, here)
    exec(compile(code, "README.md", "exec"), {"os": os, "OUT": str(tmp_path)})  # noqa: S102 (our own README)
    accuracy = float(capsys.readouterr().out.strip().splitlines()[-1])
    assert 0.0 <= accuracy <= 1.0
    assert (tmp_path / "student" / "student.keras").is_file()
    assert (tmp_path / "student" / "student" / "saved_model.pb").is_file()
    assert (tmp_path / "di" / "manifest.json").is_file()
