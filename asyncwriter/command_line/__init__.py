"""The parts of ``asyncwriter lint`` that serve CI, pre-commit and the terminal.

Output formats (text with a summary and colour, GitHub annotations, SARIF), ``--fix``,
commit messages and pull request descriptions. :mod:`asyncwriter.cli` parses the arguments
and wires these in; each module here is plain functions of reports and text.
"""
