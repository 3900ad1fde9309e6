"""The rules, one module per family, each declaring its rules next to its check.

A check is a pure function of the analysis, the facts and the options; see
:mod:`asyncwriter.checks.rule` and the registry that lists them.
"""
