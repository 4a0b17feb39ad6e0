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


def _readme() -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as readme:
        return readme.read()


def _python_example() -> str:
    text = _readme()
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


def _command_line_table() -> str:
    text = _readme()
    return text[text.index("## The command line"):text.index("## Methods")]


def test_the_readme_documents_every_flag_of_distill():
    with open(os.path.join(ROOT, "tools", "distill.py"), encoding="utf-8") as tool:
        names = re.findall(r'DEFINE_\w+\("(\w+)"', tool.read())
    table = _command_line_table()
    rows = {row.split("|")[1].strip(): row for row in table.splitlines() if row.startswith("| `--")}
    undocumented = []
    for name in names:
        group, _, setting = name.partition("_")
        grouped = rows.get(f"`--{group}_*`", "")
        if f"`--{name}`" not in rows and f"`{setting}`" not in grouped and f"`--{name}=" not in table:
            undocumented.append(name)
    assert not undocumented, f"tools/distill.py flags missing from the README's command-line table: {undocumented}"


def test_the_readme_lists_every_method():
    from tfdfkd.synthesis import REGISTRY

    row = next(row for row in _command_line_table().splitlines() if row.startswith("| `--method`"))
    assert [name for name in REGISTRY if f"`{name}`" not in row] == []
